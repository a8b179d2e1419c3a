package com.zeromission.database;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * Online backup and restore of an embedded installation. A backup is one zip archive, 0600 from its creation (it
 * holds the pseudonym secret and the database's passwords): H2's own consistent copy of the database (taken with
 * {@code BACKUP TO} by whichever process has it open, the running server included, through AUTO_SERVER), the
 * pseudonym secret (without it new signals would get other customer keys than the restored ones), the database's
 * credentials, the generated admin password and the demo loader's marker. Attachments are rows of the database.
 */
public final class EmbeddedBackups {

    /** Files of the data directory that belong in a backup besides the database itself, when present. */
    public static final List<String> DATA_FILES = List.of("pseudonym.secret", DatabaseCredentials.FILE_NAME,
            "admin.password", "demo-data.properties");
    static final String MANIFEST = "zeromission-backup.properties";
    static final int FORMAT = 1;
    private static final Pattern PLAIN_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");

    private EmbeddedBackups() {
    }

    /** What a backup wrote. {@code missing} names the data files that were not there (e.g. a configured secret). */
    public record BackupSummary(Path archive, long bytes, List<String> entries, List<String> missing) {
        public BackupSummary {
            Objects.requireNonNull(archive, "archive");
            entries = List.copyOf(entries);
            missing = List.copyOf(missing);
        }
    }

    /** What a restore brought back: the files, and the rows in each table of the restored database. */
    public record RestoreSummary(Path dataDir, List<String> files, Map<String, Long> rowsByTable) {
        public RestoreSummary {
            Objects.requireNonNull(dataDir, "dataDir");
            files = List.copyOf(files);
            rowsByTable = Map.copyOf(rowsByTable);
        }
    }

    /** The backup file is there already; a backup never overwrites one. */
    public static final class BackupExistsException extends RuntimeException {
        public BackupExistsException(Path archive) {
            super("the backup file " + archive + " exists already; choose another file name");
        }
    }

    /** The restore target holds files and replacing them was not asked for. */
    public static final class DataDirectoryNotEmptyException extends RuntimeException {
        public DataDirectoryNotEmptyException(Path dir, long files) {
            super("the data directory " + dir + " is not empty (" + files + " entries); restore into a new directory, "
                    + "or pass --replace to overwrite the installation there");
        }
    }

    /** The restore target's database is open (its lock file exists): a server or a command is using it. */
    public static final class DatabaseInUseException extends RuntimeException {
        public DatabaseInUseException(Path lockFile) {
            super("the database in " + lockFile.getParent() + " is in use (lock file " + lockFile.getFileName()
                    + "); stop the server first");
        }
    }

    /** The file is no zeromission backup, or an incomplete one. */
    public static final class NotABackupException extends RuntimeException {
        public NotABackupException(Path archive, String why) {
            super(archive + " is not a zeromission backup: " + why);
        }
    }

    /** Takes a consistent backup of {@code db} (open elsewhere or not) and the data files of {@code dataDir}. */
    public static BackupSummary backup(EmbeddedH2 db, Path dataDir, Path archive, Clock clock) throws IOException, SQLException {
        archive = archive.toAbsolutePath().normalize();
        if (Files.exists(archive)) {
            throw new BackupExistsException(archive);
        }
        // H2 writes its copy where the database is (an owner-only folder), from whichever process has it open
        Path copy = db.directory().resolve("backup-" + Long.toHexString(new SecureRandom().nextLong()) + ".zip.tmp");
        var entries = new ArrayList<String>();
        var missing = new ArrayList<String>();
        try {
            try (Connection c = EmbeddedDatabaseAccess.openAsOwner(db); Statement s = c.createStatement()) {
                s.execute("BACKUP TO '" + copy.toString().replace("'", "''") + "'");
            }
            OwnerOnlyFiles.createFile(archive);
            try (OutputStream file = Files.newOutputStream(archive); var zip = new ZipOutputStream(file);
                    ZipFile h2 = new ZipFile(copy.toFile())) {
                var manifest = new Properties();
                manifest.setProperty("format", Integer.toString(FORMAT));
                manifest.setProperty("created-at", clock.instant().toString());
                manifest.setProperty("database", db.name());
                zip.putNextEntry(new ZipEntry(MANIFEST));
                manifest.store(zip, "zeromission backup; restore with: bin/zm restore FILE --zeromission.data-dir=DIR");
                zip.closeEntry();
                entries.add(MANIFEST);
                var database = h2.getEntry(db.databaseFile().getFileName().toString());
                if (database == null) {
                    throw new IllegalStateException("H2's backup of " + db.databaseFile() + " holds no database file");
                }
                try (InputStream in = h2.getInputStream(database)) {
                    add(zip, database.getName(), in);
                }
                entries.add(database.getName());
                for (String name : DATA_FILES) {
                    Path source = name.equals(DatabaseCredentials.FILE_NAME) ? db.credentialsFile() : dataDir.resolve(name);
                    if (!Files.isRegularFile(source)) {
                        missing.add(name);
                        continue;
                    }
                    try (InputStream in = Files.newInputStream(source)) {
                        add(zip, name, in);
                    }
                    entries.add(name);
                }
            } catch (IOException | RuntimeException e) {
                Files.deleteIfExists(archive); // never leave half a backup that looks like a whole one
                throw e;
            }
        } finally {
            Files.deleteIfExists(copy);
        }
        return new BackupSummary(archive, Files.size(archive), entries, missing);
    }

    private static void add(ZipOutputStream zip, String name, InputStream in) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        in.transferTo(zip);
        zip.closeEntry();
    }

    /**
     * Restores a backup into {@code db}'s folder (the data directory): refused when that folder holds anything
     * unless {@code replace}, and always while the database there is open. The folder and files are owner-only.
     */
    public static RestoreSummary restore(Path archive, EmbeddedH2 db, boolean replace) throws IOException, SQLException {
        Path dir = db.directory();
        if (Files.isDirectory(dir)) {
            long present;
            try (Stream<Path> list = Files.list(dir)) {
                present = list.count();
            }
            if (present > 0 && !replace) {
                throw new DataDirectoryNotEmptyException(dir, present);
            }
            if (Files.exists(db.lockFile())) {
                throw new DatabaseInUseException(db.lockFile());
            }
        }
        String databaseEntry = db.databaseFile().getFileName().toString();
        var files = new ArrayList<String>();
        try (ZipFile zip = open(archive)) {
            Set<String> names = new HashSet<>();
            zip.stream().forEach(e -> names.add(e.getName()));
            if (!names.contains(MANIFEST)) {
                throw new NotABackupException(archive, "it has no " + MANIFEST);
            }
            var manifest = new Properties();
            try (InputStream in = zip.getInputStream(zip.getEntry(MANIFEST))) {
                manifest.load(new java.io.InputStreamReader(in, StandardCharsets.ISO_8859_1));
            }
            if (!Integer.toString(FORMAT).equals(manifest.getProperty("format"))) {
                throw new NotABackupException(archive, "format " + manifest.getProperty("format") + " is not " + FORMAT);
            }
            String backedUp = manifest.getProperty("database", "") + ".mv.db";
            if (!names.contains(backedUp)) {
                throw new NotABackupException(archive, "it holds no database file " + backedUp);
            }
            if (!names.contains(DatabaseCredentials.FILE_NAME)) {
                throw new NotABackupException(archive, "it holds no " + DatabaseCredentials.FILE_NAME);
            }
            // only plain names the backup writes, all checked before anything is written: an entry like ../x must
            // never escape the folder, nor half a restore be left behind
            for (String name : names) {
                if (!name.equals(MANIFEST) && (!PLAIN_NAME.matcher(name).matches()
                        || (!name.equals(backedUp) && !DATA_FILES.contains(name)))) {
                    throw new NotABackupException(archive, "unexpected entry '" + name + "'");
                }
            }
            OwnerOnlyFiles.createDirectory(dir);
            for (String name : names) {
                if (name.equals(MANIFEST)) {
                    continue;
                }
                String target = name.equals(backedUp) ? databaseEntry : name;
                Path part = dir.resolve(target + ".restoring");
                Files.deleteIfExists(part);
                OwnerOnlyFiles.createFile(part);
                try (InputStream in = zip.getInputStream(zip.getEntry(name))) {
                    Files.copy(in, part, StandardCopyOption.REPLACE_EXISTING);
                }
                Files.move(part, dir.resolve(target), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                files.add(target);
            }
        }
        // a trace file of the replaced database describes another one
        Files.deleteIfExists(dir.resolve(db.name() + ".trace.db"));
        var rows = rowsByTable(db);
        // reading it may have made H2 write files (lock, trace) with the process's umask
        OwnerOnlyFiles.restrictTree(dir);
        return new RestoreSummary(dir, files, rows);
    }

    private static ZipFile open(Path archive) throws IOException {
        try {
            return new ZipFile(archive.toFile());
        } catch (java.util.zip.ZipException e) {
            throw new NotABackupException(archive, "it is not a zip archive");
        }
    }

    /** Rows in every table, read as the owner with the restored credentials: proves the restored files fit together. */
    static Map<String, Long> rowsByTable(EmbeddedH2 db) throws SQLException {
        var rows = new TreeMap<String, Long>();
        try (Connection c = EmbeddedDatabaseAccess.openAsOwner(db); Statement s = c.createStatement()) {
            var tables = new ArrayList<String>();
            try (ResultSet rs = s.executeQuery("SELECT table_name FROM information_schema.tables "
                    + "WHERE table_schema = 'public' AND table_type = 'BASE TABLE'")) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
            for (String table : tables) {
                try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM \"" + table.replace("\"", "\"\"") + "\"")) {
                    rs.next();
                    rows.put(table, rs.getLong(1));
                }
            }
        }
        return rows;
    }

}
