package com.zeromission.database;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How the embedded database is protected and opened. Before the review an unprivileged local user could connect to
 * it (AUTO_SERVER on every interface, the key in a world-readable lock file, {@code sa} without password) and read
 * any file the product could read with {@code FILE_READ}. Now: the folder is owner-only, {@code sa} has a generated
 * password, the application connects as a user that is no administrator (H2 refuses FILE_READ, FILE_WRITE, CSVREAD,
 * LINK_SCHEMA, RUNSCRIPT, CREATE ALIAS and linked tables to non-administrators), and AUTO_SERVER listens on the
 * loopback interface only.
 */
public final class EmbeddedDatabaseAccess {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabaseAccess.class);
    /** H2's error code for a wrong user name or password. */
    private static final int WRONG_USER_OR_PASSWORD = 28000;
    static final String BIND_ADDRESS = "h2.bindAddress";

    private EmbeddedDatabaseAccess() {
    }

    /**
     * Makes H2's servers (AUTO_SERVER's included) listen on 127.0.0.1 unless the operator chose an address. H2 reads
     * the setting once, when its classes load: the entry points call this first thing.
     */
    public static void loopbackOnly() {
        if (System.getProperty(BIND_ADDRESS) == null) {
            System.setProperty(BIND_ADDRESS, "127.0.0.1");
        }
    }

    /**
     * Protects the database named by {@code db} and returns its credentials: owner-only folder, credentials generated
     * on first use, the owner's empty password of an older data directory replaced, the application user created
     * with rights on the tables only. Safe to call from several processes at once (the server and bin/zm import).
     */
    public static DatabaseCredentials secure(EmbeddedH2 db) {
        requireLoopbackIfAutoServer(db);
        OwnerOnlyFiles.restrictTree(db.directory());
        DatabaseCredentials credentials = DatabaseCredentials.readOrCreate(db.credentialsFile());
        try (Connection c = connectAsOwner(db, credentials, true); Statement s = c.createStatement()) {
            // the passwords are hex digits (checked by DatabaseCredentials): safe inside the literal
            s.execute("CREATE USER IF NOT EXISTS " + EmbeddedH2.APP_USER + " PASSWORD '" + credentials.appPassword() + "'");
            s.execute("ALTER USER " + EmbeddedH2.APP_USER + " SET PASSWORD '" + credentials.appPassword() + "'");
            s.execute("ALTER USER " + EmbeddedH2.APP_USER + " ADMIN FALSE");
            // a schema grant covers the tables that later migrations create as well
            s.execute("GRANT SELECT, INSERT, UPDATE, DELETE ON SCHEMA public TO " + EmbeddedH2.APP_USER);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot prepare the embedded database " + db.databaseFile() + ": " + e.getMessage(), e);
        }
        // opening created the lock file (and maybe a trace file) with the process's umask
        OwnerOnlyFiles.restrictTree(db.directory());
        return credentials;
    }

    /**
     * The URL for the application user: the configured one without the settings only an administrator may give
     * (H2 refuses the connection otherwise). Those apply to the database as long as it is open, so the owner opens it
     * first with them ({@link #holdOpen}) and the application's connections join it.
     */
    public static String applicationUrl(EmbeddedH2 db) {
        return db.jdbcUrl().replaceAll("(?i);WRITE_DELAY=[^;]*", "");
    }

    /**
     * An owner connection that keeps the database open with the configured settings (WRITE_DELAY=0: each commit is
     * on disk before it is acknowledged) while the application's pool, connected as a non-administrator, uses it.
     * Close it when the pool is closed. With AUTO_SERVER and another process holding the database, it joins theirs.
     */
    public static Connection holdOpen(EmbeddedH2 db, DatabaseCredentials credentials) throws SQLException {
        requireLoopbackIfAutoServer(db);
        Connection c = DriverManager.getConnection(db.jdbcUrl(), EmbeddedH2.OWNER, credentials.ownerPassword());
        try (Statement s = c.createStatement()) {
            // H2's trace file would copy failing statements, values included (personal data), to disk; the
            // application sees every error as an exception anyway
            s.execute("SET TRACE_LEVEL_FILE 0");
        } catch (SQLException e) {
            c.close();
            throw e;
        }
        // opening created the lock file with the process's umask
        OwnerOnlyFiles.restrictTree(db.directory());
        return c;
    }

    /** A connection as the owner (administrator), for backups; the credentials file must exist. */
    public static Connection openAsOwner(EmbeddedH2 db) throws SQLException {
        requireLoopbackIfAutoServer(db);
        return connectAsOwner(db, DatabaseCredentials.read(db.credentialsFile()), false);
    }

    private static Connection connectAsOwner(EmbeddedH2 db, DatabaseCredentials credentials, boolean migrateEmptyPassword)
            throws SQLException {
        try {
            return DriverManager.getConnection(db.jdbcUrl(), EmbeddedH2.OWNER, credentials.ownerPassword());
        } catch (SQLException wrong) {
            if (wrong.getErrorCode() != WRONG_USER_OR_PASSWORD || !migrateEmptyPassword) {
                throw wrong;
            }
            // a data directory from before the fix: sa still has the empty password; give it the generated one
            Connection c;
            try {
                c = DriverManager.getConnection(db.jdbcUrl(), EmbeddedH2.OWNER, "");
            } catch (SQLException stillWrong) {
                throw new IllegalStateException("the embedded database " + db.databaseFile() + " refuses the owner's "
                        + "password in " + db.credentialsFile() + "; restore that file from the backup taken with the database",
                        stillWrong);
            }
            try (Statement s = c.createStatement()) {
                s.execute("ALTER USER " + EmbeddedH2.OWNER + " SET PASSWORD '" + credentials.ownerPassword() + "'");
            }
            log.warn("The embedded database {} had an empty administrator password; it now has the generated one in {}",
                    db.databaseFile(), db.credentialsFile());
            return c;
        }
    }

    /** With AUTO_SERVER, a server bound to every interface would expose the database: refuse rather than do that. */
    private static void requireLoopbackIfAutoServer(EmbeddedH2 db) {
        if (!db.jdbcUrl().toUpperCase(Locale.ROOT).contains("AUTO_SERVER=TRUE")) {
            return;
        }
        loopbackOnly();
        String bound = org.h2.engine.SysProperties.BIND_ADDRESS;
        if (bound == null || bound.isBlank()) {
            throw new IllegalStateException("H2 was loaded before its bind address was set, so AUTO_SERVER would listen on "
                    + "every network interface; start the JVM with -D" + BIND_ADDRESS + "=127.0.0.1");
        }
    }
}
