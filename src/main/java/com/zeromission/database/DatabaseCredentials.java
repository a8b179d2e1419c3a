package com.zeromission.database;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Properties;

/**
 * The embedded database's two passwords, generated at first start and kept in {@value #FILE_NAME} (0600) beside the
 * database: the owner's ({@code sa}, administrator) and the application user's. Random hex, so that they can be
 * written into H2's {@code PASSWORD '...'} literals without quoting issues.
 */
public record DatabaseCredentials(String ownerPassword, String appPassword) {

    public static final String FILE_NAME = "database.credentials";
    private static final int MIN_LENGTH = 32;

    public DatabaseCredentials {
        requireStrong("owner", ownerPassword);
        requireStrong("application", appPassword);
    }

    private static void requireStrong(String which, String password) {
        if (password == null || password.length() < MIN_LENGTH || !password.matches("[0-9a-f]+")) {
            throw new IllegalArgumentException("the " + which + " password of the embedded database must be at least "
                    + MIN_LENGTH + " hex digits, was " + (password == null ? "missing" : password.length() + " characters"));
        }
    }

    static DatabaseCredentials generate() {
        var random = new SecureRandom();
        return new DatabaseCredentials(hex(random), hex(random));
    }

    private static String hex(SecureRandom random) {
        byte[] bytes = new byte[24];
        random.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    /** The credentials in the file, or new ones written there (0600) when it does not exist yet. */
    public static DatabaseCredentials readOrCreate(Path file) {
        if (!Files.exists(file)) {
            var fresh = generate();
            try {
                fresh.write(file);
                return fresh;
            } catch (FileAlreadyExistsException raced) {
                // another process (bin/zm import started with the server) wrote them first: use theirs
            } catch (IOException e) {
                throw new UncheckedIOException("cannot create " + file, e);
            }
        }
        return read(file);
    }

    public static DatabaseCredentials read(Path file) {
        var p = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.US_ASCII)) {
            p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the embedded database's credentials " + file, e);
        }
        try {
            return new DatabaseCredentials(p.getProperty("owner.password"), p.getProperty("app.password"));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("the credentials in " + file + " are damaged (" + e.getMessage()
                    + "); restore the file from the backup", e);
        }
    }

    /**
     * Writes a new file, 0600 from its creation; fails if it exists. Written beside it first and then linked into
     * place, so that a process starting at the same moment never reads a half-written file.
     */
    void write(Path file) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + "." + Long.toHexString(new SecureRandom().nextLong()) + ".tmp");
        OwnerOnlyFiles.createFile(tmp);
        try {
            try (Writer out = Files.newBufferedWriter(tmp, StandardCharsets.US_ASCII)) {
                out.write("# The embedded database's passwords (generated). Keep this file with the database and its backups.\n");
                out.write("owner.password=" + ownerPassword + "\n");
                out.write("app.password=" + appPassword + "\n");
            }
            Files.createLink(file, tmp);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    @Override
    public String toString() {
        return "DatabaseCredentials[owner=***, app=***]";
    }
}
