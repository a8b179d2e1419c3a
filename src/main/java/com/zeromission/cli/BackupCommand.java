package com.zeromission.cli;

import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import com.zeromission.database.EmbeddedBackups;
import com.zeromission.database.EmbeddedH2;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "backup", mixinStandardHelpOptions = true,
        description = {"Back up the embedded database with the pseudonym secret and the other files of the data directory "
                + "into one zip (0600), consistently, also while the server runs.",
                "Exit code 0: written; 2: nothing written (no embedded database, target exists, database unreadable)."})
final class BackupCommand implements Callable<Integer> {

    @Option(names = "--out", description = "The backup file to write (default: zeromission-backup-<UTC time>.zip here). "
            + "It is never overwritten.")
    Path out;

    @Parameters(arity = "0..*", paramLabel = "SPRING_ARG",
            description = "Spring Boot arguments naming the installation, e.g. --zeromission.data-dir=/srv/zm/data")
    List<String> springArgs = new ArrayList<>();

    private final Clock clock;

    BackupCommand() {
        this(Clock.systemUTC());
    }

    BackupCommand(Clock clock) {
        this.clock = clock;
    }

    @Override
    public Integer call() throws Exception {
        var env = CliContext.environment(springArgs);
        String url = env.getProperty("spring.datasource.url");
        var db = EmbeddedH2.of(url);
        if (db.isEmpty()) {
            System.err.println("zm backup: the database is not the embedded one (" + url.replaceAll("(?i)password=[^&;]*", "password=***")
                    + "); back up PostgreSQL with pg_dump, the pseudonym secret and the settings (docs/production.md)");
            return 2;
        }
        if (!java.nio.file.Files.exists(db.get().databaseFile())) {
            System.err.println("zm backup: there is no zeromission database at " + db.get().databaseFile()
                    + "; pass --zeromission.data-dir=DIR of the installation");
            return 2;
        }
        Path dataDir = Path.of(env.getProperty("zeromission.data-dir", "./data"));
        Path target = out != null ? out : Path.of("zeromission-backup-"
                + DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC).format(clock.instant()) + ".zip");
        try {
            var summary = EmbeddedBackups.backup(db.get(), dataDir, target, clock);
            System.out.println("backup written to " + summary.archive() + " (" + summary.bytes() + " bytes, owner-only): "
                    + String.join(", ", summary.entries()));
            if (summary.missing().contains("pseudonym.secret")) {
                System.out.println("note: no pseudonym.secret in " + dataDir.toAbsolutePath()
                        + ": keep the configured zeromission.privacy.secret with this backup");
            }
            return 0;
        } catch (EmbeddedBackups.BackupExistsException e) {
            System.err.println("zm backup: " + e.getMessage());
            return 2;
        } catch (java.sql.SQLException e) {
            System.err.println("zm backup: the database " + db.get().databaseFile() + " could not be backed up: " + e.getMessage());
            return 2;
        }
    }
}
