package com.zeromission.deadlines;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.zeromission.deadlines.internal.BusinessCalendar;
import com.zeromission.deadlines.internal.DeadlinesProperties;
import com.zeromission.deadlines.internal.RuleBook;
import com.zeromission.intake.Channel;
import com.zeromission.intake.SignalId;

/**
 * Deadline arithmetic on the real calendars (Jollyday), with dates worked out by hand from the published holiday
 * lists: weekends, Easter, Midsummer, Christmas and New Year, the late May bank holiday, the cut-off.
 */
class BusinessDayDeadlineTest {

    final RuleBook book = new RuleBook(DeadlinesProperties.defaults());

    RuleBook.Deadlines deadlines(String market, String product, String receivedAt) {
        return book.deadlines(market, product, Instant.parse(receivedAt));
    }

    @Test
    void aSwedishComplaintOnTheThursdayBeforeEasterSkipsGoodFridayAndEasterMonday() {
        var d = deadlines("SE", "pay-later", "2026-04-02T10:00:00Z");
        assertThat(d.rule()).isEqualTo("PSD2 Art. 101");
        assertThat(d.countedFrom()).isEqualTo("2026-04-02");
        assertThat(d.acknowledgementDue()).isEqualTo("2026-04-07"); // 3 Apr Good Friday, weekend, 6 Apr Easter Monday
        assertThat(d.finalReplyDue()).isEqualTo("2026-04-27");      // 15 business days: 7-10, 13-17, 20-24, 27 Apr
        assertThat(d.extensionDue()).isEqualTo("2026-05-27");       // 35: also skips 1 May and Ascension (14 May)
    }

    @Test
    void aSwedishComplaintOnMidsummerEveCountsFromTheMondayAfter() {
        var d = deadlines("SE", "pay-later", "2026-06-19T10:00:00Z"); // Midsummer Eve, then Midsummer Day, Sunday
        assertThat(d.countedFrom()).isEqualTo("2026-06-22");
        assertThat(d.acknowledgementDue()).isEqualTo("2026-06-23");
        assertThat(d.finalReplyDue()).isEqualTo("2026-07-13");
    }

    @Test
    void aGermanComplaintOnChristmasEveSkipsTheHolidaysAndTheNewYear() {
        var d = deadlines("DE", "pay-in-3", "2026-12-24T10:00:00Z"); // 24 Dec is a working day in Germany
        assertThat(d.countedFrom()).isEqualTo("2026-12-24");
        assertThat(d.acknowledgementDue()).isEqualTo("2026-12-28"); // 25 Dec holiday, 26 Dec Saturday
        assertThat(d.finalReplyDue()).isEqualTo("2027-01-18");     // 28-31 Dec, 4-8 Jan (1 Jan holiday), 11-15, 18 Jan
    }

    @Test
    void aBritishComplaintGetsEightCalendarWeeksWhileItsAcknowledgementSkipsTheLateMayBankHoliday() {
        var d = deadlines("GB", "pay-later", "2026-05-22T10:00:00Z"); // Friday; Monday 25 May is the spring bank holiday
        assertThat(d.rule()).isEqualTo("DISP 1.6.2");
        assertThat(d.acknowledgementDue()).isEqualTo("2026-05-26");
        assertThat(d.finalReplyDue()).isEqualTo("2026-07-17"); // 56 days, bank holidays or not
        assertThat(d.extensionDue()).isNull();
    }

    @Test
    void aBritishPaymentServiceComplaintGetsFifteenBusinessDaysUnderDisp162A() {
        var d = deadlines("GB", "pay-now", "2026-05-22T10:00:00Z");
        assertThat(d.rule()).isEqualTo("DISP 1.6.2A");
        assertThat(d.finalReplyDue()).isEqualTo("2026-06-15");
        assertThat(d.extensionDue()).isNotNull();
    }

    @Test
    void aUsComplaintIsDueInFifteenCalendarDaysAndAtMostSixtyAfterAnInProgressResponse() {
        var d = deadlines("US", "card", "2026-03-02T15:00:00Z");
        assertThat(d.rule()).isEqualTo("CFPB");
        assertThat(d.acknowledgementDue()).isEqualTo("2026-03-03");
        assertThat(d.finalReplyDue()).isEqualTo("2026-03-17");
        assertThat(d.extensionDue()).isEqualTo("2026-05-01");
    }

    @Test
    void aComplaintReceivedOnASaturdayCountsFromMonday() {
        var d = deadlines("SE", "pay-later", "2026-03-07T11:00:00Z");
        assertThat(d.countedFrom()).isEqualTo("2026-03-09");
        assertThat(d.acknowledgementDue()).isEqualTo("2026-03-10");
        assertThat(d.finalReplyDue()).isEqualTo("2026-03-30");
    }

    @Test
    void aComplaintReceivedAfterTheCutOffInTheMarketsTimeCountsFromTheNextBusinessDay() {
        assertThat(deadlines("SE", "pay-later", "2026-03-10T15:59:00Z").countedFrom()).isEqualTo("2026-03-10"); // 16:59
        assertThat(deadlines("SE", "pay-later", "2026-03-10T16:00:00Z").countedFrom()).isEqualTo("2026-03-11"); // 17:00
    }

    @Test
    void everyMarketOfTheBriefHasItsHolidays() {
        String[][] holidays = {{"SE", "2026-06-06"}, {"NO", "2026-05-17"}, {"DK", "2026-04-02"}, {"FI", "2026-12-06"},
                {"DE", "2026-10-03"}, {"AT", "2026-10-26"}, {"NL", "2026-04-27"}, {"GB", "2026-04-06"}, {"US", "2026-07-03"},
                {"FR", "2026-07-14"}, {"ES", "2026-10-12"}};
        for (String[] e : holidays) {
            assertThat(book.calendar(e[0]).isBusinessDay(LocalDate.parse(e[1]))).as(e[0] + " " + e[1]).isFalse();
        }
        // an observance is a working day: Good Friday in the Netherlands
        assertThat(book.calendar("NL").isBusinessDay(LocalDate.parse("2026-04-03"))).isTrue();
    }

    @Test
    void settingsOverrideTheRulesOfAMarketAndTheirMistakesAreNamed() {
        var custom = new RuleBook(new DeadlinesProperties(null, null, null, null, Map.of("GB/pay-later",
                new DeadlinesProperties.RuleSettings(null, null, "15bd", "35bd", null, null))));
        assertThat(custom.rules("GB", "pay-later").finalReply()).isEqualTo(new TimeLimit.BusinessDays(15));
        assertThatThrownBy(() -> new RuleBook(new DeadlinesProperties(null, null, null, null, Map.of("SE",
                new DeadlinesProperties.RuleSettings(null, null, "fifteen", null, null, null)))))
                .hasMessageContaining("zeromission.deadlines.rules[SE]").hasMessageContaining("'fifteen'");
    }

    // --- replies (the rules, without storage)

    ComplaintCase opened(String market, String product, String receivedAt) {
        var d = deadlines(market, product, receivedAt);
        return new ComplaintCase(new SignalId(UUID.randomUUID()), market, product, Channel.COMPLAINT,
                Instant.parse(receivedAt), d.countedFrom(), d.rule(), d.acknowledgementDue(), d.finalReplyDue(),
                d.extensionDue(), null, null, null, CaseStatus.OPEN);
    }

    @Test
    void aHoldingReplyOnDayFifteenExtendsTheFinalReplyToThirtyFiveBusinessDays() {
        var c = opened("SE", "pay-later", "2026-04-02T10:00:00Z");
        BusinessCalendar se = book.calendar("SE");
        var held = ComplaintCases.apply(c, new Reply(c.signalId(), ReplyKind.HOLDING_REPLY,
                Instant.parse("2026-04-27T15:00:00Z")), se, Instant.parse("2026-04-28T00:00:00Z"));
        assertThat(held.status()).isEqualTo(CaseStatus.EXTENDED);
        assertThat(held.dueForFinalReply()).isEqualTo("2026-05-27");
        assertThat(held.acknowledgedAt()).as("a holding reply also acknowledges").isEqualTo("2026-04-27T15:00:00Z");
    }

    @Test
    void aHoldingReplyAfterDayFifteenIsRefusedNamingTheDeadline() {
        var c = opened("SE", "pay-later", "2026-04-02T10:00:00Z");
        assertThatThrownBy(() -> ComplaintCases.apply(c, new Reply(c.signalId(), ReplyKind.HOLDING_REPLY,
                Instant.parse("2026-04-28T08:00:00Z")), book.calendar("SE"), Instant.parse("2026-04-29T00:00:00Z")))
                .isInstanceOf(ReplyRefusedException.class).hasMessageContaining("by 2026-04-27")
                .hasMessageContaining("2026-04-28 is too late");
    }

    @Test
    void aHoldingReplyIsRefusedWhereTheRulesAllowNone() {
        var c = opened("GB", "pay-later", "2026-05-22T10:00:00Z");
        assertThatThrownBy(() -> ComplaintCases.apply(c, new Reply(c.signalId(), ReplyKind.HOLDING_REPLY,
                Instant.parse("2026-05-26T08:00:00Z")), book.calendar("GB"), Instant.parse("2026-05-27T00:00:00Z")))
                .isInstanceOf(ReplyRefusedException.class).hasMessageContaining("DISP 1.6.2")
                .hasMessageContaining("allow no holding reply");
    }

    @Test
    void aFinalReplyClosesTheCaseAndNothingMayFollowIt() {
        var c = opened("SE", "pay-later", "2026-04-02T10:00:00Z");
        var closed = ComplaintCases.apply(c, new Reply(c.signalId(), ReplyKind.FINAL_REPLY,
                Instant.parse("2026-04-10T09:00:00Z")), book.calendar("SE"), Instant.parse("2026-04-11T00:00:00Z"));
        assertThat(closed.status()).isEqualTo(CaseStatus.CLOSED);
        assertThatThrownBy(() -> ComplaintCases.apply(closed, new Reply(c.signalId(), ReplyKind.ACKNOWLEDGEMENT,
                Instant.parse("2026-04-10T10:00:00Z")), book.calendar("SE"), Instant.parse("2026-04-11T00:00:00Z")))
                .isInstanceOf(ReplyRefusedException.class).hasMessageContaining("is closed");
    }

    @Test
    void aReplyCannotBeDatedBeforeTheComplaintOrInTheFuture() {
        var c = opened("SE", "pay-later", "2026-04-02T10:00:00Z");
        assertThatThrownBy(() -> ComplaintCases.apply(c, new Reply(c.signalId(), ReplyKind.ACKNOWLEDGEMENT,
                Instant.parse("2026-04-01T10:00:00Z")), book.calendar("SE"), Instant.parse("2026-04-03T00:00:00Z")))
                .hasMessageContaining("before the complaint was received");
        assertThatThrownBy(() -> ComplaintCases.apply(c, new Reply(c.signalId(), ReplyKind.ACKNOWLEDGEMENT,
                Instant.parse("2026-04-05T10:00:00Z")), book.calendar("SE"), Instant.parse("2026-04-03T00:00:00Z")))
                .hasMessageContaining("in the future");
    }
}
