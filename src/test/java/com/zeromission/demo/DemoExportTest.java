package com.zeromission.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.zeromission.intake.ImportFormat;
import com.zeromission.intake.RawSignal;
import com.zeromission.intake.SignalSubmission;
import com.zeromission.intake.internal.csv.CsvLayout;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;

/** The exported files are read by the product's own importer exactly as they were generated. */
class DemoExportTest {

    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-23T17:00:00Z"), ZoneOffset.UTC);
    static final DemoSettings WINTER = new DemoSettings(DemoSettings.DEFAULT_SEED, LocalDate.of(2025, 1, 1),
            LocalDate.of(2025, 3, 31), 1.0);

    private static List<CsvRecord> read(String csv) throws IOException {
        try (CsvReader<CsvRecord> reader = CsvReader.builder().ofCsvRecord(new StringReader(csv))) {
            var records = new ArrayList<CsvRecord>();
            reader.forEach(records::add);
            return records;
        }
    }

    private static String write(DemoExport.Format format) throws IOException {
        var out = new StringWriter();
        long rows = DemoExport.write(new DemoDataGenerator(WINTER), format, out);
        assertThat(read(out.toString())).hasSize((int) rows + 1);
        return out.toString();
    }

    @Test
    void ownFormatRoundTripsThroughTheImportersLayout() throws IOException {
        List<CsvRecord> records = read(write(DemoExport.Format.OWN));
        CsvLayout layout = CsvLayout.of(records.getFirst().getFields(), null);
        assertThat(layout.format()).isEqualTo(ImportFormat.ZEROMISSION);
        assertThat(records.getFirst().getFields()).isEqualTo(CsvLayout.OWN_COLUMNS);

        List<DemoSignal> generated = new DemoDataGenerator(WINTER).signals().toList();
        assertThat(records).hasSize(generated.size() + 1);
        for (int i = 0; i < generated.size(); i++) {
            RawSignal expected = generated.get(i).raw();
            RawSignal read = layout.toRawSignal(records.get(i + 1).getFields());
            // the CSV has no null, only empty fields; intake treats both alike
            assertThat(SignalSubmission.parse(read, CLOCK)).as(expected.sourceId())
                    .isEqualTo(SignalSubmission.parse(expected, CLOCK));
        }
    }

    @Test
    void textsWithLineBreaksQuotesAndCommasSurviveTheCsv() throws IOException {
        List<CsvRecord> records = read(write(DemoExport.Format.OWN));
        int text = CsvLayout.OWN_COLUMNS.indexOf("text");
        assertThat(records.stream().skip(1).map(r -> r.getField(text)))
                .anyMatch(t -> t.contains("\n"))
                .anyMatch(t -> t.contains("\""))
                .anyMatch(t -> t.contains(","));
    }

    @Test
    void cfpbExportIsRecognisedAsCfpbAndEveryRowIsValid() throws IOException {
        List<CsvRecord> records = read(write(DemoExport.Format.CFPB));
        List<String> header = records.getFirst().getFields();
        assertThat(header).containsExactly("Date received", "Product", "Sub-product", "Issue", "Sub-issue",
                "Consumer complaint narrative", "Company public response", "Company", "State", "ZIP code", "Tags",
                "Consumer consent provided?", "Submitted via", "Date sent to company", "Company response to consumer",
                "Timely response?", "Consumer disputed?", "Complaint ID");
        CsvLayout layout = CsvLayout.of(header, null);
        assertThat(layout.format()).isEqualTo(ImportFormat.CFPB);

        long usComplaints = new DemoDataGenerator(WINTER).signals()
                .filter(s -> s.raw().market().equals("US") && s.countsAsComplaint()).count();
        assertThat(records).hasSize((int) usComplaints + 1);
        int withNarrative = 0;
        var ids = new java.util.HashSet<String>();
        for (CsvRecord r : records.subList(1, records.size())) {
            assertThat(r.getField(0)).matches("(0[1-3])/\\d\\d/2025");
            SignalSubmission s = SignalSubmission.parse(layout.toRawSignal(r.getFields()), CLOCK);
            assertThat(s.market().code()).isEqualTo("US");
            assertThat(ids.add(r.getField(17))).isTrue();
            String narrative = r.getField(5);
            if (!narrative.isEmpty()) {
                withNarrative++;
                assertThat(r.getField(11)).isEqualTo("Consent provided");
                assertThat(narrative.toUpperCase(java.util.Locale.ROOT)).doesNotContain("ORD-").doesNotContain("GADGET BARN");
                assertThat(narrative).doesNotContainPattern("@example\\.")
                        .doesNotStartWith("Forwarded by");
            }
        }
        // as in the real export, only some consumers agree to publish their narrative
        assertThat(withNarrative).isBetween((records.size() - 1) * 30 / 100, (records.size() - 1) * 60 / 100);
        assertThat(records.stream().skip(1).map(r -> r.getField(5))).anyMatch(n -> n.contains("XX/XX/2025"))
                .anyMatch(n -> n.contains("{$"));
    }

    @Test
    void cfpbNarrativesHideThePersonalDataPlantedInTheText() throws IOException {
        var planted = new DemoDataGenerator(WINTER).signals()
                .filter(s -> s.raw().market().equals("US") && s.countsAsComplaint())
                .flatMap(s -> s.pii().stream()).map(PlantedPii::value).toList();
        assertThat(planted).isNotEmpty();
        String cfpb = write(DemoExport.Format.CFPB);
        assertThat(planted).noneMatch(cfpb::contains);
    }

    @Test
    void purchasesFileHasOneRowPerDayMarketAndProduct() throws IOException {
        List<CsvRecord> records = read(write(DemoExport.Format.PURCHASES));
        assertThat(records.getFirst().getFields()).containsExactly("day", "market", "product", "purchases");
        assertThat(records).hasSize(90 * 9 * 6 + 1);
        assertThat(records.get(1).getFields()).satisfies(f -> {
            assertThat(f.get(0)).isEqualTo("2025-01-01");
            assertThat(Long.parseLong(f.get(3))).isPositive();
        });
    }
}
