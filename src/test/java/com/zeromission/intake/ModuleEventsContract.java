package com.zeromission.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.transaction.support.TransactionTemplate;

import com.zeromission.alarms.TestClock;
import com.zeromission.alarms.TestClockConfiguration;

/**
 * What module events promise on every supported database (see the subclasses): a listener that fails costs intake
 * nothing and gets the event again; an event handed over twice (the registry delivers at least once) is counted,
 * queued for grouping and turned into a case once; erasing a customer erases every module's copy of their texts.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE, properties = "zeromission.alarms.scheduling=false")
@org.springframework.context.annotation.Import({TestClockConfiguration.class, ModuleEventsContract.Listeners.class})
abstract class ModuleEventsContract {

    /** A listener of another module as a test can make fail, and that remembers what it was handed. */
    public static class FlakyListener {
        private final AtomicBoolean failing = new AtomicBoolean();
        private final List<SignalsIngested> taken = new java.util.concurrent.CopyOnWriteArrayList<>();

        // accessors, not fields: the bean is a proxy (transactions), whose own fields are not these
        public void failing(boolean fail) {
            failing.set(fail);
        }

        public List<SignalsIngested> taken() {
            return taken;
        }

        @ApplicationModuleListener
        void on(SignalsIngested event) {
            if (failing.get()) {
                throw new IllegalStateException("the flaky listener fails as the test asked");
            }
            taken.add(event);
        }
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class Listeners {
        @Bean
        FlakyListener flakyListener() {
            return new FlakyListener();
        }
    }

    @Autowired
    IntakeService intake;
    @Autowired
    FlakyListener flaky;
    @Autowired
    IncompleteEventPublications incomplete;
    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TestClock clock;

    private static int counter;
    private final String tag = "e" + (++counter) + "-" + Long.toString(System.nanoTime() % 1_000_000_000L, 36);
    private int n;

    private Signal complaint(String customer) {
        clock.set(Instant.parse("2026-04-02T10:05:00Z"));
        var outcome = intake.accept(SignalSubmission.parse(new RawSignal("events-test", tag + "-" + (++n), "complaint",
                "SE", tag, "invoice", "2026-04-02T10:00:00Z", "en", "The invoice never came, write to anna@example.com",
                null, null, customer), clock));
        return ((IntakeOutcome.Created) outcome).signal();
    }

    private long incompleteOfFlakyListener() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM event_publication WHERE completion_date IS NULL "
                + "AND listener_id LIKE '%FlakyListener%'", Long.class);
    }

    @Test
    void aFailingListenerCostsIntakeNothingAndIsHandedTheEventAgain() {
        flaky.failing(true);
        Signal signal;
        try {
            signal = complaint(null);
        } finally {
            flaky.failing(false);
        }

        assertThat(intake.find(signal.id())).as("the signal is stored and was acknowledged").isPresent();
        assertThat(incompleteOfFlakyListener()).as("the failed publication waits").isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM complaint_case WHERE signal_id = ?", Long.class,
                signal.id().value())).as("the other modules' listeners took it").isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM problem_signal WHERE id = ?", Long.class,
                signal.id().value())).isEqualTo(1);

        incomplete.resubmitIncompletePublications(p -> p.getEvent() instanceof SignalsIngested e
                && e.signals().contains(signal.id()));

        assertThat(flaky.taken()).anySatisfy(e -> assertThat(e.signals()).containsExactly(signal.id()));
        assertThat(incompleteOfFlakyListener()).as("handed over again and completed").isZero();
    }

    @Test
    void anEventHandedOverTwiceIsCountedQueuedAndOpenedOnce() {
        Signal signal = complaint(null);
        SignalsIngested event = flaky.taken().stream().filter(e -> e.signals().contains(signal.id())).findFirst()
                .orElseThrow();
        long day = dayCount(), inbox = inboxRows(), cases = caseCount();
        assertThat(day).isEqualTo(1);
        assertThat(cases).isEqualTo(1);

        // the registry hands the same event (same id) over once more, as after a crash before its completion
        tx.executeWithoutResult(status -> events.publishEvent(event));

        assertThat(dayCount()).as("counted once").isEqualTo(day);
        assertThat(inboxRows()).as("queued for grouping once").isEqualTo(inbox);
        assertThat(caseCount()).as("one case").isEqualTo(cases);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM event_publication WHERE completion_date IS NULL",
                Long.class)).as("every publication completed").isZero();
    }

    @Test
    void erasingACustomerErasesProblemsCopyOfTheirTextsToo() {
        Signal kept = complaint("customer-" + tag + "-kept");
        var erasedIds = new ArrayList<SignalId>();
        erasedIds.add(complaint("customer-" + tag).id());
        erasedIds.add(complaint("customer-" + tag).id());

        var erasure = intake.erase("customer-" + tag, null, "dpo");

        assertThat(erasure.signals()).isEqualTo(2);
        for (SignalId id : erasedIds) {
            assertThat(copiedText(id)).isEqualTo(Erasure.ERASED_TEXT);
        }
        assertThat(copiedText(kept.id())).isEqualTo(kept.text()).contains("The invoice never came");
    }

    @Test
    void aSignalErasedBeforeProblemsCopiedItIsCopiedErased() {
        Signal signal = complaint("customer-" + tag + "-late");
        SignalsIngested event = flaky.taken().stream().filter(e -> e.signals().contains(signal.id())).findFirst()
                .orElseThrow();
        // as if problems had not taken the event yet (a kill right after intake's commit) when the erasure came
        jdbc.update("DELETE FROM problem_signal WHERE id = ?", signal.id().value());
        intake.erase("customer-" + tag + "-late", null, "dpo");

        tx.executeWithoutResult(status -> events.publishEvent(event)); // handed over after the restart

        assertThat(copiedText(signal.id())).isEqualTo(Erasure.ERASED_TEXT);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM problem_signal WHERE id = ? AND erased_at IS NOT NULL",
                Long.class, signal.id().value())).isEqualTo(1);
    }

    private String copiedText(SignalId id) {
        return jdbc.queryForObject("SELECT body FROM problem_signal WHERE id = ?", String.class, id.value());
    }

    private long dayCount() {
        return jdbc.queryForObject("SELECT COALESCE(SUM(signals), 0) FROM signal_day WHERE product = ?", Long.class, tag);
    }

    private long inboxRows() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM problem_inbox", Long.class);
    }

    private long caseCount() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM complaint_case WHERE product = ?", Long.class, tag);
    }
}
