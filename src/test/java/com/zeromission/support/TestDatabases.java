package com.zeromission.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Locale;
import java.util.UUID;

import org.springframework.boot.SpringApplication;

import com.zeromission.database.DatabaseCredentials;
import com.zeromission.database.EmbeddedH2;

/**
 * The two databases every persistence test runs against: a fresh embedded H2 file database, and a fresh database
 * on the PostgreSQL server of this machine kind (127.0.0.1:5432, user postgres, trust auth; override the server
 * with ZM_TEST_PG_URL). A missing PostgreSQL fails the test with a clear message: it is never skipped.
 */
public final class TestDatabases {

    public static final String PG_ADMIN_URL = System.getenv().getOrDefault("ZM_TEST_PG_URL",
            "jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres");

    private TestDatabases() {
    }

    /** A new, empty data directory for an embedded H2 database. */
    private static final java.util.List<Path> TEMP_DIRS = new java.util.concurrent.CopyOnWriteArrayList<>();

    static {
        // Test JVMs end normally; their temporary databases go with them (the H2 files are closed by then).
        Runtime.getRuntime().addShutdownHook(new Thread(() -> TEMP_DIRS.forEach(TestDatabases::deleteQuietly)));
    }

    public static Path newDataDir() {
        try {
            Path dir = Files.createTempDirectory("zm-test-");
            TEMP_DIRS.add(dir);
            return dir;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void deleteQuietly(Path dir) {
        try (var paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | RuntimeException e) {
            // best effort: a leftover temporary directory is harmless
        }
    }

    public static String h2Url(Path dataDir) {
        return "jdbc:h2:file:" + dataDir.resolve("zeromission").toAbsolutePath()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;WRITE_DELAY=0";
    }

    private static void drop(String name) {
        try (Connection c = DriverManager.getConnection(PG_ADMIN_URL)) {
            c.createStatement().execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        } catch (SQLException ignored) {
            // the server went away first: nothing left to clean
        }
    }

    /** Creates a new database on the test PostgreSQL server and returns its JDBC URL. */
    public static String newPostgresDatabase() {
        String name = "zm_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16).toLowerCase(Locale.ROOT);
        try (Connection c = DriverManager.getConnection(PG_ADMIN_URL)) {
            c.createStatement().execute("CREATE DATABASE " + name);
            // Test databases are dropped when the test JVM ends, so runs do not pile up databases on the server: after
            // Spring has closed every cached test context. A JVM shutdown hook of its own ran beside Spring's, dropped
            // a database a closing context still used (the event publication registry reads it on close), and that
            // close then waited for a connection until the fork was killed, 30 s later.
            SpringApplication.getShutdownHandlers().add(() -> drop(name));
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL is required for the persistence tests but is not reachable at "
                    + PG_ADMIN_URL + " (" + e.getMessage() + "). Start it (pg_ctlcluster <version> main start) "
                    + "or point ZM_TEST_PG_URL at a server.", e);
        }
        String base = PG_ADMIN_URL.substring(0, PG_ADMIN_URL.indexOf('?'));
        return base.substring(0, base.lastIndexOf('/') + 1) + name + PG_ADMIN_URL.substring(PG_ADMIN_URL.indexOf('?'));
    }

    /** Points a Spring test at a fresh embedded H2 file database in its own data directory. */
    public static void useH2(org.springframework.test.context.DynamicPropertyRegistry registry) {
        var dir = newDataDir();
        registry.add("zeromission.data-dir", dir::toString);
        registry.add("spring.datasource.url", () -> h2Url(dir));
    }

    /** Points a Spring test at a fresh PostgreSQL database (created here, dropped at exit); fails if there is none. */
    public static void usePostgres(org.springframework.test.context.DynamicPropertyRegistry registry) {
        var dir = newDataDir();
        String url = newPostgresDatabase();
        registry.add("zeromission.data-dir", dir::toString);
        registry.add("spring.datasource.url", () -> url);
        registry.add("spring.datasource.username", () -> "postgres");
        registry.add("spring.datasource.password", () -> "");
        // The suite caches many application contexts (one per test configuration), each with its own pool; Hikari's
        // default keeps ten connections open per pool, and some thirty cached PostgreSQL contexts then exceed the
        // server's max_connections (100: "too many clients already"). A small pool that lets idle connections go
        // keeps a cached context cheap on the server.
        registry.add("spring.datasource.hikari.maximum-pool-size", () -> "6");
        registry.add("spring.datasource.hikari.minimum-idle", () -> "0");
        registry.add("spring.datasource.hikari.idle-timeout", () -> "10000");
    }

    /**
     * A connection as the owner (H2's administrator) of an embedded database that the application has prepared: the
     * password is the generated one in the credentials file beside it. For tests that inspect a database from outside.
     */
    public static Connection h2Owner(String url) throws SQLException {
        var db = EmbeddedH2.of(url).orElseThrow(() -> new IllegalArgumentException("not embedded: " + url));
        return DriverManager.getConnection(url, EmbeddedH2.OWNER,
                DatabaseCredentials.read(db.credentialsFile()).ownerPassword());
    }

    /**
     * Statements that need more than the application's rights (tests that simulate an outage by renaming a table):
     * on the embedded database the application user may only read and write rows, so these run as its owner; on
     * PostgreSQL the test's user owns everything already.
     */
    public static org.springframework.jdbc.core.JdbcTemplate administrator(javax.sql.DataSource application) {
        if (application instanceof com.zaxxer.hikari.HikariDataSource h
                && EmbeddedH2.APP_USER.equalsIgnoreCase(h.getUsername())) {
            var db = EmbeddedH2.of(h.getJdbcUrl()).orElseThrow();
            return new org.springframework.jdbc.core.JdbcTemplate(new org.springframework.jdbc.datasource.DriverManagerDataSource(
                    h.getJdbcUrl(), EmbeddedH2.OWNER,
                    DatabaseCredentials.read(db.credentialsFile()).ownerPassword()));
        }
        return new org.springframework.jdbc.core.JdbcTemplate(application);
    }

    /** Test users, all with the password "secret": pairs of name and role, e.g. {"viewer", "VIEWER"}. */
    public static void useUsers(org.springframework.test.context.DynamicPropertyRegistry registry, String[][] users) {
        for (int i = 0; i < users.length; i++) {
            int n = i;
            registry.add("zeromission.security.users[" + i + "].name", () -> users[n][0]);
            registry.add("zeromission.security.users[" + i + "].password", () -> "{noop}secret");
            registry.add("zeromission.security.users[" + i + "].roles[0]", () -> users[n][1]);
        }
    }
}
