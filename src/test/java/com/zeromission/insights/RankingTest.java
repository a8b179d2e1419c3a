package com.zeromission.insights;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.zeromission.insights.Ranking.Candidate;
import com.zeromission.insights.Ranking.Ranked;
import com.zeromission.insights.Ranking.Scoring;

class RankingTest {

    static final Instant T0 = Instant.parse("2026-11-02T09:00:00Z");

    static Candidate value(long id, String value, Double effort, Double probability, int createdMinutes) {
        return new Candidate(InsightId.of(id), "insight " + id, T0.plusSeconds(60L * createdMinutes), value == null ? null : new BigDecimal(value),
                effort, probability, null, null, null);
    }

    @Test
    void ranksByValuePerPersonDayWeightedByProbabilityAndShowsTheParts() {
        var ranked = Ranking.rank(List.of(
                value(1, "100000", 10.0, 0.10, 0),   // 10,000 a day x 0.10 = 1,000
                value(2, "2000000", 100.0, 0.02, 1), // 20,000 a day x 0.02 = 400
                value(3, "30000", 2.0, 0.30, 2)),    // 15,000 a day x 0.30 = 4,500
                Scoring.VALUE);

        assertThat(ranked).extracting(r -> r.insight().insightId().value()).containsExactly(3L, 1L, 2L);
        assertThat(ranked).extracting(Ranked::rank).containsExactly(1, 2, 3);
        assertThat(ranked.getFirst().score()).isEqualTo(4_500.0);
        assertThat(ranked.getFirst().formula()).isEqualTo("30000 a year / 2 person-days x 0.3000 probability");
    }

    @Test
    void breaksTiesByProbabilityThenLessEffortThenAgeThenId() {
        var ranked = Ranking.rank(List.of(
                value(10, "1000", 1.0, 0.5, 5),   // 500
                value(11, "2000", 2.0, 0.5, 4),   // 500, more effort
                value(12, "500", 1.0, 1.0, 3),    // 500, higher probability
                value(13, "1000", 1.0, 0.5, 1),   // 500, as 10 but older
                value(9, "1000", 1.0, 0.5, 1)),   // as 13, smaller id
                Scoring.VALUE);

        assertThat(ranked).extracting(r -> r.insight().insightId().value()).containsExactly(12L, 9L, 13L, 10L, 11L);
    }

    @Test
    void listsInsightsWithMissingPartsAfterTheScoredOnesSayingWhatIsMissing() {
        var ranked = Ranking.rank(List.of(
                value(1, null, 3.0, 0.1, 0),
                value(2, "1000", 1.0, 0.1, 1),
                value(3, "1000", 0.0, null, 2)),
                Scoring.VALUE);

        assertThat(ranked).extracting(r -> r.insight().insightId().value()).containsExactly(2L, 1L, 3L);
        assertThat(ranked.get(1).rank()).isZero();
        assertThat(ranked.get(1).score()).isNull();
        assertThat(ranked.get(1).missing()).containsExactly("financial impact (value per year, more than 0)");
        assertThat(ranked.get(2).missing()).containsExactly("effort (person-days, more than 0)",
                "probability (link the insight to a problem)");
    }

    @Test
    void scoresRiceAsReachTimesImpactTimesConfidencePerEffort() {
        var a = new Candidate(InsightId.of(1), "a", T0, null, 4.0, null, 12_000L, 2.0, 0.8);
        var b = new Candidate(InsightId.of(2), "b", T0, null, 1.0, null, 1_000L, 3.0, 1.0);
        var c = new Candidate(InsightId.of(3), "c", T0, null, 1.0, null, 5_000L, null, 1.0);

        var ranked = Ranking.rank(List.of(b, c, a), Scoring.RICE);

        assertThat(ranked).extracting(r -> r.insight().insightId().value()).containsExactly(1L, 2L, 3L);
        assertThat(ranked.get(0).score()).isEqualTo(4_800.0); // 12,000 x 2 x 0.8 / 4
        assertThat(ranked.get(0).formula()).isEqualTo("12,000 reach x 2 impact x 0.8 confidence / 4 person-days");
        assertThat(ranked.get(1).score()).isEqualTo(3_000.0);
        assertThat(ranked.get(2).missing()).containsExactly("impact (0.25, 0.5, 1, 2 or 3)");
    }

    @Test
    void explainsEachFactorInWordsFromTheMeasuredFacts() {
        var impact = new ImpactModel(81L, 1.0, new BigDecimal("450.00"), BigDecimal.ZERO, 0, BigDecimal.ZERO, 1.0, 81L, null);
        var measured = new Candidate(InsightId.of(1), "insight 1", T0, impact.valuePerYear(), 15.0, 0.012, 81L, 2.0, 0.8,
                new Ranking.Facts(impact, 210L, 17_500L, 7, 12));

        var ranked = Ranking.rank(List.of(measured), Scoring.VALUE).getFirst();

        assertThat(ranked.explanation()).containsExactly(
                "Impact: 81 complaints in the last 52 weeks x 450.00 each x 100 % removed by the fix = 36,450 a year",
                "Effort: 15 person-days",
                "Probability: 210 of the 17,500 complaints in the last 12 weeks (1.20 %)",
                "Frequency: complaints in 7 of the last 12 weeks");
        assertThat(Ranking.rank(List.of(measured), Scoring.RICE).getFirst().explanation()).containsExactly(
                "Reach: 81 complaints in the last 52 weeks", "Impact: 2 on RICE's scale", "Confidence: 80 %",
                "Effort: 15 person-days", "Probability: 210 of the 17,500 complaints in the last 12 weeks (1.20 %)",
                "Frequency: complaints in 7 of the last 12 weeks");
    }

    @Test
    void explainsAnUnscoredInsightWithWhatItLacks() {
        var ranked = Ranking.rank(List.of(value(4, null, null, null, 0)), Scoring.VALUE).getFirst();
        assertThat(ranked.explanation()).containsExactly("Impact: not estimated yet", "Effort: not estimated yet",
                "Probability: no problem linked");
    }
}
