package com.zeromission.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.zeromission.markets.Market;

class SignalSubmissionTest {

    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-23T12:00:00Z"), ZoneOffset.UTC);

    static RawSignal valid() {
        return new RawSignal("Zendesk", " 4711 ", "Regulator_Complaint", "se", "Pay Later", "reminder",
                "2026-01-07T10:30:00+01:00", "SV", "  Påminnelseavgift utan faktura  ", "ORD-1", List.of("https://x.example.com/a"),
                "cust-1");
    }

    @Test
    void normalisesCaseSpacingAndOffsets() {
        SignalSubmission s = SignalSubmission.parse(valid(), CLOCK);

        assertThat(s.source()).isEqualTo("zendesk");
        assertThat(s.sourceId()).isEqualTo("4711");
        assertThat(s.channel()).isEqualTo(Channel.REGULATOR_COMPLAINT);
        assertThat(s.market()).isEqualTo(Market.of("SE"));
        assertThat(s.product()).isEqualTo("pay-later");
        assertThat(s.journeyStage()).isEqualTo(JourneyStage.REMINDER);
        assertThat(s.receivedAt()).isEqualTo(Instant.parse("2026-01-07T09:30:00Z"));
        assertThat(s.language()).isEqualTo("sv");
        assertThat(s.text()).isEqualTo("Påminnelseavgift utan faktura");
    }

    @Test
    void refusesAMissingSignalWithAFieldViolationNotANullPointer() {
        assertThatThrownBy(() -> SignalSubmission.parse(null, CLOCK)).isInstanceOfSatisfying(InvalidSignalException.class,
                e -> assertThat(e.violations()).extracting(FieldViolation::field).containsExactly("$"));
    }

    @Test
    void countsOnlyFormalComplaintsTowardTheNumerator() {
        assertThat(Channel.COMPLAINT.countsAsComplaint()).isTrue();
        assertThat(Channel.REGULATOR_COMPLAINT.countsAsComplaint()).isTrue();
        assertThat(List.of(Channel.SUPPORT_CONTACT, Channel.FEEDBACK_FORM, Channel.CUSTOMER_CALL, Channel.INTERVIEW,
                Channel.MYSTERY_SHOPPING, Channel.SESSION_REPLAY_NOTE)).noneMatch(Channel::countsAsComplaint);
    }

    @Test
    void treatsAPlainDateAsTheStartOfThatDayInUtc() {
        var raw = new RawSignal("s", "1", "complaint", "SE", "card", null, "2026-01-07", null, "t", null, null, null);

        assertThat(SignalSubmission.parse(raw, CLOCK).receivedAt()).isEqualTo(Instant.parse("2026-01-07T00:00:00Z"));
    }

    @Test
    void rejectsASignalFromTheFuture() {
        var raw = new RawSignal("s", "1", "complaint", "SE", "card", null, "2026-11-23T12:10:00Z", null, "t", null, null, null);

        assertThatThrownBy(() -> SignalSubmission.parse(raw, CLOCK)).isInstanceOf(InvalidSignalException.class)
                .hasMessageContaining("receivedAt '2026-11-23T12:10:00Z': lies in the future");
    }

    @Test
    void acceptsSmallClockSkew() {
        var raw = new RawSignal("s", "1", "complaint", "SE", "card", null, "2026-11-23T12:04:00Z", null, "t", null, null, null);

        assertThat(SignalSubmission.parse(raw, CLOCK).receivedAt()).isEqualTo(Instant.parse("2026-11-23T12:04:00Z"));
    }

    @Test
    void pointsUkUsersToTheIsoCodeForTheUnitedKingdom() {
        assertThatThrownBy(() -> Market.of("UK")).hasMessageContaining("GB");
    }

    @Test
    void reportsEveryViolationAtOnceWithoutEchoingPersonalData() {
        var raw = new RawSignal(null, null, "tweet", "Sweden", null, "lunch", "07/01/2026", "swedish", "a".repeat(10_001),
                "ORD 1 anna@example.com", List.of("ftp://x", "notaurl"), "x".repeat(300));

        var e = org.assertj.core.api.Assertions.catchThrowableOfType(InvalidSignalException.class,
                () -> SignalSubmission.parse(raw, CLOCK));

        assertThat(e.violations()).extracting(FieldViolation::field).containsExactly("source", "sourceId", "channel",
                "market", "product", "journeyStage", "receivedAt", "language", "text", "orderReference", "evidence[0]",
                "evidence[1]", "customerId");
        assertThat(e.getMessage()).doesNotContain("anna@example.com").doesNotContain("xxxxxxxxxx");
    }

    @Test
    void rejectsTextWithANulCharacter() {
        var raw = new RawSignal("s", "1", "complaint", "SE", "card", null, "2026-01-07", null, "bad\0text", null, null, null);

        assertThatThrownBy(() -> SignalSubmission.parse(raw, CLOCK)).hasMessageContaining("NUL character at position 3");
    }

    @Test
    void neverPrintsTextOrCustomerIdInToString() {
        SignalSubmission s = SignalSubmission.parse(valid(), CLOCK);

        assertThat(s.toString()).doesNotContain("Påminnelseavgift").doesNotContain("cust-1");
        assertThat(valid().toString()).doesNotContain("Påminnelseavgift").doesNotContain("cust-1");
    }
    @Test
    void neverEchoesPersonalDataPutIntoTheWrongField() {
        var raw = new RawSignal("s", "1", "call me 070-123 45 67", "SE", "card", "19811218-9876", "anna@example.se", null,
                "t", null, null, null);
        assertThatThrownBy(() -> SignalSubmission.parse(raw, CLOCK))
                .isInstanceOfSatisfying(InvalidSignalException.class, e -> {
                    assertThat(e.getMessage()).doesNotContain("070-123", "9876", "anna@").contains("[PHONE]", "[EMAIL]");
                    assertThat(e.violations()).extracting(FieldViolation::field).contains("channel", "journeyStage", "receivedAt");
                    assertThat(e.violations().toString()).doesNotContain("070-123", "9876", "anna@");
                });
    }

    @Test
    void rejectsPersonalDataInFieldsThatAreStoredUnmasked() {
        var raw = new RawSignal("s", "anna.svensson@example.com", "complaint", "SE", "Anna 0701234567", null,
                "2026-01-07", null, "t", null, null, null);
        assertThatThrownBy(() -> SignalSubmission.parse(raw, CLOCK))
                .isInstanceOfSatisfying(InvalidSignalException.class, e -> {
                    assertThat(e.violations()).extracting(FieldViolation::field).containsExactly("sourceId", "product");
                    assertThat(e.getMessage()).contains("looks like personal data (EMAIL)", "looks like personal data (PHONE)")
                            .doesNotContain("anna", "0701234567");
                });
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"anna\u200b@example.se", "anna%40example.se", "4111.1111.1111.1111", "AB 12 34 56 C",
            "811228\u00a09874", "41 11 11 11 11 11 11 11"})
    void refusesASourceIdWithPersonalDataWrittenToEvadeTheMasker(String sourceId) {
        var raw = new RawSignal("s", sourceId, "complaint", "SE", "pay-later", null, "2026-01-07", null, "t", null, null, null);
        assertThatThrownBy(() -> SignalSubmission.parse(raw, CLOCK))
                .isInstanceOfSatisfying(InvalidSignalException.class, e -> {
                    assertThat(e.violations()).extracting(FieldViolation::field).containsExactly("sourceId");
                    assertThat(e.getMessage()).contains("looks like personal data").doesNotContain(sourceId);
                });
    }

    @Test
    void masksPersonalDataInImportFileNames() {
        assertThat(ImportOptions.of("klagomal anna@example.se 0701234567.csv", "upload").fileName())
                .isEqualTo("klagomal [EMAIL] [PHONE].csv");
        assertThat(ImportOptions.of("klagomal-anna@example.se-0701234567.csv", "upload").fileName())
                .doesNotContain("anna", "0701234567");
    }

    @Test
    void decodesPercentEscapesOnlyBeforeMaskingLinks() {
        assertThat(IntakeService.percentDecoded("https://r.example/s?tel=%2B46701234567&a=b+c"))
                .isEqualTo("https://r.example/s?tel=+46701234567&a=b+c");
        assertThat(IntakeService.percentDecoded("https://r.example/%E2%9C%93/%zz")).isEqualTo("https://r.example/✓/%zz");
    }
}
