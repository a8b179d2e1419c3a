package com.zeromission.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import com.zeromission.database.EmbeddedBackups;
import com.zeromission.database.EmbeddedH2;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "restore", mixinStandardHelpOptions = true,
        description = {"Restore a backup written by `zm backup` into the data directory (default ./data; "
                + "--zeromission.data-dir=DIR), which must be new or empty unless --replace is given.",
                "Exit code 0: restored and readable; 2: nothing restored."})
final class RestoreCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "BACKUP.zip", description = "The backup file.")
    Path archive;

    @Option(names = "--replace", description = "Overwrite the installation in a data directory that is not empty "
            + "(never while its database is open).")
    boolean replace;

    @Parameters(index = "1..*", arity = "0..*", paramLabel = "SPRING_ARG",
            description = "Spring Boot arguments naming the target, e.g. --zeromission.data-dir=/srv/zm/data")
    List<String> springArgs = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
        var env = CliContext.environment(springArgs);
        String url = env.getProperty("spring.datasource.url");
        var db = EmbeddedH2.of(url);
        if (db.isEmpty()) {
            System.err.println("zm restore: the target database is not the embedded one; restore PostgreSQL with "
                    + "pg_restore (docs/production.md)");
            return 2;
        }
        if (!Files.isRegularFile(archive)) {
            System.err.println("zm restore: there is no backup file " + archive.toAbsolutePath());
            return 2;
        }
        try {
            var summary = EmbeddedBackups.restore(archive, db.get(), replace);
            var rows = summary.rowsByTable();
            System.out.println("restored " + String.join(", ", summary.files()) + " into " + summary.dataDir() + ": "
                    + rows.getOrDefault("signal", 0L) + " signals, " + rows.getOrDefault("problem", 0L) + " problems, "
                    + rows.getOrDefault("insight", 0L) + " insights, " + rows.getOrDefault("insight_attachment", 0L)
                    + " attachments. Start the server with --zeromission.data-dir=" + summary.dataDir());
            return 0;
        } catch (EmbeddedBackups.DataDirectoryNotEmptyException | EmbeddedBackups.DatabaseInUseException
                | EmbeddedBackups.NotABackupException e) {
            System.err.println("zm restore: " + e.getMessage());
            return 2;
        }
    }
}
