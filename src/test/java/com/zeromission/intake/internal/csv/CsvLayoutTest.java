package com.zeromission.intake.internal.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.zeromission.intake.ImportFormat;
import com.zeromission.intake.JourneyStage;
import com.zeromission.intake.UnreadableImportException;

class CsvLayoutTest {

    static final List<String> CFPB = List.of("Date received", "Product", "Sub-product", "Issue", "Sub-issue",
            "Consumer complaint narrative", "Company public response", "Company", "State", "ZIP code", "Tags",
            "Consumer consent provided?", "Submitted via", "Date sent to company", "Company response to consumer",
            "Timely response?", "Consumer disputed?", "Complaint ID");

    @Test
    void recognisesTheCfpbExportAndReadsUsDates() {
        CsvLayout layout = CsvLayout.of(CFPB, null);
        var raw = layout.toRawSignal(List.of("01/31/2025", "Mortgage", "", "Trouble during payment process", "", "narrative",
                "", "X", "CA", "", "", "", "Web", "", "", "", "", "123"));

        assertThat(layout.format()).isEqualTo(ImportFormat.CFPB);
        assertThat(raw.receivedAt()).isEqualTo("2025-01-31");
        assertThat(raw.sourceId()).isEqualTo("123");
        assertThat(raw.source()).isEqualTo("cfpb");
        assertThat(raw.channel()).isEqualTo("regulator-complaint");
        assertThat(raw.journeyStage()).isEqualTo("payment");
    }

    @Test
    void recognisesTheOwnFormatWithAByteOrderMarkAndAnyColumnOrder() {
        CsvLayout layout = CsvLayout.of(List.of("\uFEFFtext", "SOURCE_ID", "channel", "market", "product", "received_at", "source"), null);
        var raw = layout.toRawSignal(List.of("hej", "1", "complaint", "SE", "card", "2026-01-01", "crm"));

        assertThat(layout.format()).isEqualTo(ImportFormat.ZEROMISSION);
        assertThat(raw.text()).isEqualTo("hej");
        assertThat(raw.source()).isEqualTo("crm");
    }

    @Test
    void usesTheDefaultSourceWhenTheFileHasNoSourceColumn() {
        CsvLayout layout = CsvLayout.of(List.of("source_id", "channel", "market", "product", "received_at", "text"), "helpdesk");

        assertThat(layout.toRawSignal(List.of("1", "complaint", "SE", "card", "2026-01-01", "t")).source()).isEqualTo("helpdesk");
    }

    @Test
    void namesTheMissingColumns() {
        assertThatThrownBy(() -> CsvLayout.of(List.of("source_id", "text"), null))
                .isInstanceOf(UnreadableImportException.class)
                .hasMessageContaining("source (or give a default source for the whole file)")
                .hasMessageContaining("channel, market, product, received_at");
    }

    @Test
    void refusesUnknownAndDuplicateColumns() {
        assertThatThrownBy(() -> CsvLayout.of(List.of("source", "source_id", "channel", "market", "product", "received_at", "text", "email"), null))
                .hasMessageContaining("unknown column(s) [email]");
        assertThatThrownBy(() -> CsvLayout.of(List.of("text", "text"), null)).hasMessageContaining("'text' appears twice");
    }

    @Test
    void mapsCfpbIssuesToJourneyStages() {
        assertThat(CsvLayout.journeyStage("Attempts to collect debt not owed")).isEqualTo(JourneyStage.DEBT_COLLECTION);
        assertThat(CsvLayout.journeyStage("Problem with a purchase shown on your statement")).isEqualTo(JourneyStage.INVOICE);
        assertThat(CsvLayout.journeyStage("Trouble during payment process")).isEqualTo(JourneyStage.PAYMENT);
        assertThat(CsvLayout.journeyStage("Incorrect information on your report")).isEqualTo(JourneyStage.OTHER);
        assertThat(CsvLayout.journeyStage(null)).isEqualTo(JourneyStage.UNKNOWN);
    }
}
