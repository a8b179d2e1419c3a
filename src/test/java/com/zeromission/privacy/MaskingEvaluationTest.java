package com.zeromission.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The acceptance bar of the masker on the labelled multilingual sets: recall ≥ 99 %, precision ≥ 95 %. */
class MaskingEvaluationTest {

    private final MaskingEvaluation.Report report = MaskingEvaluation.run();

    @Test
    void findsAtLeast99PercentOfPersonalDataOverall() {
        assertThat(report.entities()).isGreaterThan(3000);
        assertThat(report.overall().recall()).as(describe()).isGreaterThanOrEqualTo(0.99);
    }

    @Test
    void masksLessThanFivePercentOfWhatMustStayReadable() {
        assertThat(report.overall().precision()).as(describe()).isGreaterThanOrEqualTo(0.95);
    }

    @Test
    void meetsTheBarInEveryLanguage() {
        assertThat(report.byLanguage()).containsOnlyKeys("sv", "en", "nl", "de");
        report.byLanguage().forEach((language, counts) -> {
            assertThat(counts.recall()).as(language + " recall; " + describe()).isGreaterThanOrEqualTo(0.99);
            assertThat(counts.precision()).as(language + " precision; " + describe()).isGreaterThanOrEqualTo(0.95);
        });
    }

    @Test
    void everyTypeOccursAndIsFound() {
        report.byType().forEach((type, counts) -> {
            assertThat(counts.truePositives() + counts.falseNegatives()).as(type + " occurrences").isGreaterThan(100);
            assertThat(counts.recall()).as(type + " recall; " + describe()).isGreaterThanOrEqualTo(0.98);
        });
    }

    @Test
    void meetsTheBarOnTheHandWrittenSetItsAuthorWroteBlind() {
        var blind = MaskingEvaluation.handwritten();
        assertThat(blind.texts()).isGreaterThanOrEqualTo(200);
        assertThat(blind.entities()).isGreaterThan(150);
        assertThat(blind.byType().values()).allSatisfy(c -> assertThat(c.truePositives() + c.falseNegatives()).isGreaterThanOrEqualTo(25));
        assertThat(blind.overall().recall()).as(blind.misses().toString()).isGreaterThanOrEqualTo(0.99);
        assertThat(blind.overall().precision()).as(blind.misses().toString()).isGreaterThanOrEqualTo(0.95);
    }

    private String describe() {
        var sb = new StringBuilder("overall " + report.overall() + "\n");
        report.misses().stream().limit(40).forEach(m -> sb.append(m).append('\n'));
        return sb.toString();
    }
}
