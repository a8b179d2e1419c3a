package com.zeromission.kafka.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import com.zeromission.intake.InvalidSignalException;
import com.zeromission.intake.SignalSubmission;
import com.zeromission.privacy.TextMasker;
import com.zeromission.support.FuzzBudget;

/**
 * Fuzz target 2 (docs/fuzzing.md): the Kafka message parser. Whatever bytes arrive on a topic, {@link Messages}
 * returns what they ask for or a {@link Messages.Poison} with a masked reason; it never throws, since an exception
 * in the listener would stop the partition instead of dead-lettering one message. Both topics' parsers get the
 * same bytes (Jazzer fuzzes one target per JVM, so one target covers both). A signal then goes through
 * {@link SignalSubmission#parse} as the consumer does: there, only an {@link InvalidSignalException} may come out.
 */
class MessagesFuzzTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-06-01T12:00:00Z"), ZoneOffset.UTC);

    /** JSON tokens and the schema's field names: without them the fuzzer spends its time on syntax errors. */
    @DictionaryEntries({"\"schema\"", "\"signal/v1\"", "\"purchases/v1\"", "\"day\"", "\"purchases\"", "\"source\"", "\"sourceId\"", "\"channel\"", "\"market\"", "\"product\"",
            "\"journeyStage\"", "\"receivedAt\"", "\"language\"", "\"text\"", "\"orderReference\"",
            "\"evidence\"", "\"customerId\"", "null", "true", "[", "]", "{", "}", ":", ",", "\"complaint\"",
            "\"SE\"", "\"2026-01-07T09:30:00Z\"", "\"https://x.example/\""})
    @FuzzTest(maxDuration = "20s")
    void anyMessageIsReadOrPoisonNeverAnException(byte[] value) throws Exception {
        FuzzBudget.within(() -> {
            check(Messages.signal(value));
            check(Messages.purchases(value));
        });
    }

    private static void check(Messages.Parsed parsed) {
        assertThat(parsed).isNotNull();
        switch (parsed) {
            case Messages.Poison p -> {
                assertThat(p.reason()).isNotBlank();
                assertThat(TextMasker.standard().mask(p.reason()).total()).as("the reason is masked").isZero();
            }
            case Messages.SignalMessage s -> {
                try {
                    SignalSubmission.parse(s.signal(), CLOCK);
                } catch (InvalidSignalException refused) {
                    assertThat(refused.violations()).isNotEmpty();
                }
            }
            case Messages.PurchaseMessage m -> assertThat(m.count()).isNotNull();
        }
    }
}
