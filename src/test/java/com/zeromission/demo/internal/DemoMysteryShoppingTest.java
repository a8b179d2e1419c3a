package com.zeromission.demo.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashSet;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.zeromission.demo.DemoDataGenerator;
import com.zeromission.demo.DemoProblem;
import com.zeromission.demo.DemoSettings;
import com.zeromission.intake.IntakeOutcome;
import com.zeromission.intake.IntakeService;
import com.zeromission.intake.JourneyStage;
import com.zeromission.intake.SignalId;
import com.zeromission.intake.SignalSubmission;
import com.zeromission.mystery.MysteryShopping;
import com.zeromission.mystery.Run;
import com.zeromission.mystery.RunStatus;
import com.zeromission.problems.Problems;
import com.zeromission.problems.ProblemsGrouped;
import com.zeromission.support.TestDatabases;

/**
 * The demo's mystery shopping on a small demo set that includes a new year: three scenarios, two completed runs and
 * one in progress, and the finding about a reminder before the invoice grouped with the customers' complaints about
 * the late paper invoice and its reminder fee.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE, properties = {
        "zeromission.demo.enabled=true", "zeromission.demo.scale=0.05", "zeromission.demo.from=2025-12-01",
        "zeromission.alarms.scheduling=false"})
class DemoMysteryShoppingTest {

    static final Path DATA_DIR = TestDatabases.newDataDir();

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("zeromission.data-dir", DATA_DIR::toString);
        registry.add("spring.datasource.url", () -> TestDatabases.h2Url(DATA_DIR));
    }

    @Autowired
    DemoMysteryShopping demo;
    @Autowired
    MysteryShopping mystery;
    @Autowired
    IntakeService intake;
    @Autowired
    Problems problems;
    @Autowired
    DemoProperties properties;
    @Autowired
    Clock clock;

    @Test
    void theDemoHasThreeScenariosTwoCompletedRunsAndOneInProgressWithAReminderBeforeTheInvoice() {
        problems.assignPending();
        demo.on(new ProblemsGrouped(0, 0, 0)); // or waits for the grouping's own call to finish

        assertThat(mystery.scenarios()).extracting(s -> s.name())
                .containsExactly("SE online pay later", "DE in store pay in 3", "GB online pay now");
        var runs = mystery.runs(null, 10);
        assertThat(runs).extracting(Run::status).containsExactlyInAnyOrder(RunStatus.COMPLETED, RunStatus.COMPLETED,
                RunStatus.IN_PROGRESS);
        var signals = runs.stream().flatMap(r -> r.signalIds().stream()).toList();
        assertThat(signals).hasSize(1);
        var signal = intake.find(SignalId.parse(signals.getFirst())).orElseThrow();
        assertThat(signal.journeyStage()).isEqualTo(JourneyStage.REMINDER);
        assertThat(signal.product()).isEqualTo("pay-later");
        assertThat(signal.text()).contains("reminder before I ever saw the invoice");

        problems.assignPending();
        var problem = problems.problemOf(signal.id().toString()).orElseThrow();
        // the problems holding the demo's own complaints about the late invoice and its reminder fee
        var settings = new DemoSettings(properties.seed(), properties.from(), LocalDate.now(clock).minusDays(1),
                properties.scale());
        var reminderFee = new HashSet<Long>();
        new DemoDataGenerator(settings).signals().filter(s -> s.problem() == DemoProblem.INVOICE_REMINDER_FEE)
                .filter(s -> "en".equals(s.raw().language())).limit(200)
                .forEach(s -> {
                    if (intake.accept(SignalSubmission.parse(s.raw(), clock)) instanceof IntakeOutcome.Replayed r) {
                        problems.problemOf(r.signal().id().toString()).ifPresent(p -> reminderFee.add(p.id()));
                    }
                });
        assertThat(reminderFee).contains(problem.id());
    }
}
