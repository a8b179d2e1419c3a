package com.zeromission.demo.internal;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.util.Properties;

import org.jspecify.annotations.Nullable;

import com.zeromission.demo.DemoSettings;

/**
 * What the loader has already loaded: the demo set (generator version, seed, scale, first day), the database it went
 * into, and the last day loaded. Kept in the data directory next to the embedded database, so that a restart only
 * tops up the days since, instead of pushing 100,000 rows through intake again to find them all already there.
 *
 * @param database a fingerprint of the datasource URL: a marker never vouches for another database
 */
record LoadMarker(int version, long seed, double scale, LocalDate from, String database, LocalDate loadedThrough) {

    static final String FILE_NAME = "demo-data.properties";

    /** True when this marker describes the same demo set in the same database. */
    boolean sameSet(int version, DemoSettings settings, String database) {
        return this.version == version && seed == settings.seed() && Double.compare(scale, settings.scale()) == 0
                && from.equals(settings.from()) && this.database.equals(database);
    }

    /** The marker in the directory, or null if there is none or it cannot be understood (then everything reloads). */
    static @Nullable LoadMarker read(Path dir) {
        Path file = dir.resolve(FILE_NAME);
        if (!Files.isRegularFile(file)) {
            return null;
        }
        var p = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(in);
            return new LoadMarker(Integer.parseInt(p.getProperty("generator-version")), Long.parseLong(p.getProperty("seed")),
                    Double.parseDouble(p.getProperty("scale")), LocalDate.parse(p.getProperty("from")),
                    p.getProperty("database", ""), LocalDate.parse(p.getProperty("loaded-through")));
        } catch (IOException | RuntimeException e) {
            // NumberFormatException, DateTimeParseException, a missing key: a broken marker only costs a full reload
            return null;
        }
    }

    /** Written to a temporary file and moved into place: a crash leaves the old marker or the new one, never half. */
    void write(Path dir) {
        var p = new Properties();
        p.setProperty("generator-version", Integer.toString(version));
        p.setProperty("seed", Long.toString(seed));
        p.setProperty("scale", Double.toString(scale));
        p.setProperty("from", from.toString());
        p.setProperty("database", database);
        p.setProperty("loaded-through", loadedThrough.toString());
        try {
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, FILE_NAME, ".tmp");
            try (Writer out = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                p.store(out, "written by the demo loader; delete this file to load the whole demo data set again");
            }
            Files.move(tmp, dir.resolve(FILE_NAME), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + dir.resolve(FILE_NAME), e);
        }
    }
}
