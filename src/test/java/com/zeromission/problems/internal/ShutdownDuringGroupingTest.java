package com.zeromission.problems.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;

import com.zeromission.ZeromissionApplication;
import com.zeromission.database.EmbeddedDatabaseAccess;
import com.zeromission.database.EmbeddedH2;
import com.zeromission.intake.IntakeService;
import com.zeromission.intake.RawSignal;
import com.zeromission.intake.SignalSubmission;
import com.zeromission.problems.Problems;
import com.zeromission.support.TestDatabases;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;

/**
 * Stopping the server while background grouping has work (Ctrl-C during the demo's grouping): the worker stops after
 * its batch, the grouping state is saved up to the last assignment, nothing is lost, and nothing is logged as a
 * warning or error. The embedded database stays open until the application closed (H2's own shutdown hook, which the
 * JVM runs beside Spring's, used to close it under the beans: "Database is already closed"; see H2ClosesLast).
 */
class ShutdownDuringGroupingTest {

    @Test
    void closingTheApplicationWhileGroupingHasWorkSavesTheStateAndLogsNoError() throws Exception {
        Path dir = TestDatabases.newDataDir();
        String url = TestDatabases.h2Url(dir);
        var context = new SpringApplicationBuilder(ZeromissionApplication.class).web(WebApplicationType.NONE)
                .run("--zeromission.data-dir=" + dir, "--spring.datasource.url=" + url,
                        "--zeromission.alarms.scheduling=false", "--zeromission.insights.scheduling=false",
                        "--zeromission.events.scheduling=false");
        var logs = new ListAppender<ILoggingEvent>();
        logs.start();
        var root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.addAppender(logs);
        int stored = 201;
        try {
            assertThat(h2HookRegisteredWithTheJvm()).as("H2 closes its databases after the application, not beside it")
                    .isFalse();
            var intake = context.getBean(IntakeService.class);
            var clock = context.getBean(Clock.class);
            intake.acceptAll(List.of(signal(0, clock)));
            context.getBean(Problems.class).assignPending(); // the grouper's state is in memory: there is some to save
            var more = new ArrayList<SignalSubmission>();
            for (int i = 1; i < stored; i++) {
                more.add(signal(i, clock));
            }
            intake.acceptAll(more); // queued for the background worker, which is woken as this commits

            context.close();
        } finally {
            root.detachAppender(logs);
            if (context.isActive()) {
                context.close();
            }
        }

        assertThat(logs.list).filteredOn(e -> e.getLevel().isGreaterOrEqual(Level.WARN))
                .extracting(ILoggingEvent::getFormattedMessage).isEmpty();
        var db = EmbeddedH2.of(url).orElseThrow();
        try (Connection c = EmbeddedDatabaseAccess.openAsOwner(db); var s = c.createStatement()) {
            long grouped = count(s, "SELECT COUNT(*) FROM signal_problem");
            long waiting = count(s, "SELECT COUNT(*) FROM problem_signal p WHERE NOT EXISTS "
                    + "(SELECT 1 FROM signal_problem sp WHERE sp.signal_id = p.id)");
            assertThat(grouped + waiting).as("every signal grouped or waiting, none lost").isEqualTo(stored);
            if (waiting > 0) {
                assertThat(count(s, "SELECT COUNT(*) FROM problem_inbox")).as("what waits is still queued").isPositive();
            }
            assertThat(count(s, "SELECT last_seq FROM grouping_snapshot"))
                    .as("the state was saved at shutdown up to the last assignment: a restart replays nothing")
                    .isEqualTo(count(s, "SELECT MAX(seq) FROM signal_problem"));
        }
    }

    private static SignalSubmission signal(int i, Clock clock) {
        String text = switch (i % 3) {
            case 0 -> "The invoice number " + i + " never arrived and now I was charged a reminder fee";
            case 1 -> "My refund for the returned jacket " + i + " has not been paid back yet";
            default -> "The app crashes every time I try to log in, attempt " + i;
        };
        return SignalSubmission.parse(new RawSignal("shutdown-test", "s-" + i, "complaint", "SE", "pay-later", null,
                "2026-03-10T12:00:00Z", "en", text, null, null, null), clock);
    }

    private static long count(java.sql.Statement s, String sql) throws SQLException {
        try (var rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Whether H2's shutdown hook (which closes its databases at exit) is registered with the JVM itself. */
    private static boolean h2HookRegisteredWithTheJvm() throws ReflectiveOperationException {
        var instance = Class.forName("org.h2.engine.OnExitDatabaseCloser").getDeclaredField("INSTANCE");
        instance.setAccessible(true);
        Thread hook = (Thread) instance.get(null);
        boolean registered = Runtime.getRuntime().removeShutdownHook(hook);
        if (registered) {
            Runtime.getRuntime().addShutdownHook(hook);
        }
        return registered;
    }
}
