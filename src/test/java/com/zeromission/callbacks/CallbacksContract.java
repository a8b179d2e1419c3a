package com.zeromission.callbacks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.JdbcTemplate;

import tools.jackson.databind.json.JsonMapper;
import com.zeromission.alarms.TestClock;
import com.zeromission.insights.Evidence;
import com.zeromission.insights.InsightContent;
import com.zeromission.insights.Insights;
import com.zeromission.insights.QualityGate;
import com.zeromission.intake.IntakeOutcome;
import com.zeromission.intake.IntakeService;
import com.zeromission.intake.RawSignal;
import com.zeromission.intake.SignalSubmission;
import com.zeromission.privacy.Pseudonymizer;
import com.zeromission.problems.Problems;

/**
 * What the call-backs promise, on every supported database (see the subclasses), with a clock moved by hand. Every
 * test works in its own week with its own problems (texts of words no other test uses), so one test's complaints
 * never land on another's list.
 */
// Grouping by words only: the tests' texts are invented words so that each text is a problem of its own by its words;
// the English sentence model reads any "complaint" followed by invented words as much the same sentence.
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE, properties = {"zeromission.alarms.scheduling=false",
        "zeromission.text.embeddings.enabled=false"})
@Import(CallbacksContract.ClockConfiguration.class)
abstract class CallbacksContract {

    static final TestClock CLOCK = new TestClock(Instant.parse("2026-12-01T12:00:00Z"));

    @TestConfiguration
    static class ClockConfiguration {
        @Bean
        @Primary
        Clock callbacksClock() {
            return CLOCK;
        }
    }

    @Autowired
    Callbacks callbacks;
    @Autowired
    Problems problems;
    @Autowired
    Insights insights;
    @Autowired
    IntakeService intake;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    Pseudonymizer pseudonyms;
    @Autowired
    JsonMapper json;

    private static int words, signals;

    /** A word nobody else uses: consonant-vowel syllables counted up. */
    static String word() {
        String c = "bdfgklmnprstvz", v = "aeiou";
        int n = ++words + 3000;
        var s = new StringBuilder();
        while (n > 0) {
            s.append(c.charAt(n % c.length())).append(v.charAt((n / c.length()) % v.length()));
            n /= c.length() * v.length();
        }
        return s.append("q").toString();
    }

    static String text() {
        return "complaint " + word() + " " + word() + " " + word() + " " + word();
    }

    /** One signal per customer id given (null: anonymous), on the Tuesday of {@code monday}'s week; its problem id. */
    long signals(String monday, String channel, String text, String... customers) {
        var list = new ArrayList<SignalSubmission>();
        for (String customer : customers) {
            list.add(SignalSubmission.parse(new RawSignal("zendesk", "cb-" + (++signals), channel, "SE", "pay-later",
                    "invoice", LocalDate.parse(monday).plusDays(1) + "T10:00:00Z", "en", text, null, null, customer), CLOCK));
        }
        var created = intake.acceptAll(list);
        problems.assignPending();
        var id = ((IntakeOutcome.Created) created.getFirst()).signal().id().toString();
        return problems.problemOf(id).orElseThrow().id();
    }

    long complaints(String monday, String text, String... customers) {
        return signals(monday, "complaint", text, customers);
    }

    @Test
    void spreadsAFullListOverTheTopProblemsInsteadOfFillingItFromTheFirst() {
        String week = "2026-09-07"; // a week of its own: the list is per week
        String first = text(), second = text();
        var many = new String[40];
        for (int i = 0; i < many.length; i++) {
            many[i] = "cust-s-" + i;
        }
        long top = complaints(week, first, many);
        long runnerUp = complaints(week, second, "cust-t-1", "cust-t-2", "cust-t-3");

        var list = callbacks.build(LocalDate.parse(week), "analyst");

        assertThat(list.entries()).hasSize(callbacks.limit());
        assertThat(list.entries()).filteredOn(e -> e.problemId() == runnerUp).hasSize(3);
        assertThat(list.entries()).filteredOn(e -> e.problemId() == top).hasSize(callbacks.limit() - 3);
    }

    @Test
    void listsEachCustomerOncePerWeekFromTheTopProblems() {
        String week = "2026-11-02";
        String first = text(), second = text();
        long top = complaints(week, first, "cust-a-1", "cust-a-2", "cust-a-1", "cust-a-3");
        signals(week, "feedback-form", first, "cust-a-4"); // feedback, not a complaint: nobody to call back about it
        long runnerUp = complaints(week, second, "cust-a-2", "cust-a-5");
        complaints("2026-10-26", first, "cust-a-6"); // the week before: not on this week's list

        var list = callbacks.build(LocalDate.parse(week), "analyst");

        assertThat(list.built()).isTrue();
        assertThat(list.weekLabel()).isEqualTo("2026-W45");
        assertThat(list.entries()).extracting(CallEntry::problemId).containsExactly(top, top, top, runnerUp);
        assertThat(list.entries()).extracting(CallEntry::rank).containsExactly(1, 1, 1, 2);
        assertThat(list.entries()).extracting(CallEntry::customerKey).doesNotHaveDuplicates().doesNotContainNull();
        assertThat(list.entries()).allSatisfy(e -> {
            assertThat(e.contactRoute()).matches("zendesk #cb-\\d+");
            assertThat(e.market()).isEqualTo("SE");
            assertThat(e.called()).isFalse();
        });
        // cust-a-2 complained about both problems: called once, about the higher-ranked one
        var again = callbacks.build(LocalDate.parse(week), "admin");
        assertThat(again.built()).isFalse();
        assertThat(again.builtBy()).isEqualTo("analyst");
        assertThat(again.entries()).isEqualTo(list.entries());
        assertThat(callbacks.list(LocalDate.parse(week)).entries()).isEqualTo(list.entries());
        assertThat(callbacks.list(LocalDate.parse("2026-10-19")).exists()).isFalse();
        assertThatThrownBy(() -> callbacks.build(LocalDate.parse("2026-12-14"), "analyst"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("2026-12-14").hasMessageContaining("not started");
        assertThatThrownBy(() -> callbacks.build(LocalDate.parse("2026-11-03"), "analyst"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("2026-11-03");
    }

    @Test
    void neverStoresOrShowsRawContactDetails() {
        String week = "2026-11-09";
        String phone = "+46701234567", email = "anna.svensson@example.com";
        complaints(week, text(), phone, email);

        var list = callbacks.build(LocalDate.parse(week), "analyst");

        assertThat(list.entries()).hasSize(2);
        String shown = json.writeValueAsString(list);
        assertThat(shown).doesNotContain(phone).doesNotContain("701234567").doesNotContain(email).contains("ck_");
        String stored = jdbc.queryForList("SELECT * FROM callback_entry WHERE week = ?", LocalDate.parse(week)).toString();
        assertThat(stored).doesNotContain(phone).doesNotContain("701234567").doesNotContain(email);
    }

    @Test
    void skipsErasedSignalsAndSignalsWithoutPseudonym() {
        String week = "2026-11-16";
        String t = text();
        complaints(week, t, null, null, "cust-e-kept", "cust-e-before", "cust-e-after");
        intake.erase("cust-e-before", null, "admin");

        var list = callbacks.build(LocalDate.parse(week), "analyst");

        assertThat(list.entries()).hasSize(2);
        var after = list.entries().stream().filter(e -> e.customerKey().equals(pseudonyms.customerKey("cust-e-after").value()))
                .findFirst().orElseThrow();
        intake.erase("cust-e-after", null, "admin");
        var now = callbacks.list(LocalDate.parse(week)).entries();
        assertThat(now).hasSize(1).extracting(CallEntry::id).doesNotContain(after.id());
        assertThat(now.getFirst().customerKey()).isNotNull();
        assertThatThrownBy(() -> callbacks.get(after.id())).isInstanceOf(CallEntryNotFoundException.class);
        assertThat(jdbc.queryForObject("SELECT customer_key FROM callback_entry WHERE id = ?", String.class, after.id())).isNull();
    }

    @Test
    void recordsAnOutcomeWithMaskedNotes() {
        String week = "2026-11-23";
        complaints(week, text(), "cust-o-1");
        var entry = callbacks.build(LocalDate.parse(week), "analyst").entries().getFirst();

        var missed = callbacks.record(entry.id(), CallOutcome.parse("no-answer"), null, "nils");
        var reached = callbacks.record(entry.id(), CallOutcome.REACHED,
                "Reached her; she asks to be called on +46 70 123 45 67 or anna@example.com about the second reminder fee",
                "ida");

        assertThat(missed.outcome()).isEqualTo(CallOutcome.NO_ANSWER);
        assertThat(missed.attempts()).isEqualTo(1);
        assertThat(reached.outcome()).isEqualTo(CallOutcome.REACHED);
        assertThat(reached.agent()).isEqualTo("ida");
        assertThat(reached.attempts()).isEqualTo(2);
        assertThat(reached.calledAt()).isEqualTo(CLOCK.instant());
        assertThat(reached.notes()).contains("second reminder fee", "[PHONE]", "[EMAIL]")
                .doesNotContain("123 45 67").doesNotContain("anna@example.com");
        assertThat(jdbc.queryForObject("SELECT notes FROM callback_entry WHERE id = ?", String.class, entry.id()))
                .isEqualTo(reached.notes());
        assertThatThrownBy(() -> CallOutcome.parse("busy")).hasMessageContaining("'busy'").hasMessageContaining("REACHED");
        assertThatThrownBy(() -> callbacks.record(987_654_321L, CallOutcome.REACHED, "x", "ida"))
                .isInstanceOf(CallEntryNotFoundException.class).hasMessageContaining("987654321");
    }

    @Test
    void aReachedCallsNoteBecomesEvidenceOnAnInsight() {
        String week = "2026-11-30";
        CLOCK.set(Instant.parse("2026-12-08T09:00:00Z"));
        long problem = complaints(week, text(), "cust-n-1", "cust-n-2");
        var entries = callbacks.build(LocalDate.parse(week), "analyst").entries();
        var reached = callbacks.record(entries.get(0).id(), CallOutcome.REACHED,
                "She paid on time but the reminder came anyway; she will switch to card", "ida");
        var declined = callbacks.record(entries.get(1).id(), CallOutcome.DECLINED, "did not want to talk", "ida");
        var insight = insights.create(new InsightContent("Reminders after payment", List.of(problem), List.of(), List.of(),
                null, null, null, null, null, null, List.of(), List.of(), null, null), "analyst");
        assertThat(evidenceCheck(insight.gate()).passed()).isFalse();

        var attached = callbacks.attachToInsight(reached.id(), insight.id().value(), "analyst");

        var notes = attached.content().evidence().stream().filter(Evidence.CallNote.class::isInstance)
                .map(Evidence.CallNote.class::cast).toList();
        assertThat(notes).singleElement().satisfies(n -> {
            assertThat(n.callId()).isEqualTo(reached.id());
            assertThat(n.agent()).isEqualTo("ida");
            assertThat(n.note()).isEqualTo(reached.notes());
        });
        assertThat(evidenceCheck(attached.gate()).passed()).isTrue();
        assertThat(insights.get(insight.id()).content().evidence()).hasSize(1); // persisted, and read back as a call note
        assertThat(callbacks.get(reached.id()).insightId()).isEqualTo(insight.id().value());
        // once per call: again changes nothing; the call's record is now fixed
        assertThat(callbacks.attachToInsight(reached.id(), insight.id().value(), "analyst").content().evidence()).hasSize(1);
        assertThatThrownBy(() -> callbacks.record(reached.id(), CallOutcome.NO_ANSWER, null, "ida"))
                .isInstanceOf(CallNoteRefusedException.class).hasMessageContaining("insight " + insight.id());
        assertThatThrownBy(() -> callbacks.attachToInsight(declined.id(), insight.id().value(), "analyst"))
                .isInstanceOf(CallNoteRefusedException.class).hasMessageContaining("DECLINED");
    }

    static QualityGate.Check evidenceCheck(QualityGate.Result gate) {
        return gate.checks().stream().filter(c -> c.element() == QualityGate.Element.EVIDENCE).findFirst().orElseThrow();
    }
}
