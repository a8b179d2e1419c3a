package com.zeromission.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;

import com.zeromission.intake.BackgroundImports;
import com.zeromission.intake.ImportFormat;
import com.zeromission.intake.ImportListener;
import com.zeromission.intake.ImportOptions;
import com.zeromission.intake.ImportReport;
import com.zeromission.intake.RowError;
import com.zeromission.intake.SignalImporter;
import com.zeromission.intake.UnreadableImportException;

import de.siegmar.fastcsv.writer.CsvWriter;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "import", mixinStandardHelpOptions = true,
        description = {"Import a CSV file of signals: the zeromission format or a CFPB complaint export.",
                "Invalid rows are reported (line, column, reason), every one of them, in FILE.errors.csv and skipped; "
                        + "valid rows are kept.",
                "Importing the same file again adds nothing twice."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:all rows stored", "1:some rows were rejected (see the error report)",
                "2:the file could not be imported at all; nothing was written"})
final class ImportCommand implements Callable<Integer> {

    enum Progress { BAR, PLAIN, NONE }

    @Parameters(index = "0", paramLabel = "FILE", description = "The CSV file.")
    Path file;

    @Option(names = "--source", description = "Source for rows without a source column (own format).")
    String source;

    @Option(names = "--charset", defaultValue = "UTF-8", description = "The file's encoding (default: ${DEFAULT-VALUE}).")
    Charset charset;

    @Option(names = "--chunk-size", defaultValue = "1000", description = "Rows per transaction (default: ${DEFAULT-VALUE}).")
    int chunkSize;

    @Option(names = "--errors", description = "Where to write the row-error report (default: FILE.errors.csv).")
    Path errorsFile;

    @Option(names = "--progress", defaultValue = "BAR",
            description = "BAR (terminal), PLAIN (one line per committed chunk) or NONE (default: ${DEFAULT-VALUE}).")
    Progress progress;

    @Option(names = "--new-database", description = "Create a new embedded database if there is none in the data "
            + "directory yet (by default the import refuses, so that running it from the wrong folder cannot silently "
            + "fill a second database).")
    boolean newDatabase;

    @Parameters(index = "1..*", arity = "0..*", paramLabel = "SPRING_ARG",
            description = "Spring Boot arguments, e.g. --spring.datasource.url=jdbc:postgresql://localhost/zeromission")
    List<String> springArgs = new ArrayList<>();

    @Override
    public Integer call() throws IOException {
        if (!Files.isRegularFile(file)) {
            System.err.println("No such file: " + file);
            return 2;
        }
        CliContext.requireSpringProperties(springArgs);
        var refusal = CliContext.missingDatabase(springArgs, newDatabase);
        if (refusal.isPresent()) {
            System.err.println("Nothing imported: " + refusal.get());
            return 2;
        }
        var embedded = CliContext.embeddedDatabase(springArgs);
        try (var context = CliContext.start(springArgs)) {
            embedded.ifPresent(db -> System.out.println("Database: " + db));
            SignalImporter importer = context.getBean(SignalImporter.class);
            var options = new ImportOptions(file.getFileName().toString(), source, "cli", charset, chunkSize);
            try (var listener = new Listener(progress)) {
                ImportReport report = importer.importCsv(() -> open(file), options, listener);
                listener.close();
                printSummary(report);
                if (report.rejected() > 0) {
                    Path target = errorsFile != null ? errorsFile : file.resolveSibling(file.getFileName() + ".errors.csv");
                    long written = writeAllRowErrors(target, context.getBean(BackgroundImports.class), report.importId());
                    System.out.printf("Row errors: %s (%,d)%n", target, written);
                    return 1;
                }
                return 0;
            } catch (UnreadableImportException e) {
                System.err.println("Nothing imported: " + e.getMessage());
                return 2;
            }
        }
    }

    /** Rows of errors read from the database per query while the report is written. */
    static final int ERROR_PAGE = 10_000;

    /**
     * Every row error of the import, in line order, into {@code target}: the report in memory keeps only the first
     * {@value ImportReport#MAX_ERRORS_IN_REPORT}, the database keeps all, and they are streamed from there a page at a
     * time. A page is cut after its last whole line (a row can have several errors), and the next starts after it.
     */
    static long writeAllRowErrors(Path target, BackgroundImports imports, UUID importId) throws IOException {
        long written = 0, afterLine = 0;
        try (var csv = CsvWriter.builder().build(target)) {
            csv.writeRecord("line", "column", "reason");
            while (true) {
                List<RowError> page = imports.errors(importId, afterLine, ERROR_PAGE);
                int end = page.size();
                boolean last = end < ERROR_PAGE;
                if (!last) {
                    long lastLine = page.get(end - 1).line();
                    int cut = end;
                    while (cut > 0 && page.get(cut - 1).line() == lastLine) {
                        cut--;
                    }
                    // (a whole page on one line cannot happen: a row has a few columns, each with one error at most)
                    end = cut > 0 ? cut : end;
                }
                for (RowError e : page.subList(0, end)) {
                    csv.writeRecord(String.valueOf(e.line()), e.column() == null ? "" : e.column(), e.reason());
                    written++;
                }
                if (last) {
                    return written;
                }
                afterLine = page.get(end - 1).line();
            }
        }
    }

    static InputStream open(Path file) {
        try {
            return Files.newInputStream(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void printSummary(ImportReport r) {
        System.out.printf("Imported %s (%s): %,d rows: %,d created, %,d already there, %,d rejected in %.1f s (%,.0f rows/s)%n",
                r.fileName(), r.format(), r.rows(), r.created(), r.replayed(), r.rejected(),
                r.duration().toMillis() / 1000.0, r.rowsPerSecond());
        System.out.printf("Import id: %s%n", r.importId());
    }


    /** Draws progress: a terminal bar, or plain lines that scripts and tests can follow. */
    private static final class Listener implements ImportListener, AutoCloseable {
        private final Progress mode;
        private ProgressBar bar;

        Listener(Progress mode) {
            this.mode = mode;
        }

        @Override
        public void started(UUID importId, ImportFormat format, long rows) {
            switch (mode) {
                case BAR -> bar = new ProgressBarBuilder().setTaskName("Importing").setInitialMax(rows)
                        .setStyle(ProgressBarStyle.ASCII).setUnit(" rows", 1).showSpeed().continuousUpdate().build();
                case PLAIN -> System.out.printf("started %s %s %d%n", importId, format, rows);
                case NONE -> { }
            }
        }

        @Override
        public void committed(long rowsDone, long created, long replayed, long rejected) {
            switch (mode) {
                case BAR -> {
                    if (bar != null) {
                        bar.stepTo(rowsDone);
                    }
                }
                case PLAIN -> {
                    System.out.printf("committed %d %d %d %d%n", rowsDone, created, replayed, rejected);
                    System.out.flush();
                }
                case NONE -> { }
            }
        }

        @Override
        public void close() {
            if (bar != null) {
                bar.close();
                bar = null;
            }
        }
    }
}
