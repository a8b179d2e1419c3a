package com.zeromission.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.zeromission.insights.Effect;
import com.zeromission.insights.InsightState;

/** The report's arithmetic and its sentences, from figures made up for each case. */
class ReportTextTest {

    static YearlyReport.Figures figures(String scope, Double lastYear, Double cpm, Double target, Double projected,
            boolean complete) {
        return figures(scope, lastYear, cpm, target, projected, complete, false);
    }

    static YearlyReport.Figures figures(String scope, Double lastYear, Double cpm, Double target, Double projected,
            boolean complete, boolean globalTarget) {
        return new YearlyReport.Figures(scope, 0, 0, cpm, 0, 0, lastYear, ReportText.changePercent(lastYear, cpm), target,
                projected, Verdict.of(target, cpm, projected, complete), globalTarget);
    }

    @Test
    void theChangeIsTheDifferenceOverLastYearInPercentAndUnknownWithoutLastYear() {
        assertThat(ReportText.changePercent(33.8, 28.0)).isCloseTo(-17.16, within(0.01));
        assertThat(ReportText.changePercent(40.0, 44.0)).isCloseTo(10.0, within(1e-9));
        assertThat(ReportText.changePercent(null, 28.0)).isNull();
        assertThat(ReportText.changePercent(0.0, 28.0)).isNull();
        assertThat(ReportText.percent(-17.16)).isEqualTo("\u221217 %");
        assertThat(ReportText.percent(4.4)).isEqualTo("+4 %");
        assertThat(ReportText.percent(0.3)).isEqualTo("0 %");
    }

    @Test
    void aFinishedYearAtOrBelowItsTargetAsPrintedMetItAndAboveMissedIt() {
        assertThat(Verdict.of(28.0, 28.04, null, true)).isEqualTo(Verdict.MET); // prints as 28.0
        assertThat(Verdict.of(28.0, 28.06, null, true)).isEqualTo(Verdict.MISSED); // prints as 28.1
        assertThat(Verdict.of(36.0, 33.0, null, true)).isEqualTo(Verdict.MET);
        assertThat(Verdict.of(null, 33.0, null, true)).isEqualTo(Verdict.NO_TARGET);
    }

    @Test
    void aRunningYearIsJudgedByItsProjectionNotByTheFigureSoFar() {
        assertThat(Verdict.of(28.0, 27.0, 29.5, false)).isEqualTo(Verdict.OFF_TRACK);
        assertThat(Verdict.of(28.0, 29.0, 27.9, false)).isEqualTo(Verdict.ON_TRACK);
        assertThat(Verdict.of(28.0, 27.0, null, false)).isEqualTo(Verdict.ON_TRACK);
    }

    @Test
    void theHeadlineOfAFinishedYearSaysFromWhatToWhatTheChangeAndTheTarget() {
        var g = figures("global", 33.8, 28.0, 28.0, null, true);

        assertThat(ReportText.headline(2026, 2025, LocalDate.of(2026, 12, 31), true, g)).isEqualTo(
                "In 2026 complaints per million purchases fell from 33.8 to 28.0 (\u221217 %), against a target of 28.0: "
                        + "the target was met.");
        assertThat(ReportText.headline(2026, 2025, LocalDate.of(2026, 12, 31), true, figures("global", 33.8, 30.2, 28.0, null, true)))
                .isEqualTo("In 2026 complaints per million purchases fell from 33.8 to 30.2 (\u221211 %), against a target "
                        + "of 28.0: the target was missed by 2.2 CPM.");
        assertThat(ReportText.headline(2026, 2025, LocalDate.of(2026, 12, 31), true, figures("global", 28.0, 30.0, null, null, true)))
                .isEqualTo("In 2026 complaints per million purchases rose from 28.0 to 30.0 (+7 %), with no target set for 2026.");
    }

    @Test
    void theHeadlineOfARunningYearSaysUpToWhenAndItsProjection() {
        var g = figures("global", 33.8, 29.1, 28.0, 28.6, false);

        assertThat(ReportText.headline(2026, 2025, LocalDate.of(2026, 5, 14), false, g)).isEqualTo(
                "In 2026 up to 14 May 2026 complaints per million purchases fell from 33.8 to 29.1 (\u221214 %), against a "
                        + "target of 28.0; the full year is projected at 28.6: off track.");
        assertThat(ReportText.headline(2026, 2025, LocalDate.of(2026, 5, 14), false, figures("global", null, 29.1, 28.0, 27.0, false)))
                .isEqualTo("In 2026 up to 14 May 2026 complaints per million purchases are 29.1 (no figures for 2025 to "
                        + "compare with), against a target of 28.0; the full year is projected at 27.0: on track.");
    }

    @Test
    void theMarketsSentenceCountsTheImprovedAndNamesTheLargestDropAndRise() {
        var markets = List.of(figures("DE", 30.0, 27.0, null, null, true), figures("NL", 20.0, 21.0, null, null, true),
                figures("SE", 40.0, 30.0, 32.0, null, true));

        assertThat(ReportText.markets(2026, 2025, markets)).isEqualTo("2 of 3 markets improved on 2025; the largest drop "
                + "was SE (40.0 to 30.0, \u221225 %); NL rose the most (20.0 to 21.0, +5 %); 1 of 1 market with its own "
                + "target is within it.");
    }

    @Test
    void theMarketsSentenceCountsMarketsHeldToTheGlobalTargetWithTheirVerdicts() {
        var markets = List.of(figures("DE", 30.0, 27.0, 28.0, null, true, true), figures("NL", 20.0, 29.0, 28.0, null, true, true),
                figures("SE", 40.0, 30.0, 32.0, null, true));

        assertThat(ReportText.markets(2026, 2025, markets)).endsWith("; 2 of 3 markets are within their target (2 held "
                + "to the global target 28.0 CPM).");
        assertThat(ReportText.markets(2026, 2025, markets.subList(0, 2))).endsWith("; 1 of 2 markets are within their "
                + "target (all held to the global target 28.0 CPM).");
    }

    @Test
    void anInitiativeSaysWhatItsProblemsComplaintsWentFromAndToAWeek() {
        var effect = Effect.of(320, 56_000_000, 80, 56_000_000);
        var i = new YearlyReport.Initiative(7, "Digital invoices by default", "invoice-team",
                InsightState.VERIFIED, java.time.Instant.parse("2026-03-02T12:00:00Z"),
                java.time.Instant.parse("2026-05-06T12:00:00Z"), null, List.of(), effect, 8, 8, 40.0, 10.0, null);

        assertThat(ReportText.initiative(i)).isEqualTo("“Digital invoices by default” (invoice-team) cut its problems' "
                + "complaints from 40 to 10 a week (\u221275 % per purchase, p < 0.001); verified.");
        assertThat(ReportText.initiatives(2026, List.of(i))).isEqualTo("1 fix was verified in 2026 by the effect "
                + "measurement: together their problems went from 40 to 10 complaints a week.");
    }

    @Test
    void aTrendWithinTenPercentIsSteady() {
        assertThat(Trend.of(200.0)).isEqualTo(Trend.RISING);
        assertThat(Trend.of(-9.0)).isEqualTo(Trend.STEADY);
        assertThat(Trend.of(-50.0)).isEqualTo(Trend.FALLING);
        assertThat(Trend.of(null)).isEqualTo(Trend.RISING);
    }
}
