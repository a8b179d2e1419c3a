package com.zeromission.problems;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import com.zeromission.intake.Channel;
import com.zeromission.intake.JourneyStage;
import com.zeromission.problems.SignalQuery.InvalidSignalQueryException;
import com.zeromission.problems.SignalQuery.Violation;

/** Reading a search from request parameters, and what its words are searched as. */
class SignalQueryTest {

    static SignalQuery words(String q) {
        return new SignalQuery(q, null, null, null, null, null, null, null, 1, 50);
    }

    @Test
    void wordsAreLowerCaseSplitAtPunctuationAndEachSearchedByTheStemThatRemovesLeast() {
        assertThat(words("Fakturor, REMINDER-fees!").words()).containsExactly("fakturor", "reminder", "fees");
        assertThat(words("fakturor invoices delivered Rechnungen leveranser påminnelse").prefixes())
                .containsExactly("faktur", "invoic", "deliver", "rechnung", "leverans", "påminnels");
        assertThat(words("app fee kom").prefixes()).as("short words stay as typed").containsExactly("app", "fee", "kom");
        assertThat(SignalQuery.prefix("mahngebühr")).as("a stem that changes letters (German: mahngebuhr) is not used")
                .isEqualTo("mahngebühr");
        assertThat(words("   ").words()).isEmpty();
    }

    @Test
    void parsesEveryFilterAndDefaultsToTheFirstPageOfFifty() {
        SignalQuery q = SignalQuery.parse(" faktura ", "se", "Pay Later", "Feedback Form", "delivery", "2026-01-01",
                "2026-01-31", "12", "3", "20");
        assertThat(q.text()).isEqualTo("faktura");
        assertThat(q.market().code()).isEqualTo("SE");
        assertThat(q.product()).isEqualTo("pay-later");
        assertThat(q.channel()).isEqualTo(Channel.FEEDBACK_FORM);
        assertThat(q.journeyStage()).isEqualTo(JourneyStage.DELIVERY);
        assertThat(q.from()).isEqualTo(LocalDate.of(2026, 1, 1));
        assertThat(q.to()).isEqualTo(LocalDate.of(2026, 1, 31));
        assertThat(q.problemId()).isEqualTo(12L);
        assertThat(q.page()).isEqualTo(3);
        assertThat(q.size()).isEqualTo(20);
        SignalQuery none = SignalQuery.parse(null, "", " ", null, "", null, "", null, null, null);
        assertThat(none).isEqualTo(new SignalQuery(null, null, null, null, null, null, null, null, 1, SignalQuery.DEFAULT_SIZE));
    }

    @Test
    void reportsEveryUnreadableParameterByNameWithItsValueMaskedAndInPlainWords() {
        assertThatThrownBy(() -> SignalQuery.parse("x", "070-123 45 67", "!!!", "fax", "moon", "2026-02-30", "soon",
                "-4", "0", "201")).isInstanceOfSatisfying(InvalidSignalQueryException.class, e -> {
                    assertThat(e.violations()).extracting(Violation::parameter).containsExactly("market", "product",
                            "channel", "journeyStage", "from", "to", "problem", "page", "size");
                    assertThat(e.getMessage()).doesNotContain("070-123").contains("[PHONE]");
                    assertThat(e.violations().get(4).sentence()).isEqualTo("From date '2026-02-30' is not a date like 2026-01-31.");
                    assertThat(e.violations().get(3).sentence()).startsWith("Journey stage 'moon' is not a journey stage: use one of");
                    assertThat(e.violations().get(8).sentence()).isEqualTo("Page size '201' is not a whole number from 1 to 200.");
                });
        assertThatThrownBy(() -> SignalQuery.parse(null, null, null, null, null, "2026-03-10", "2026-03-01", null, null, null))
                .isInstanceOfSatisfying(InvalidSignalQueryException.class, e -> assertThat(e.violations())
                        .singleElement().extracting(Violation::sentence).isEqualTo("To date '2026-03-01' is before the from date 2026-03-10."));
        assertThatThrownBy(() -> SignalQuery.parse("a".repeat(201), null, null, null, null, null, null, null, null, null))
                .isInstanceOfSatisfying(InvalidSignalQueryException.class, e -> assertThat(e.violations())
                        .extracting(Violation::parameter).containsExactly("q"));
    }
}
