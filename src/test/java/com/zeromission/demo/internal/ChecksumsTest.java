package com.zeromission.demo.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/** Published examples, so that the generator's checksums are right and not merely self-consistent. */
class ChecksumsTest {

    @Test
    void luhnAcceptsPublishedExamples() {
        assertThat(Checksums.luhnValid("79927398713")).isTrue();
        assertThat(Checksums.luhnValid("79927398710")).isFalse();
        assertThat(Checksums.luhnValid("4111111111111111")).isTrue();
        // Skatteverket's example personnummer 811218-9876
        assertThat(Checksums.luhnDigit("811218987")).isEqualTo(6);
    }

    @Test
    void ibanCheckDigitsMatchPublishedExamples() {
        assertThat(Checksums.ibanValid("GB82 WEST 1234 5698 7654 32")).isTrue();
        assertThat(Checksums.ibanValid("DE89 3704 0044 0532 0130 00")).isTrue();
        assertThat(Checksums.ibanValid("NL91 ABNA 0417 1643 00")).isTrue();
        assertThat(Checksums.ibanValid("GB82 WEST 1234 5698 7654 33")).isFalse();
        assertThat(Checksums.ibanCheckDigits("DE", "370400440532013000")).isEqualTo("89");
        assertThat(Checksums.ibanCheckDigits("GB", "WEST12345698765432")).isEqualTo("82");
    }

    @Test
    void nationalIdChecksMatchPublishedExamples() {
        // the Finnish population register's example 131052-308T, and a BSN that passes the elfproef
        assertThat(Checksums.finnishCheckChar("131052", "308")).isEqualTo('T');
        assertThat(Checksums.bsnValid("111222333")).isTrue();
        assertThat(Checksums.bsnValid("111222334")).isFalse();
    }

    @Test
    void generatedIdentifiersPassTheirChecks() {
        var r = new SplittableRandom(1);
        for (int i = 0; i < 1_000; i++) {
            assertThat(Checksums.luhnValid(SyntheticPii.card(r).replaceAll("[ -]", ""))).isTrue();
            for (String market : new String[] {"SE", "NO", "DK", "FI", "DE", "AT", "NL", "GB"}) {
                assertThat(Checksums.ibanValid(SyntheticPii.iban(market, r))).isTrue();
            }
            assertThat(Checksums.bsnValid(SyntheticPii.personalId("NL", r))).isTrue();
        }
    }

    @Test
    void phoneNumbersUseTheFictionRangesWhereRegulatorsKeepThem() {
        var r = new SplittableRandom(2);
        for (int i = 0; i < 200; i++) {
            assertThat(SyntheticPii.phone("GB", r).replace(" ", "")).matches("(07700|\\+447700)900\\d{3}");
            assertThat(SyntheticPii.phone("US", r)).contains("555-01");
            assertThat(SyntheticPii.phone("SE", r).replaceAll("[^0-9]", "")).contains("17406");
        }
    }
}
