package com.zeromission.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.Supplier;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.zeromission.support.FuzzBudget;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;

/**
 * Fuzz target 3 (docs/fuzzing.md): a CSV import without its database. The fuzzer's bytes are the file. The first
 * pass is the importer's own ({@link SignalImporter#check}: strict decoding, FastCSV, header recognition by
 * {@code CsvLayout}); it may refuse the file only with an {@link UnreadableImportException}. A file it accepts
 * then goes through the second pass row by row ({@link SignalImporter#validateRow}: row to {@link RawSignal} to
 * {@link SignalSubmission#parse}), which must not throw at all, since the importer has already started the import
 * by then. Only storing (IntakeService) is left out: it needs a database and reads no raw input.
 */
class CsvImportFuzzTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-06-01T12:00:00Z"), ZoneOffset.UTC);
    /** With a default source, as bin/zm import --source and ?source= give one; the column wins where present. */
    private static final ImportOptions OPTIONS = new ImportOptions("fuzz.csv", "crm", "cli", StandardCharsets.UTF_8, 1_000);

    @FuzzTest(maxDuration = "20s")
    void aCsvFileIsImportedRowByRowOrRefusedAsAWhole(byte[] file) throws Exception {
        FuzzBudget.within(() -> importWithoutDatabase(file));
    }

    private static void importWithoutDatabase(byte[] file) throws Exception {
        Supplier<InputStream> content = () -> new ByteArrayInputStream(file);
        SignalImporter.CheckedFile checked;
        try {
            checked = SignalImporter.check(content, OPTIONS);
        } catch (UnreadableImportException refused) {
            assertThat(refused.getMessage()).isNotBlank();
            return;
        }
        var submissions = new ArrayList<SignalSubmission>();
        var lines = new ArrayList<Long>();
        var errors = new ArrayList<RowError>();
        long rows = 0;
        try (CsvReader<CsvRecord> csv = SignalImporter.reader(content, OPTIONS)) {
            Iterator<CsvRecord> it = csv.iterator();
            it.next(); // the header, recognised by the first pass
            while (it.hasNext()) {
                rows++;
                SignalImporter.validateRow(it.next(), checked.layout(), CLOCK, submissions, lines, errors);
            }
        }
        assertThat(rows).as("both passes see the same rows").isEqualTo(checked.rows());
        long rejectedRows = errors.stream().mapToLong(RowError::line).distinct().count();
        assertThat(submissions.size() + rejectedRows).as("each row is either valid or reported").isEqualTo(rows);
        for (RowError e : errors) {
            assertThat(e.line()).isGreaterThan(1);
            assertThat(e.reason()).isNotBlank();
        }
    }
}
