package com.zeromission.problems;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import com.zeromission.ZeromissionApplication;
import com.zeromission.intake.Channel;
import com.zeromission.intake.IntakeOutcome;
import com.zeromission.intake.IntakeService;
import com.zeromission.intake.RawSignal;
import com.zeromission.intake.SignalSubmission;
import com.zeromission.problems.grouping.GrouperState;
import com.zeromission.problems.internal.GroupingEngine;
import com.zeromission.problems.internal.ProblemRepository;
import com.zeromission.support.TestDatabases;

/**
 * Two application instances (two whole application contexts, each with its own in-memory grouper) on one database,
 * as two servers behind a load balancer would run (see the subclasses for the databases). Background grouping is off:
 * the tests drain each instance's inbox by hand, in turn and at the same time, and change problems on one instance
 * while the other groups. Whatever the order, every signal is assigned exactly once, the counts and weekly roll-ups
 * equal a recount from {@code signal_problem}, an analyst's decision on one instance holds on the other, and both
 * instances' groupers end up the same. Each test starts without problems; the signals of earlier tests stay stored
 * under another product.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class SeveralInstancesContract {

    /** The database both instances use: Spring properties (URL, user, password). */
    abstract Map<String, String> database();

    ConfigurableApplicationContext a, b;
    Instance one, two;
    private int ids;
    private String product;

    /** One running instance and the beans the tests drive. */
    record Instance(String name, ConfigurableApplicationContext context, IntakeService intake, Problems problems,
            GroupingEngine engine, TransactionTemplate tx, Clock clock) {

        static Instance of(String name, ConfigurableApplicationContext context) {
            return new Instance(name, context, context.getBean(IntakeService.class), context.getBean(Problems.class),
                    context.getBean(GroupingEngine.class), context.getBean(TransactionTemplate.class),
                    context.getBean(Clock.class));
        }

        /** This instance's grouper as it is in memory now, without catching up with the database. */
        GrouperState cached() {
            engine.lock().lock();
            try {
                return engine.grouper().snapshot();
            } finally {
                engine.lock().unlock();
            }
        }

        /** This instance's grouper after catching up with the database, as it would before its next change. */
        GrouperState current() {
            engine.lock().lock();
            try {
                return tx.execute(status -> {
                    engine.lockDatabase(false);
                    return engine.grouper().snapshot();
                });
            } finally {
                engine.lock().unlock();
            }
        }
    }

    @BeforeAll
    void startTwoInstances() {
        Path dataDir = TestDatabases.newDataDir(); // one pseudonym secret for both, as production requires
        a = start(dataDir);
        b = start(dataDir);
        one = Instance.of("A", a);
        two = Instance.of("B", b);
    }

    /**
     * Each test starts without problems (as {@link ProblemsContract} does), on both instances: earlier tests' signals
     * stay stored, under another product, no longer waiting.
     */
    @BeforeEach
    void startWithoutProblems() {
        product = "multi-" + Long.toString(System.nanoTime() % 1_000_000_000L, 36);
        var jdbc = new JdbcTemplate(dataSource(one));
        for (String table : List.of("problem_inbox", "signal_problem", "problem_week", "problem_event", "problem_apart",
                "grouping_snapshot", "problem")) {
            jdbc.update("DELETE FROM " + table);
        }
        for (Instance instance : List.of(one, two)) {
            instance.engine().lock().lock();
            try {
                instance.engine().restore();
            } finally {
                instance.engine().lock().unlock();
            }
        }
    }

    @AfterAll
    void stop() {
        for (var context : new ConfigurableApplicationContext[] {a, b}) {
            if (context != null) {
                context.close();
            }
        }
    }

    private ConfigurableApplicationContext start(Path dataDir) {
        var args = new ArrayList<>(List.of("--logging.level.root=WARN", "--zeromission.alarms.scheduling=false",
                "--zeromission.problems.scheduling=false", "--zeromission.data-dir=" + dataDir,
                // small batches: a drain is many transactions, so two instances' drains really interleave
                "--zeromission.problems.batch-size=7"));
        // As arguments, not builder properties: those are defaults, and application.properties would win over them.
        database().forEach((k, v) -> args.add("--" + k + "=" + v));
        return new SpringApplicationBuilder(ZeromissionApplication.class).web(WebApplicationType.NONE)
                .run(args.toArray(String[]::new));
    }

    // ---- the tests -------------------------------------------------------------------------------------------

    @Test
    void signalsStoredOnBothInstancesAndDrainedInTurnAreEachAssignedOnceToTheSameProblems() {
        var invoiceA = ingest(one, four(ProblemsContract.INVOICE_EN), "en");
        var refundA = ingest(one, four(ProblemsContract.REFUND_EN), "en");
        one.problems().assignPending();
        long invoice = problemOf(invoiceA.getFirst()), refund = problemOf(refundA.getFirst());

        // B groups next: it first replays what A assigned, so the same texts join A's problems
        var invoiceB = ingest(two, four(ProblemsContract.INVOICE_EN), "en");
        var mixedB = ingest(two, ProblemsContract.REFUND_EN, "en");
        var assigned = two.problems().assignPending();
        assertThat(assigned.signals()).isEqualTo(8);
        assertThat(problemsOf(invoiceB)).containsOnly(invoice);
        assertThat(problemOf(mixedB.getFirst())).isEqualTo(refund);

        // stored on A, grouped by B; stored on B, grouped by A
        var appA = ingest(one, four(ProblemsContract.APP_LOGIN_EN), "en");
        two.problems().assignPending();
        var appB = ingest(two, ProblemsContract.APP_LOGIN_EN.subList(0, 1), "en");
        var swedishB = ingest(two, ProblemsContract.INVOICE_SV, "sv");
        assertThat(one.problems().assignPending().signals()).isEqualTo(5);
        assertThat(problemOf(appB.getFirst())).isEqualTo(problemOf(appA.getFirst()));
        assertThat(problemsOf(swedishB)).doesNotContainNull();

        assertEveryStoredSignalAssignedOnceAndCountsEqualARecount();
        assertThat(two.cached()).as("B's grouper, not yet told of A's last drain").isNotEqualTo(one.cached());
        assertSameModel(two.current(), one.current(), "B's grouper once it caught up");
    }

    @Test
    void aMergeOnOneInstanceIsKeptByTheOtherInstancesDrainsAndGrouper() {
        var invoiceA = ingest(one, four(ProblemsContract.INVOICE_EN), "en");
        var refundA = ingest(one, four(ProblemsContract.REFUND_EN), "en");
        one.problems().assignPending();
        long invoice = problemOf(invoiceA.getFirst()), refund = problemOf(refundA.getFirst());
        ingest(two, List.of(ProblemsContract.REFUND_EN.getFirst()), "en");
        two.problems().assignPending();
        assertThat(two.cached().groups()).extracting(GrouperState.GroupState::id).contains(invoice, refund);

        one.problems().merge(ProblemId.of(invoice), ProblemId.of(refund), "anna"); // on A

        var refundB = ingest(two, List.of(ProblemsContract.REFUND_EN.getFirst(), ProblemsContract.REFUND_EN.getFirst()), "en");
        two.problems().assignPending();
        assertThat(problemsOf(refundB)).containsOnly(invoice);
        assertThat(new JdbcTemplate(dataSource(two)).queryForObject(
                "SELECT COUNT(*) FROM signal_problem WHERE problem_id = ?", Long.class, refund)).isZero();
        assertThat(two.cached().groups()).extracting(GrouperState.GroupState::id).contains(invoice).doesNotContain(refund);
        assertThat(two.problems().get(ProblemId.of(invoice)).signals()).isEqualTo(4 + 1 + 4 + 2);
        assertEveryStoredSignalAssignedOnceAndCountsEqualARecount();
        assertSameModel(two.current(), one.current(), "B's grouper");
    }

    @Test
    void aSplitOnOneInstanceIsKeptByTheOtherInstancesDrainsAndGrouper() {
        var invoiceB = ingest(two, four(ProblemsContract.INVOICE_EN), "en");
        var refundB = ingest(two, four(ProblemsContract.REFUND_EN), "en");
        two.problems().assignPending();
        long invoice = problemOf(invoiceB.getFirst()), refund = problemOf(refundB.getFirst());
        two.problems().merge(ProblemId.of(invoice), ProblemId.of(refund), "anna");
        ingest(one, List.of(ProblemsContract.INVOICE_EN.getFirst()), "en");
        one.problems().assignPending(); // A knows the merged problem

        var split = two.problems().split(ProblemId.of(invoice), refundB, "Refunds", "anna"); // on B

        var refundA = ingest(one, List.of(ProblemsContract.REFUND_EN.getFirst()), "en");
        one.problems().assignPending();
        assertThat(problemOf(refundA.getFirst())).isEqualTo(split.id());
        assertThat(one.cached().groups()).extracting(GrouperState.GroupState::id).contains(invoice, split.id());
        assertThat(one.problems().get(ProblemId.of(split.id())).signals()).isEqualTo(5);
        assertThat(one.problems().get(ProblemId.of(invoice)).signals()).isEqualTo(5);
        assertEveryStoredSignalAssignedOnceAndCountsEqualARecount();
        assertSameModel(one.current(), two.current(), "A's grouper");
    }

    @Test
    void theBackgroundDrainLeavesTheInboxToTheInstanceThatHoldsTheGroupingLock() throws Exception {
        var waiting = ingest(two, four(ProblemsContract.INVOICE_EN), "en");
        try (var otherInstance = dataSource(one).getConnection()) {
            otherInstance.setAutoCommit(false);
            try (var lock = otherInstance.createStatement()) {
                lock.executeQuery("SELECT version FROM grouping_state WHERE id = 1 FOR UPDATE").close();
            }
            var skipped = two.problems().assignPendingUnlessBusy(); // returns at once, nothing assigned

            assertThat(skipped.signals()).isZero();
            assertThat(skipped.stillWaiting()).isEqualTo(4);
            otherInstance.rollback();
        }
        assertThat(two.problems().assignPendingUnlessBusy().signals()).isEqualTo(4);
        assertThat(problemsOf(waiting)).doesNotContainNull();
        assertEveryStoredSignalAssignedOnceAndCountsEqualARecount();
    }

    @Test
    void drainsAndConsolidationOnBothInstancesAtOnceNeitherDeadlockNorAssignASignalTwice() throws Exception {
        var families = new ArrayList<List<String>>(List.of(ProblemsContract.INVOICE_EN, ProblemsContract.REFUND_EN,
                ProblemsContract.APP_LOGIN_EN));
        var stored = new java.util.concurrent.ConcurrentLinkedQueue<String>();
        var start = new CountDownLatch(1);
        var pool = Executors.newFixedThreadPool(2);
        try {
            var futures = new ArrayList<Future<?>>();
            for (Instance instance : List.of(one, two)) {
                futures.add(pool.submit(() -> {
                    start.await();
                    for (int round = 0; round < 6; round++) {
                        var texts = new ArrayList<String>();
                        for (var family : families) {
                            texts.addAll(family);
                        }
                        stored.addAll(ingest(instance, texts, "en"));
                        instance.problems().assignPending();
                        if (round == 3) {
                            instance.problems().consolidate("system"); // a structural change amid the other's drains
                        }
                    }
                    return null;
                }));
            }
            start.countDown();
            for (var f : futures) {
                f.get(5, TimeUnit.MINUTES); // a deadlock would hang here (the test fails rather than waits forever)
            }
        } finally {
            pool.shutdownNow();
        }
        one.problems().assignPending();
        two.problems().assignPending();

        assertThat(stored).hasSize(2 * 6 * 12);
        var jdbc = new JdbcTemplate(dataSource(one));
        for (String id : stored) {
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM signal_problem WHERE signal_id = ?", Long.class,
                    UUID.fromString(id))).as("assignments of %s", id).isEqualTo(1);
        }
        assertEveryStoredSignalAssignedOnceAndCountsEqualARecount();
        assertSameModel(one.current(), two.current(), "A's grouper");
    }

    // ---- helpers ---------------------------------------------------------------------------------------------

    /** Stores complaints in SE through an instance's intake and returns their signal ids. */
    List<String> ingest(Instance instance, List<String> texts, String language) {
        var list = new ArrayList<SignalSubmission>();
        synchronized (this) {
            for (String text : texts) {
                list.add(SignalSubmission.parse(new RawSignal("multi-test", product + "-" + (++ids), "complaint", "SE",
                        product, "invoice", "2026-03-10T10:00:00Z", language, text, null, null, null), instance.clock()));
            }
        }
        return instance.intake().acceptAll(list).stream().map(o -> switch (o) {
            case IntakeOutcome.Created c -> c.signal().id().toString();
            default -> throw new AssertionError("expected a new signal, got " + o);
        }).toList();
    }

    static List<String> four(List<String> family) {
        return java.util.Collections.nCopies(4, family.getFirst());
    }

    javax.sql.DataSource dataSource(Instance instance) {
        return instance.context().getBean(javax.sql.DataSource.class);
    }

    long problemOf(String signalId) {
        return new JdbcTemplate(dataSource(one)).queryForObject("SELECT problem_id FROM signal_problem WHERE signal_id = ?",
                Long.class, UUID.fromString(signalId));
    }

    List<Long> problemsOf(List<String> signalIds) {
        return signalIds.stream().map(this::problemOf).toList();
    }

    /**
     * Nothing waits, every stored signal is in exactly one problem that is not merged away, and each problem's
     * signals, complaints and weekly cells equal a recount from signal_problem and the signals.
     */
    void assertEveryStoredSignalAssignedOnceAndCountsEqualARecount() {
        var jdbc = new JdbcTemplate(dataSource(two));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM problem_inbox", Long.class)).isZero();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM signal_problem", Long.class))
                .isEqualTo(jdbc.queryForObject("SELECT COUNT(*) FROM signal WHERE product = ?", Long.class, product))
                .isEqualTo(jdbc.queryForObject("SELECT COUNT(DISTINCT signal_id) FROM signal_problem", Long.class));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM signal s LEFT JOIN signal_problem sp ON sp.signal_id = s.id "
                + "WHERE s.product = ? AND sp.signal_id IS NULL", Long.class, product)).as("signals never grouped").isZero();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM signal_problem sp JOIN problem p ON p.id = sp.problem_id "
                + "WHERE p.state = 'merged'", Long.class)).as("signals in merged-away problems").isZero();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM signal_problem sp LEFT JOIN problem p ON p.id = sp.problem_id "
                + "WHERE p.id IS NULL", Long.class)).as("signals in problems that do not exist").isZero();

        var totals = new HashMap<Long, List<Long>>();
        jdbc.query("SELECT id, signals, complaints FROM problem WHERE signals > 0", rs -> {
            totals.put(rs.getLong(1), List.of(rs.getLong(2), rs.getLong(3)));
        });
        var recount = new HashMap<Long, List<Long>>();
        jdbc.query("SELECT sp.problem_id, COUNT(*), SUM(CASE WHEN s.counts_as_complaint THEN 1 ELSE 0 END) "
                + "FROM signal_problem sp JOIN signal s ON s.id = sp.signal_id GROUP BY sp.problem_id", rs -> {
                    recount.put(rs.getLong(1), List.of(rs.getLong(2), rs.getLong(3)));
                });
        assertThat(totals).as("each problem's signals and complaints").isEqualTo(recount);

        var weeks = new HashMap<String, Long>();
        jdbc.query("SELECT problem_id, week_start, market, product, channel, signals FROM problem_week WHERE signals <> 0",
                rs -> {
                    weeks.put(rs.getLong(1) + "/" + rs.getDate(2).toLocalDate() + "/" + rs.getString(3).strip() + "/"
                            + rs.getString(4) + "/" + rs.getString(5), rs.getLong(6));
                });
        var weeksRecount = new HashMap<String, Long>();
        jdbc.query("SELECT sp.problem_id, s.received_at, s.market, s.product, s.channel FROM signal_problem sp "
                + "JOIN signal s ON s.id = sp.signal_id", rs -> {
                    LocalDate week = ProblemRepository.weekOf(rs.getObject(2, java.time.OffsetDateTime.class).toInstant());
                    weeksRecount.merge(rs.getLong(1) + "/" + week + "/" + rs.getString(3).strip() + "/" + rs.getString(4)
                            + "/" + Channel.valueOf(rs.getString(5)).code(), 1L, Long::sum);
                });
        assertThat(weeks).as("weekly roll-up per problem, market, product and channel").isEqualTo(weeksRecount);
    }

    /**
     * The two models are the same: every term statistic, group, size, centroid and language count exactly; the sums of
     * the members' sentence embeddings up to the model's own noise. (Each instance embeds the texts it replays in its
     * own batches, and the int8 model quantises a batch's activations with one scale for the whole batch, so the same
     * text gets a slightly different vector in another batch; measured here: cosine 0.9987 between two instances'
     * sums. Unrelated problems' sums are below 0.8.)
     */
    static void assertSameModel(GrouperState actual, GrouperState expected, String description) {
        assertThat(actual.toString()).as(description).isEqualTo(expected.toString());
        for (int g = 0; g < expected.groups().size(); g++) {
            float[] a = actual.groups().get(g).embedding();
            float[] e = expected.groups().get(g).embedding();
            assertThat(a == null).as(description + ": group " + expected.groups().get(g).id() + " has embeddings")
                    .isEqualTo(e == null);
            if (a != null) {
                double dot = 0, na = 0, ne = 0;
                for (int i = 0; i < e.length; i++) {
                    dot += (double) a[i] * e[i];
                    na += (double) a[i] * a[i];
                    ne += (double) e[i] * e[i];
                }
                assertThat(dot / Math.sqrt(na * ne)).as(description + ": embedding sum of group "
                        + expected.groups().get(g).id()).isGreaterThanOrEqualTo(0.99);
                // the same members embedded: a sum of one more or one fewer unit vector has another length
                assertThat(Math.sqrt(na)).as(description + ": length of the embedding sum of group "
                        + expected.groups().get(g).id()).isCloseTo(Math.sqrt(ne), org.assertj.core.data.Percentage.withPercentage(1));
            }
        }
    }
}
