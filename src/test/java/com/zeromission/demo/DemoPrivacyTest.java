package com.zeromission.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import com.zeromission.privacy.TextMasker;

/** The demo data knows the personal data it planted: the product's masker must remove every value, and only those. */
class DemoPrivacyTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-23T12:00:00Z"), ZoneOffset.UTC);

    @Test
    void masksEveryPlantedValueAndNothingElse() {
        var masker = TextMasker.standard();
        long[] planted = new long[1], masks = new long[1];
        var leaks = new java.util.ArrayList<String>();
        new DemoDataGenerator(DemoSettings.defaults(CLOCK).withScale(0.3)).signals().forEach(s -> {
            var masked = masker.mask(s.raw().text());
            planted[0] += s.pii().size();
            masks[0] += masked.total();
            s.pii().stream().filter(p -> masked.text().contains(p.value())).forEach(p -> leaks.add(p + " in " + masked.text()));
        });
        assertThat(planted[0]).isGreaterThan(3000);
        assertThat(leaks).isEmpty();
        assertThat(masks[0]).as("masks beyond the planted values are false positives").isEqualTo(planted[0]);
    }
}
