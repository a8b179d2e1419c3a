package com.zeromission.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import com.zeromission.metrics.PurchaseImporter;

import de.siegmar.fastcsv.writer.CsvWriter;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "purchases", mixinStandardHelpOptions = true, description = "Purchase counts: the denominator of CPM.",
        subcommands = PurchasesCommand.Import.class)
final class PurchasesCommand implements Runnable {

    @Override
    public void run() {
        new picocli.CommandLine(this).usage(System.out);
    }

    @Command(name = "import", mixinStandardHelpOptions = true,
            description = {"Import daily purchase counts from CSV: day,market,product,purchases.",
                    "Rows with bad values are reported (line, column, reason) in FILE.errors.csv and skipped; the rest are "
                            + "upserted, so importing the same file again changes nothing."},
            exitCodeListHeading = "%nExit codes:%n",
            exitCodeList = {"0:all rows stored", "1:some rows were rejected", "2:the file could not be imported; nothing was written"})
    static final class Import implements Callable<Integer> {

        @Parameters(index = "0", paramLabel = "FILE")
        Path file;

        @Option(names = "--source", defaultValue = "cli", description = "Where the figures come from (default: ${DEFAULT-VALUE}).")
        String source;

        @Option(names = "--charset", defaultValue = "UTF-8", description = "The file's encoding (default: ${DEFAULT-VALUE}).")
        Charset charset;

        @Option(names = "--new-database", description = "Create a new embedded database if there is none in the data directory.")
        boolean newDatabase;

        @Parameters(index = "1..*", arity = "0..*", paramLabel = "SPRING_ARG", description = "Spring Boot arguments.")
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
            Path target = file.resolveSibling(file.getFileName() + ".errors.csv");
            // every row error, written as the file is read (the report in memory keeps only the first ones)
            var errors = new ErrorFile(target);
            try (var context = CliContext.start(springArgs); InputStream in = Files.newInputStream(file); errors) {
                var report = context.getBean(PurchaseImporter.class).importCsv(in, charset, source, errors::write);
                System.out.printf("Imported %s: %,d rows: %,d new, %,d replaced or unchanged, %,d rejected%n", file.getFileName(),
                        report.rows(), report.created(), report.updated(), report.rejected());
                if (report.rejected() > 0) {
                    System.out.printf("Row errors: %s (%,d)%n", target, errors.written);
                    return 1;
                }
                return 0;
            } catch (PurchaseImporter.UnreadablePurchaseFileException e) {
                Files.deleteIfExists(target); // nothing was imported: its rows' errors are not the story
                System.err.println("Nothing imported: " + e.getMessage());
                return 2;
            } catch (IllegalArgumentException e) {
                Files.deleteIfExists(target);
                System.err.println("Nothing imported: " + e.getMessage());
                return 2;
            }
        }
    }

    /** The row-error report, created at the first error: {@code line,column,reason}, one row per error. */
    private static final class ErrorFile implements AutoCloseable {
        private final Path target;
        private CsvWriter csv;
        long written;

        ErrorFile(Path target) {
            this.target = target;
        }

        void write(PurchaseImporter.RowError e) {
            try {
                if (csv == null) {
                    csv = CsvWriter.builder().build(target);
                    csv.writeRecord("line", "column", "reason");
                }
                csv.writeRecord(String.valueOf(e.line()), e.column(), e.reason());
                written++;
            } catch (IOException x) {
                throw new UncheckedIOException("cannot write " + target, x);
            }
        }

        @Override
        public void close() throws IOException {
            if (csv != null) {
                csv.close();
            }
        }
    }
}
