package com.zeromission.problems.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.zeromission.support.TestDatabases;

/**
 * V29_1 indexes the words of the signals stored before the word index existed: not those erased, nor those waiting
 * in the problem inbox (they are indexed when problems takes them in). On H2 and on PostgreSQL.
 */
class SignalWordBackfillTest {

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void indexesEveryStoredSignalButTheErasedAndThoseWaitingToBeTakenIn(String database) throws SQLException {
        String url = database.equals("h2") ? TestDatabases.h2Url(TestDatabases.newDataDir()) : TestDatabases.newPostgresDatabase();
        String user = database.equals("h2") ? "sa" : null;
        flyway(url, user).target("28").load().migrate();
        UUID grouped = UUID.randomUUID(), waiting = UUID.randomUUID(), erased = UUID.randomUUID();
        try (Connection c = connect(url, user)) {
            insert(c, grouped, "Fakturan kom aldrig (faktura-nummer saknas), FAKTURAN!", false);
            insert(c, waiting, "Waiting in the inbox", false);
            insert(c, erased, "[erased on request]", true);
            var inbox = c.prepareStatement("INSERT INTO problem_inbox (signal_ids) VALUES (?)");
            inbox.setBytes(1, ByteBuffer.allocate(16).putLong(waiting.getMostSignificantBits())
                    .putLong(waiting.getLeastSignificantBits()).array());
            inbox.executeUpdate();
        }

        flyway(url, user).javaMigrations(new SignalWordBackfill()).target("29.1").load().migrate();

        try (Connection c = connect(url, user)) {
            assertThat(words(c, grouped)).containsExactlyInAnyOrder("fakturan", "kom", "aldrig", "faktura", "nummer", "saknas");
            assertThat(words(c, waiting)).isEmpty();
            assertThat(words(c, erased)).isEmpty();
        }
    }

    private static void insert(Connection c, UUID id, String body, boolean erased) throws SQLException {
        var s = c.prepareStatement("INSERT INTO signal (id, source, source_id, fingerprint, channel, counts_as_complaint, "
                + "market, product, journey_stage, received_at, lang, body, pii_masked, ingested_at, erased_at) "
                + "VALUES (?, 'test', ?, ?, 'COMPLAINT', TRUE, 'SE', 'card', 'INVOICE', CURRENT_TIMESTAMP, 'sv', ?, 0, "
                + "CURRENT_TIMESTAMP, " + (erased ? "CURRENT_TIMESTAMP" : "NULL") + ")");
        s.setObject(1, id);
        s.setString(2, id.toString());
        s.setString(3, "0".repeat(64));
        s.setString(4, body);
        s.executeUpdate();
    }

    private static List<String> words(Connection c, UUID signal) throws SQLException {
        var s = c.prepareStatement("SELECT word FROM signal_word WHERE signal_id = ?");
        s.setObject(1, signal);
        var words = new ArrayList<String>();
        try (var rs = s.executeQuery()) {
            while (rs.next()) {
                words.add(new String(rs.getBytes(1), StandardCharsets.UTF_8));
            }
        }
        return words;
    }

    private static org.flywaydb.core.api.configuration.FluentConfiguration flyway(String url, String user) {
        return Flyway.configure().dataSource(url, user, user == null ? null : "").locations("classpath:db/migration");
    }

    private static Connection connect(String url, String user) throws SQLException {
        return user == null ? DriverManager.getConnection(url) : DriverManager.getConnection(url, user, "");
    }
}
