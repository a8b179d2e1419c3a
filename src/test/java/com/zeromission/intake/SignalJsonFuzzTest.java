package com.zeromission.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import com.zeromission.support.FuzzBudget;

import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Fuzz target 1 (docs/fuzzing.md): what {@code POST /api/v1/signals} and {@code /batch} do with a request body.
 * Jackson reads it into {@link RawSignal} (a list of them for a batch) with unknown properties refused, as
 * application.properties sets, then {@link SignalSubmission#parse} checks every field. A Jackson exception (the
 * API answers 400) and an {@link InvalidSignalException} (400 with the fields) are refusals; any other exception
 * would be a 500 and is a finding.
 */
class SignalJsonFuzzTest {

    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();
    private static final TypeReference<List<RawSignal>> BATCH = new TypeReference<>() {
    };
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-06-01T12:00:00Z"), ZoneOffset.UTC);

    /** JSON tokens and the schema's field names: without them the fuzzer spends its time on syntax errors. */
    @DictionaryEntries({"\"source\"", "\"sourceId\"", "\"channel\"", "\"market\"", "\"product\"",
            "\"journeyStage\"", "\"receivedAt\"", "\"language\"", "\"text\"", "\"orderReference\"",
            "\"evidence\"", "\"customerId\"", "null", "true", "[", "]", "{", "}", ":", ",", "\"complaint\"",
            "\"SE\"", "\"2026-01-07T09:30:00Z\"", "\"https://x.example/\""})
    @FuzzTest(maxDuration = "20s")
    void aJsonBodyBecomesASignalOrAnExplainedRefusal(byte[] body) throws Exception {
        FuzzBudget.within(() -> {
            single(body);
            batch(body);
        });
    }

    private static void single(byte[] body) {
        RawSignal raw;
        try {
            raw = JSON.readValue(body, RawSignal.class);
        } catch (JacksonException refused) {
            return;
        }
        if (raw != null) { // a literal null body: Spring refuses a missing required body before the controller
            check(raw);
        }
    }

    /** As SignalController#submitBatch: each item is parsed, violations are collected. */
    private static void batch(byte[] body) {
        List<RawSignal> items;
        try {
            items = JSON.readValue(body, BATCH);
        } catch (JacksonException refused) {
            return;
        }
        if (items != null) {
            for (RawSignal item : items) {
                check(item);
            }
        }
    }

    private static void check(RawSignal raw) {
        SignalSubmission accepted;
        try {
            accepted = SignalSubmission.parse(raw, CLOCK);
        } catch (InvalidSignalException refused) {
            assertThat(refused.violations()).as("a refusal names at least one field").isNotEmpty();
            return;
        }
        assertThat(accepted.text()).isNotBlank().hasSizeLessThanOrEqualTo(SignalSubmission.MAX_TEXT_CHARS);
        assertThat(accepted.receivedAt()).isBeforeOrEqualTo(CLOCK.instant().plus(SignalSubmission.MAX_CLOCK_SKEW));
        assertThat(accepted.evidence()).hasSizeLessThanOrEqualTo(SignalSubmission.MAX_EVIDENCE_LINKS);
    }
}
