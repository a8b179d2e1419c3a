package com.zeromission.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Published examples, so that the check digits are right and not merely self-consistent. */
class CheckDigitsTest {

    @Test
    void luhnAcceptsPublishedExamples() {
        assertThat(CheckDigits.luhn("79927398713")).isTrue();
        assertThat(CheckDigits.luhn("79927398710")).isFalse();
        assertThat(CheckDigits.luhn("4111111111111111")).isTrue();
        // Skatteverket's example personnummer 811218-9876
        assertThat(CheckDigits.luhnDigit("811218987")).isEqualTo(6);
        assertThat(CheckDigits.swedishPersonalNumber("8112189876")).isTrue();
        assertThat(CheckDigits.swedishPersonalNumber("198112189876")).isTrue();
        assertThat(CheckDigits.swedishPersonalNumber("8112189875")).isFalse();
    }

    @Test
    void ibanCheckDigitsMatchPublishedExamples() {
        assertThat(CheckDigits.iban("GB82WEST12345698765432")).isTrue();
        assertThat(CheckDigits.iban("DE89370400440532013000")).isTrue();
        assertThat(CheckDigits.iban("NL91ABNA0417164300")).isTrue();
        assertThat(CheckDigits.iban("GB82WEST12345698765433")).isFalse();
        assertThat(CheckDigits.iban("DE8937040044053201300")).as("one digit short for DE").isFalse();
        assertThat(CheckDigits.ibanCheckDigits("DE", "370400440532013000")).isEqualTo("89");
        assertThat(CheckDigits.ibanCheckDigits("GB", "WEST12345698765432")).isEqualTo("82");
    }

    @Test
    void nationalIdChecksMatchPublishedExamples() {
        // the Finnish population register's example 131052-308T, and a BSN that passes the elfproef
        assertThat(CheckDigits.finnishCheckChar("131052", "308")).isEqualTo('T');
        assertThat(CheckDigits.finnishPersonalId("131052-308T")).isTrue();
        assertThat(CheckDigits.finnishPersonalId("131052-308U")).isFalse();
        assertThat(CheckDigits.dutchBsn("111222333")).isTrue();
        assertThat(CheckDigits.dutchBsn("111222334")).isFalse();
        assertThat(CheckDigits.norwegianCheckDigits("150385101")).containsExactly(9, 0);
        assertThat(CheckDigits.norwegianBirthNumber("15038510190")).isTrue();
        assertThat(CheckDigits.usSsn("123456789")).isTrue();
        assertThat(CheckDigits.usSsn("666456789")).isFalse();
    }

    @Test
    void cardsNeedASchemePrefixAsWellAsLuhn() {
        assertThat(CheckDigits.paymentCard("4111111111111111")).isTrue();
        assertThat(CheckDigits.paymentCard("378282246310005")).isTrue();
        assertThat(CheckDigits.paymentCard("1234567812345670")).as("Luhn-valid, no scheme starts with 1").isFalse();
    }
}
