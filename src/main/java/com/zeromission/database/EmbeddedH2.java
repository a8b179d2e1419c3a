package com.zeromission.database;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * An embedded H2 file database, as named by a JDBC URL {@code jdbc:h2:file:DIR/NAME;...}: its folder, its name and
 * the URL itself. The credentials file lives beside the database it protects, so that it follows the files.
 */
public record EmbeddedH2(String jdbcUrl, Path directory, String name) {

    /** The owner: H2's administrator, used for migrations and backups only. */
    public static final String OWNER = "sa";
    /** The application's user: reads and writes tables, but is no administrator (no FILE_READ, CSVREAD, ...). */
    public static final String APP_USER = "zeromission_app";

    public EmbeddedH2 {
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        Objects.requireNonNull(directory, "directory");
        if (name == null || name.isBlank() || name.contains("/")) {
            throw new IllegalArgumentException("an embedded H2 database needs a plain file name, was '" + name + "'");
        }
        directory = directory.toAbsolutePath().normalize();
    }

    /** The embedded file database named by this URL, or empty for any other database (PostgreSQL, in-memory H2). */
    public static Optional<EmbeddedH2> of(String jdbcUrl) {
        if (jdbcUrl == null) {
            return Optional.empty();
        }
        String lower = jdbcUrl.toLowerCase(Locale.ROOT);
        String path;
        if (lower.startsWith("jdbc:h2:file:")) {
            path = jdbcUrl.substring("jdbc:h2:file:".length());
        } else if (lower.startsWith("jdbc:h2:") && !lower.startsWith("jdbc:h2:mem:") && !lower.startsWith("jdbc:h2:tcp:")
                && !lower.startsWith("jdbc:h2:ssl:") && !lower.startsWith("jdbc:h2:zip:")) {
            path = jdbcUrl.substring("jdbc:h2:".length());
        } else {
            return Optional.empty();
        }
        int semicolon = path.indexOf(';');
        if (semicolon >= 0) {
            path = path.substring(0, semicolon);
        }
        if (path.startsWith("~/")) {
            path = System.getProperty("user.home") + path.substring(1);
        }
        Path file = Path.of(path).toAbsolutePath().normalize();
        return Optional.of(new EmbeddedH2(jdbcUrl, file.getParent(), file.getFileName().toString()));
    }

    /** The main file, {@code NAME.mv.db}. */
    public Path databaseFile() {
        return directory.resolve(name + ".mv.db");
    }

    /** H2's lock file, present while a process has the database open. */
    public Path lockFile() {
        return directory.resolve(name + ".lock.db");
    }

    public Path credentialsFile() {
        return directory.resolve(DatabaseCredentials.FILE_NAME);
    }
}
