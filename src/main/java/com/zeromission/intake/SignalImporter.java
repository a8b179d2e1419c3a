package com.zeromission.intake;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.stereotype.Service;

import com.zeromission.intake.UnreadableImportException.Reason;
import com.zeromission.intake.internal.ImportRepository;
import com.zeromission.intake.internal.UuidV7;
import com.zeromission.intake.internal.csv.CsvLayout;

import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;

/**
 * Imports CSV files (the product's own format or the CFPB export) through the intake service.
 *
 * <p>Two passes: the first reads the whole file to check its encoding and CSV structure and to count rows, so a
 * broken file is refused before anything is written; the second validates each row and stores valid rows in
 * chunks. Invalid rows are reported (line, column, reason) and skipped; valid rows are kept. Because intake is
 * idempotent by (source, source id), importing the same file again, for example after a crash, adds only the
 * rows that are still missing.
 */
@Service
public class SignalImporter {

    private static final Logger log = LoggerFactory.getLogger(SignalImporter.class);

    /** A CSV field longer than this cannot be a valid signal field; it means broken quoting. */
    private static final int MAX_FIELD_CHARS = 1 << 20;

    private final IntakeService intake;
    private final ImportRepository imports;
    private final Clock clock;

    public SignalImporter(IntakeService intake, ImportRepository imports, Clock clock) {
        this.intake = intake;
        this.imports = imports;
        this.clock = clock;
    }

    /**
     * Imports one file. {@code content} is opened twice (once per pass) and must yield the same bytes each time.
     *
     * @throws UnreadableImportException if the file as a whole cannot be read; nothing was written then
     */
    public ImportReport importCsv(Supplier<InputStream> content, ImportOptions options, ImportListener listener) {
        Instant started = clock.instant();
        CheckedFile checked = check(content, options);
        UUID importId = UuidV7.next(clock);
        imports.start(importId, options.fileName(), checked.layout().format().name(), options.origin(), checked.rows(), started);
        listener.started(importId, checked.layout().format(), checked.rows());
        log.info("import {} of {} ({}, {} rows) started", importId, options.fileName(), checked.layout().format(), checked.rows());
        try {
            ImportReport report = load(content, options, checked.layout(), importId, started, listener);
            imports.finish(importId, "COMPLETED", null, clock.instant(), options.actor());
            log.info("import {} finished: {} rows, {} created, {} replayed, {} rejected in {} ms", importId,
                    report.rows(), report.created(), report.replayed(), report.rejected(), report.duration().toMillis());
            return report;
        } catch (RuntimeException e) {
            imports.finish(importId, "FAILED", e.getClass().getSimpleName() + ": " + e.getMessage(), clock.instant(),
                    options.actor());
            throw e;
        }
    }

    record CheckedFile(CsvLayout layout, long rows) {
    }

    /** The first pass: encoding, CSV structure and header, without a database (package-private for the fuzz test). */
    static CheckedFile check(Supplier<InputStream> content, ImportOptions options) {
        long lastLine = 1;
        try (CsvReader<CsvRecord> csv = reader(content, options)) {
            Iterator<CsvRecord> it = csv.iterator();
            if (!it.hasNext()) {
                throw new UnreadableImportException(Reason.EMPTY, "file is empty: expected a header row and data rows");
            }
            CsvRecord header = it.next();
            CsvLayout layout = CsvLayout.of(header.getFields(), options.defaultSource());
            long rows = 0;
            while (it.hasNext()) {
                CsvRecord r = it.next();
                lastLine = r.getStartingLineNumber();
                rows++;
            }
            return new CheckedFile(layout, rows);
        } catch (UncheckedIOException e) {
            throw unreadable(e.getCause(), lastLine, content, options);
        } catch (CsvParseException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IOException io) {
                throw unreadable(io, lastLine, content, options);
            }
            throw new UnreadableImportException(Reason.STRUCTURE, "broken CSV structure after line " + lastLine + ": "
                    + e.getMessage() + " (check for an unclosed quote or text after a closing quote)");
        } catch (IOException e) {
            throw unreadable(e, lastLine, content, options);
        }
    }

    private static UnreadableImportException unreadable(Throwable cause, long lastLine, Supplier<InputStream> content,
            ImportOptions options) {
        if (cause instanceof CharacterCodingException) {
            return new UnreadableImportException(Reason.ENCODING, "file is not valid " + options.charset().name()
                    + " (first bad bytes on line " + lineOfFirstBadBytes(content, options.charset())
                    + "); save it as UTF-8 or name its encoding");
        }
        return new UnreadableImportException(Reason.STRUCTURE, "file could not be read after line " + lastLine + ": " + cause);
    }

    /** One chunk of the file, read, validated and prepared (masked) by the reader thread. */
    private record Chunk(long rows, IntakeService.PreparedBatch batch, List<Long> lines, List<RowError> errors) {
    }

    /** What the reader thread hands over: a chunk, the end of the file, or the reason it stopped. */
    private sealed interface Handover permits Next, End, Failed {
    }

    private record Next(Chunk chunk) implements Handover {
    }

    private record End() implements Handover {
    }

    private record Failed(RuntimeException cause) implements Handover {
    }

    /**
     * Two stages on two threads: a reader thread parses, validates and masks chunk n+1 while this thread stores
     * chunk n in its own transaction. Chunks are stored strictly in file order, and a chunk's progress is recorded
     * only after it committed, so a kill at any moment loses nothing that was acknowledged.
     */
    private ImportReport load(Supplier<InputStream> content, ImportOptions options, CsvLayout layout, UUID importId,
            Instant started, ImportListener listener) {
        var handover = new java.util.concurrent.ArrayBlockingQueue<Handover>(2);
        var stop = new java.util.concurrent.atomic.AtomicBoolean();
        Thread reader = Thread.ofPlatform().name("import-reader-" + importId).daemon().start(
                () -> read(content, options, layout, handover, stop));
        long rows = 0, created = 0, replayed = 0, rejected = 0;
        var reportErrors = new ArrayList<RowError>();
        try {
            while (true) {
                Handover next = handover.take();
                if (next instanceof End) {
                    break;
                }
                if (next instanceof Failed f) {
                    throw f.cause();
                }
                Chunk chunk = ((Next) next).chunk();
                Stored stored = store(chunk, importId);
                rows += chunk.rows();
                created += stored.created();
                replayed += stored.replayed();
                rejected += stored.rejected();
                addToReport(reportErrors, stored.errors());
                imports.progress(importId, rows, created, replayed, rejected, stored.errors());
                listener.committed(rows, created, replayed, rejected);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("import " + importId + " was interrupted", e);
        } finally {
            stop.set(true);
            handover.clear(); // unblocks a reader waiting to hand over, so it sees the stop flag
        }
        return new ImportReport(importId, options.fileName(), layout.format(), rows, created, replayed, rejected,
                reportErrors, Duration.between(started, clock.instant()));
    }

    private void read(Supplier<InputStream> content, ImportOptions options, CsvLayout layout,
            java.util.concurrent.BlockingQueue<Handover> handover, java.util.concurrent.atomic.AtomicBoolean stop) {
        try {
            try (CsvReader<CsvRecord> csv = reader(content, options)) {
                Iterator<CsvRecord> it = csv.iterator();
                it.next(); // header, checked in the first pass
                var submissions = new ArrayList<SignalSubmission>(options.chunkSize());
                var lines = new ArrayList<Long>(options.chunkSize());
                var errors = new ArrayList<RowError>();
                long rows = 0;
                while (it.hasNext() && !stop.get()) {
                    rows++;
                    validateRow(it.next(), layout, clock, submissions, lines, errors);
                    if (rows >= options.chunkSize()) {
                        handover.put(new Next(new Chunk(rows, intake.prepare(submissions), List.copyOf(lines), List.copyOf(errors))));
                        submissions.clear();
                        lines.clear();
                        errors.clear();
                        rows = 0;
                    }
                }
                if (rows > 0 && !stop.get()) {
                    handover.put(new Next(new Chunk(rows, intake.prepare(submissions), List.copyOf(lines), List.copyOf(errors))));
                }
            } catch (IOException e) {
                throw new UncheckedIOException("file changed or became unreadable during the import", e);
            }
            handover.put(new End());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            if (!stop.get()) {
                handover.offer(new Failed(e));
            }
        }
    }

    /**
     * The second pass for one row: a valid row joins {@code submissions} (and its line {@code lines}), an invalid
     * one adds a row error per broken field. No database (package-private for the fuzz test).
     */
    static void validateRow(CsvRecord record, CsvLayout layout, Clock clock, List<SignalSubmission> submissions,
            List<Long> lines, List<RowError> errors) {
        long line = record.getStartingLineNumber();
        if (record.getFieldCount() != layout.width()) {
            errors.add(new RowError(line, null, "row has " + record.getFieldCount() + " fields; the header has " + layout.width()));
            return;
        }
        try {
            submissions.add(SignalSubmission.parse(layout.toRawSignal(record.getFields()), clock));
            lines.add(line);
        } catch (InvalidSignalException e) {
            for (FieldViolation v : e.violations()) {
                errors.add(new RowError(line, layout.columnFor(v.field()),
                        v.value() == null ? v.reason() : "'" + v.value() + "' " + v.reason()));
            }
        }
    }

    private record Stored(long created, long replayed, long rejected, List<RowError> errors) {
    }

    /** Stores the valid rows of a chunk; conflicting keys join the chunk's row errors, in line order. */
    private Stored store(Chunk chunk, UUID importId) {
        long created = 0, replayed = 0;
        List<IntakeOutcome> outcomes = intake.store(chunk.batch(), importId, false);
        var errors = new ArrayList<>(chunk.errors());
        for (int i = 0; i < outcomes.size(); i++) {
            switch (outcomes.get(i)) {
                case IntakeOutcome.Created c -> created++;
                case IntakeOutcome.Replayed r -> replayed++;
                case IntakeOutcome.Conflicted c -> errors.add(new RowError(chunk.lines().get(i), "source_id",
                        "source '" + c.source() + "' with id '" + c.sourceId() + "' is already stored as signal "
                                + c.existing() + " with different content"));
            }
        }
        errors.sort(java.util.Comparator.comparingLong(RowError::line));
        // every row that is neither created nor replayed was rejected (invalid, or a conflicting key)
        return new Stored(created, replayed, chunk.rows() - created - replayed, errors);
    }

    private static void addToReport(List<RowError> report, List<RowError> errors) {
        for (RowError e : errors) {
            if (report.size() >= ImportReport.MAX_ERRORS_IN_REPORT) {
                return;
            }
            report.add(e);
        }
    }

    /**
     * The CSV reader decodes ahead of the row it returns, so its position is not where decoding failed. Decode the
     * file once more, by hand, to name the exact line of the first malformed bytes.
     */
    private static long lineOfFirstBadBytes(Supplier<InputStream> content, java.nio.charset.Charset charset) {
        var decoder = charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        var in = java.nio.ByteBuffer.allocate(64 * 1024);
        var out = java.nio.CharBuffer.allocate(64 * 1024);
        long line = 1;
        try (InputStream stream = content.get()) {
            boolean eof = false;
            while (true) {
                if (!eof) {
                    int n = stream.read(in.array(), in.position(), in.remaining());
                    if (n < 0) {
                        eof = true;
                    } else {
                        in.position(in.position() + n);
                    }
                }
                in.flip();
                var result = decoder.decode(in, out, eof);
                out.flip();
                while (out.hasRemaining()) {
                    if (out.get() == '\n') {
                        line++;
                    }
                }
                out.clear();
                if (result.isError()) {
                    return line;
                }
                in.compact();
                if (eof && in.position() == 0) {
                    return line; // decoding failed earlier but not here: report the best we know
                }
            }
        } catch (IOException e) {
            return line;
        }
    }

    /** How both passes read the file (package-private for the fuzz test). */
    static CsvReader<CsvRecord> reader(Supplier<InputStream> content, ImportOptions options) {
        // A strict decoder: a wrong encoding is an error to report, never silently replaced characters.
        var decoder = options.charset().newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        Reader reader = new BufferedReader(new InputStreamReader(content.get(), decoder), 1 << 16);
        return CsvReader.builder()
                .allowExtraFields(true)
                .allowMissingFields(true)
                .allowUnclosedQuote(false)
                .allowExtraCharsAfterClosingQuote(false)
                .skipEmptyLines(true)
                .maxBufferSize(MAX_FIELD_CHARS)
                .ofCsvRecord(reader);
    }

    /** After a crash, imports still marked RUNNING are marked INTERRUPTED so that the history tells the truth. */
    @EventListener(ApplicationReadyEvent.class)
    void markInterruptedImports() {
        int n = imports.markInterrupted(clock.instant());
        if (n > 0) {
            log.warn("{} import(s) were interrupted by a stop; import the same files again to add the missing rows", n);
        }
    }
}
