package com.zeromission.demo.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.StringReader;
import java.time.LocalDate;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import com.zeromission.demo.DemoProblem;
import com.zeromission.intake.Channel;

/** Guards the phrasebooks against edits that would break generation in a rare corner. */
class PhrasebookTest {

    @Test
    void everyLanguageCanVoiceEveryProblem() {
        for (String lang : Phrasebook.LANGUAGES) {
            Phrasebook book = Phrasebook.of(lang);
            for (DemoProblem p : DemoProblem.values()) {
                for (String part : List.of("short", "core", "note")) {
                    assertThat(book.has(p.key() + "." + part)).as("%s: @%s.%s", lang, p.key(), part).isTrue();
                }
            }
            for (String section : List.of("open.polite", "open.angry", "open.neutral", "close.polite", "close.angry",
                    "close.neutral", "frame.support", "frame.call", "frame.interview", "frame.regulator", "pii.email",
                    "pii.phone", "slot.item", "slot.newname")) {
                assertThat(book.has(section)).as("%s: @%s", lang, section).isTrue();
            }
        }
    }

    @Test
    void everyLineRendersWithKnownSlots() {
        var r = new SplittableRandom(1);
        for (String lang : Phrasebook.LANGUAGES) {
            Phrasebook book = Phrasebook.of(lang);
            for (String market : List.of("SE", "AT", "US")) {
                var request = new TextComposer.Request(DemoProblem.REFUND_FRICTION, Channel.COMPLAINT, lang,
                        Catalog.market(market), "financing", LocalDate.of(2025, 1, 15), "ORD-ABCD-EFGH", false);
                book.sections().forEach((name, lines) -> lines.forEach(line -> {
                    var slots = new TextComposer.Slots(request, book, r);
                    slots.body = "BODY";
                    slots.pii = "PII";
                    String text = TextComposer.render(line.template(), slots, r);
                    assertThat(text).as("%s @%s: %s", lang, name, line.template()).doesNotContain("{", "}", "[", "]");
                }));
            }
        }
    }

    @Test
    void framesWrapTheBody() {
        for (String lang : Phrasebook.LANGUAGES) {
            Phrasebook.of(lang).sections().forEach((name, lines) -> {
                if (name.startsWith("frame.")) {
                    assertThat(lines).as("%s @%s", lang, name).allMatch(l -> l.template().contains("{body}"));
                }
                if (name.startsWith("pii.")) {
                    assertThat(lines).as("%s @%s", lang, name).allMatch(l -> l.template().contains("{pii}"));
                }
            });
        }
    }

    @Test
    void milestoneConditionsLimitALineToItsTime() throws Exception {
        Phrasebook book = Phrasebook.parse("xx", new BufferedReader(new StringReader(
                "@s\n(after returns-portal) new\n(before returns-portal) old\n(during chat-outage) down\n")));
        var r = new SplittableRandom(3);
        for (int i = 0; i < 20; i++) {
            assertThat(book.pick("s", LocalDate.of(2025, 8, 31), r)).isEqualTo("old");
            assertThat(book.pick("s", LocalDate.of(2025, 9, 1), r)).isEqualTo("new");
            assertThat(book.pick("s", LocalDate.of(2026, 10, 10), r)).isIn("new", "down");
        }
    }

    @Test
    void aMisspeltMilestoneIsAnError() {
        assertThatThrownBy(() -> Phrasebook.parse("xx", new BufferedReader(new StringReader("@s\n(after renamed) x\n"))))
                .hasMessageContaining("renamed");
    }
}
