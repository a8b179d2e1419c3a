package com.zeromission.demo.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import com.zeromission.privacy.CheckDigits;

/** The personal data the demo plants passes the same checks the masker applies, in the formats of its market. */
class SyntheticPiiTest {

    @Test
    void generatedIdentifiersPassTheirChecks() {
        var r = new SplittableRandom(1);
        for (int i = 0; i < 1_000; i++) {
            assertThat(CheckDigits.luhn(SyntheticPii.card(r).replaceAll("[ -]", ""))).isTrue();
            for (String market : new String[] {"SE", "NO", "DK", "FI", "DE", "AT", "NL", "GB"}) {
                String iban = SyntheticPii.iban(market, r).replace(" ", "");
                assertThat(CheckDigits.iban(iban)).as(iban).isTrue();
            }
            assertThat(CheckDigits.dutchBsn(SyntheticPii.personalId("NL", r))).isTrue();
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
