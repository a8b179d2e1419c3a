package com.zeromission.mystery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.JdbcTemplate;

import com.zeromission.alarms.TestClock;
import com.zeromission.intake.Channel;
import com.zeromission.intake.IntakeOutcome;
import com.zeromission.intake.IntakeService;
import com.zeromission.intake.JourneyStage;
import com.zeromission.intake.SignalId;
import com.zeromission.markets.Market;

/**
 * What mystery shopping promises, on every supported database (see the subclasses), with a fixed clock: findings
 * become mystery-shopping signals through intake when a run is completed, once, masked like every other signal.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE, properties = "zeromission.alarms.scheduling=false")
@Import(MysteryShoppingContract.ClockConfiguration.class)
abstract class MysteryShoppingContract {

    static final TestClock CLOCK = new TestClock(Instant.parse("2026-12-01T12:00:00Z"));
    static final LocalDate TODAY = LocalDate.parse("2026-12-01");
    private static final AtomicInteger NAMES = new AtomicInteger();

    @TestConfiguration
    static class ClockConfiguration {
        @Bean
        @Primary
        Clock mysteryClock() {
            return CLOCK;
        }
    }

    @Autowired
    MysteryShopping mystery;
    @Autowired
    IntakeService intake;
    @Autowired
    JdbcTemplate jdbc;

    Scenario scenario(String market, PaymentMethod payment, List<Step> steps) {
        return mystery.createScenario(new NewScenario(market + " online " + payment.code() + " #" + NAMES.incrementAndGet(),
                Market.of(market), Mode.ONLINE, "merchant web shop", payment, "none", steps), "analyst");
    }

    long signalsFromMysteryShopping() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM signal WHERE source = ?", Long.class, MysteryShopping.SOURCE);
    }

    @Test
    void aCompletedRunTurnsEachFindingIntoAMysteryShoppingSignal() {
        var scenario = scenario("SE", PaymentMethod.PAY_LATER, null);
        var run = mystery.start(scenario.id(), "anna", TODAY.minusDays(10), "anna");
        assertThat(run.status()).isEqualTo(RunStatus.IN_PROGRESS);
        mystery.record(run.id(), Step.ORDER_CONFIRMATION, TODAY.minusDays(10), Outcome.OK, null, "anna");
        mystery.record(run.id(), Step.REMINDER, TODAY.minusDays(3), Outcome.PROBLEM,
                "The reminder with a reminder fee arrived before the invoice did", "anna");
        mystery.record(run.id(), Step.INVOICE, TODAY.minusDays(1), Outcome.PROBLEM, "The invoice came by post 9 days late",
                "anna");
        mystery.record(run.id(), Step.DELIVERY, TODAY.minusDays(8), Outcome.NOT_APPLICABLE, null, "anna");

        var completion = mystery.complete(run.id(), "anna");

        assertThat(completion).isInstanceOf(Completion.Completed.class);
        assertThat(completion.run().status()).isEqualTo(RunStatus.COMPLETED);
        assertThat(completion.run().completedBy()).isEqualTo("anna");
        assertThat(completion.signalIds()).hasSize(2);
        // in the scenario's order: invoice before reminder, whatever order they were recorded in
        assertThat(completion.run().steps()).extracting(StepRecord::step)
                .containsExactly(Step.ORDER_CONFIRMATION, Step.INVOICE, Step.REMINDER, Step.DELIVERY);
        var invoice = intake.find(SignalId.parse(completion.signalIds().get(0))).orElseThrow();
        var reminder = intake.find(SignalId.parse(completion.signalIds().get(1))).orElseThrow();
        assertThat(reminder.channel()).isEqualTo(Channel.MYSTERY_SHOPPING);
        assertThat(reminder.channel().code()).isEqualTo("mystery-shopping");
        assertThat(reminder.source()).isEqualTo("mystery-shopping");
        assertThat(reminder.sourceId()).isEqualTo("run-" + run.id() + "-reminder");
        assertThat(reminder.market()).isEqualTo(Market.of("SE"));
        assertThat(reminder.product()).isEqualTo("pay-later");
        assertThat(reminder.journeyStage()).isEqualTo(JourneyStage.REMINDER);
        assertThat(reminder.receivedAt()).isEqualTo(Instant.parse("2026-11-28T00:00:00Z"));
        assertThat(reminder.text()).isEqualTo("The reminder with a reminder fee arrived before the invoice did");
        assertThat(invoice.journeyStage()).isEqualTo(JourneyStage.INVOICE);
        assertThat(mystery.run(run.id()).signalIds()).containsExactlyElementsOf(completion.signalIds());
    }

    @Test
    void theProductIsThePaymentMethodsAndTheStageTheSteps() {
        assertThat(List.of(PaymentMethod.values())).extracting(PaymentMethod::product)
                .containsExactly("pay-later", "pay-in-3", "pay-now", "financing");
        assertThat(List.of(Step.values())).extracting(Step::journeyStage).containsExactly(JourneyStage.CHECKOUT,
                JourneyStage.INVOICE, JourneyStage.REMINDER, JourneyStage.DELIVERY, JourneyStage.REFUND,
                JourneyStage.CUSTOMER_SERVICE);
        var scenario = scenario("DE", PaymentMethod.PAY_IN_3, List.of(Step.RETURN_REFUND));
        var run = mystery.start(scenario.id(), "lars", TODAY.minusDays(2), "lars");
        mystery.record(run.id(), Step.RETURN_REFUND, TODAY, Outcome.PROBLEM, "Refund not shown in the app", "lars");
        var signal = intake.find(SignalId.parse(mystery.complete(run.id(), "lars").signalIds().getFirst())).orElseThrow();
        assertThat(signal.product()).isEqualTo("pay-in-3");
        assertThat(signal.market()).isEqualTo(Market.of("DE"));
        assertThat(signal.journeyStage()).isEqualTo(JourneyStage.REFUND);
    }

    @Test
    void completingTwiceAddsNoSignal() {
        var scenario = scenario("GB", PaymentMethod.PAY_NOW, null);
        var run = mystery.start(scenario.id(), "olle", TODAY.minusDays(5), "olle");
        mystery.record(run.id(), Step.CUSTOMER_SERVICE, TODAY.minusDays(1), Outcome.PROBLEM, "Chat closed after 40 minutes",
                "olle");
        long before = signalsFromMysteryShopping();

        var first = mystery.complete(run.id(), "olle");
        var again = mystery.complete(run.id(), "analyst");

        assertThat(first).isInstanceOf(Completion.Completed.class);
        assertThat(again).isInstanceOf(Completion.AlreadyCompleted.class);
        assertThat(again.signalIds()).isEqualTo(first.signalIds());
        assertThat(again.run().completedBy()).isEqualTo("olle");
        assertThat(signalsFromMysteryShopping()).isEqualTo(before + 1);
    }

    @Test
    void aRetriedCompletionFindsTheSignalsIntakeStoredBefore() {
        // As if a first completion stored the signal but its answer (and the run's update) was lost: intake keeps it once.
        var scenario = scenario("SE", PaymentMethod.FINANCING, null);
        var run = mystery.start(scenario.id(), "anna", TODAY.minusDays(4), "anna");
        mystery.record(run.id(), Step.INVOICE, TODAY.minusDays(2), Outcome.PROBLEM, "Invoice shows the wrong amount", "anna");
        var stored = intake.accept(MysteryShopping.submission(mystery.run(run.id()), scenario,
                mystery.run(run.id()).findings().getFirst()));
        long before = signalsFromMysteryShopping();

        var completion = mystery.complete(run.id(), "anna");

        assertThat(completion.signalIds()).containsExactly(
                ((IntakeOutcome.Created) stored).signal().id().toString());
        assertThat(signalsFromMysteryShopping()).isEqualTo(before);
    }

    @Test
    void refusesStepsAfterTheRunIsCompleted() {
        var scenario = scenario("SE", PaymentMethod.PAY_LATER, null);
        var run = mystery.start(scenario.id(), "anna", TODAY.minusDays(1), "anna");
        mystery.record(run.id(), Step.INVOICE, TODAY, Outcome.OK, null, "anna");
        mystery.complete(run.id(), "anna");

        assertThatThrownBy(() -> mystery.record(run.id(), Step.REMINDER, TODAY, Outcome.PROBLEM, "late", "anna"))
                .isInstanceOf(RunCompletedException.class).hasMessageContaining("run " + run.id() + " was completed");
        assertThat(mystery.run(run.id()).steps()).hasSize(1);
    }

    @Test
    void findingsAreMaskedLikeEveryOtherSignal() {
        var scenario = scenario("SE", PaymentMethod.PAY_LATER, null);
        var run = mystery.start(scenario.id(), "anna", TODAY.minusDays(3), "anna");
        mystery.record(run.id(), Step.ORDER_CONFIRMATION, TODAY.minusDays(3), Outcome.PROBLEM,
                "The confirmation went to anna.svensson@example.se instead of the address I gave", "anna");

        var recorded = mystery.run(run.id()).steps().getFirst();
        var signal = intake.find(SignalId.parse(mystery.complete(run.id(), "anna").signalIds().getFirst())).orElseThrow();

        assertThat(recorded.note()).doesNotContain("anna.svensson@example.se").contains("The confirmation went to");
        assertThat(signal.text()).doesNotContain("anna.svensson@example.se").isEqualTo(recorded.note());
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM mystery_step WHERE note LIKE '%example.se%'", Long.class))
                .isZero();
    }

    @Test
    void stepsAreCheckedAgainstTheScenarioAndTheRunsDates() {
        var scenario = scenario("SE", PaymentMethod.PAY_LATER, List.of(Step.INVOICE, Step.REMINDER));
        var run = mystery.start(scenario.id(), "anna", TODAY.minusDays(3), "anna");

        assertThatThrownBy(() -> mystery.record(run.id(), Step.DELIVERY, TODAY, Outcome.OK, null, "anna"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("delivery is not one of scenario");
        assertThatThrownBy(() -> mystery.record(run.id(), Step.INVOICE, TODAY.minusDays(4), Outcome.OK, null, "anna"))
                .hasMessageContaining("2026-11-27").hasMessageContaining("run's date 2026-11-28");
        assertThatThrownBy(() -> mystery.record(run.id(), Step.INVOICE, TODAY.plusDays(1), Outcome.OK, null, "anna"))
                .hasMessageContaining("2026-12-02");
        assertThatThrownBy(() -> mystery.record(run.id(), Step.INVOICE, TODAY, Outcome.PROBLEM, "  ", "anna"))
                .hasMessageContaining("needs a note");
        assertThatThrownBy(() -> mystery.start(scenario.id(), "anna", TODAY.plusDays(1), "anna"))
                .hasMessageContaining("lies in the future");
        assertThatThrownBy(() -> mystery.start(scenario.id(), "Anna Svensson", TODAY, "anna"))
                .hasMessageContaining("'Anna Svensson'");
        assertThatThrownBy(() -> mystery.start(987654, "anna", TODAY, "anna")).isInstanceOf(ScenarioNotFoundException.class);
        assertThatThrownBy(() -> mystery.record(987654, Step.INVOICE, TODAY, Outcome.OK, null, "anna"))
                .isInstanceOf(RunNotFoundException.class);

        // recorded again, a step replaces what was there
        mystery.record(run.id(), Step.INVOICE, TODAY, Outcome.PROBLEM, "first", "anna");
        mystery.record(run.id(), Step.INVOICE, TODAY, Outcome.OK, null, "anna");
        assertThat(mystery.run(run.id()).steps()).singleElement().extracting(StepRecord::outcome).isEqualTo(Outcome.OK);
        assertThat(mystery.complete(run.id(), "anna").signalIds()).isEmpty();
    }

    @Test
    void aScenarioNeedsEveryPartAndTakesTheDefaultSteps() {
        var created = mystery.createScenario(NewScenario.parse("DE in store pay in 3 #" + NAMES.incrementAndGet(), "de",
                "In-Store", "store terminal", "pay-in-3", "debit Visa", null), "analyst");
        assertThat(created.market()).isEqualTo(Market.of("DE"));
        assertThat(created.mode()).isEqualTo(Mode.IN_STORE);
        assertThat(created.payment()).isEqualTo(PaymentMethod.PAY_IN_3);
        assertThat(created.steps()).containsExactly(Step.ORDER_CONFIRMATION, Step.INVOICE, Step.REMINDER, Step.DELIVERY,
                Step.RETURN_REFUND, Step.CUSTOMER_SERVICE);
        assertThat(mystery.scenarios()).extracting(Scenario::id).contains(created.id());

        assertThatThrownBy(() -> NewScenario.parse("x", "UK", "online", "web", "pay-later", "none", null))
                .hasMessageContaining("'UK'").hasMessageContaining("GB");
        assertThatThrownBy(() -> NewScenario.parse("x", "SE", "by post", "web", "pay-later", "none", null))
                .hasMessageContaining("'by post'").hasMessageContaining("online, in-store");
        assertThatThrownBy(() -> NewScenario.parse("x", "SE", "online", "web", "pay-someday", "none", null))
                .hasMessageContaining("'pay-someday'").hasMessageContaining("pay-later, pay-in-3, pay-now, financing");
        assertThatThrownBy(() -> NewScenario.parse("x", "SE", "online", "web", "pay-later", "none", List.of("unboxing")))
                .hasMessageContaining("'unboxing'").hasMessageContaining("order-confirmation");
        assertThatThrownBy(() -> NewScenario.parse("x", "SE", "online", "web", "pay-later", "none",
                List.of("invoice", "reminder", "invoice"))).hasMessageContaining("invoice is named more than once");
        assertThatThrownBy(() -> NewScenario.parse(" ", "SE", "online", "web", "pay-later", "none", null))
                .hasMessageContaining("name must be 1-120");
        assertThatThrownBy(() -> NewScenario.parse("x", null, "online", "web", "pay-later", "none", null))
                .hasMessageContaining("market is required");
        assertThatThrownBy(() -> NewScenario.parse("x", "SE", "online", "", "pay-later", "none", null))
                .hasMessageContaining("checkout must be");
        assertThatThrownBy(() -> NewScenario.parse("x", "SE", "online", "web", "pay-later", "4111 1111 1111 1111", null))
                .hasMessageContaining("card looks like it holds personal data");
        assertThatThrownBy(() -> mystery.createScenario(NewScenario.parse(created.name(), "SE", "online", "web", "pay-later",
                "none", null), "analyst")).isInstanceOf(ScenarioNameTakenException.class)
                .hasMessageContaining("id " + created.id());
    }
}
