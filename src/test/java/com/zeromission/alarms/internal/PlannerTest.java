package com.zeromission.alarms.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.zeromission.alarms.AlertKind;
import com.zeromission.alarms.Evidence;
import com.zeromission.alarms.Severity;
import com.zeromission.markets.Scope;

class PlannerTest {

    static final LocalDate DAY = LocalDate.of(2026, 5, 4);
    static final AlertKey FAST = new AlertKey(AlertKind.BURN_RATE, "fast-burn", Scope.GLOBAL);

    static Decision.Firing firing(AlertKey key) {
        var w = new Evidence.Window(DAY, DAY, 700, 1_000_000);
        return new Decision.Firing(key, Severity.PAGE, DAY, new Evidence.BurnRate(40, 14.4, w, w), "burning");
    }

    @Test
    void firingWithNothingOpenOpensAnAlert() {
        var steps = Planner.plan(Map.<AlertKey, String>of(), List.of(firing(FAST)), DAY);

        assertThat(steps).singleElement().isInstanceOf(Planner.Open.class);
    }

    @Test
    void reEvaluationKeepsTheOpenAlertInsteadOfOpeningASecond() {
        var steps = Planner.plan(Map.of(FAST, "alert-1"), List.of(firing(FAST)), DAY);

        assertThat(steps).singleElement().isEqualTo(new Planner.Keep<>("alert-1", "still firing: burning"));
    }

    @Test
    void quietClosesTheOpenAlertOnTheDayItWasJudged() {
        var steps = Planner.plan(Map.of(FAST, "alert-1"),
                List.of(new Decision.Quiet(FAST, Severity.PAGE, DAY.minusDays(1), "burn rate 1.0x")), DAY);

        assertThat(steps).singleElement().isEqualTo(new Planner.Close<>("alert-1", DAY.minusDays(1), "burn rate 1.0x"));
    }

    @Test
    void tooFewPurchasesNeitherOpensNorCloses() {
        var undecided = new Decision.Undecided(FAST, Severity.PAGE, "too few purchases");

        assertThat(Planner.plan(Map.<AlertKey, String>of(), List.of(undecided), DAY)).isEmpty();
        assertThat(Planner.plan(Map.of(FAST, "alert-1"), List.of(undecided), DAY)).singleElement()
                .isEqualTo(new Planner.Keep<>("alert-1", "no decision: too few purchases"));
    }

    @Test
    void anOpenAlertNoRuleSpeaksForAnyMoreClosesSayingWhy() {
        // The scope's target was not set for the new year.
        var steps = Planner.plan(Map.of(FAST, "alert-1"), List.of(), DAY);

        assertThat(steps).singleElement().isEqualTo(new Planner.Close<>("alert-1", DAY,
                "no longer evaluated: global has no CPM target for 2026"));
    }
}
