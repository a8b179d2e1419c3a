package com.zeromission.problems;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import com.zeromission.intake.Channel;
import com.zeromission.intake.IntakeOutcome;
import com.zeromission.intake.IntakeService;
import com.zeromission.intake.JourneyStage;
import com.zeromission.intake.RawSignal;
import com.zeromission.intake.SignalSubmission;
import com.zeromission.markets.Market;
import com.zeromission.problems.ProblemViews.SignalHit;
import com.zeromission.problems.ProblemViews.SignalPage;
import com.zeromission.problems.internal.SignalSearchRepository;

/**
 * Searching the masked signal texts, on every supported database (see the subclasses): query words match where they
 * begin a word, in any case and any language; every filter narrows; pages come newest first with the total; each
 * signal names its problem; erased signals are never found; and a merge preview changes nothing and predicts the
 * merge's counts. Each test writes its signals under a product of its own and searches only that product (or its
 * own problems), so the tests do not see each other's signals.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE,
        properties = {"zeromission.problems.scheduling=false", "zeromission.alarms.scheduling=false"})
@org.springframework.context.annotation.Import(SignalSearchContract.FixedClock.class)
abstract class SignalSearchContract {

    static final Instant NOW = Instant.parse("2026-03-18T12:00:00Z");

    @TestConfiguration
    static class FixedClock {
        @Bean
        @Primary
        Clock testClock() {
            return Clock.fixed(NOW, ZoneOffset.UTC);
        }
    }

    @Autowired
    IntakeService intake;
    @Autowired
    Problems problems;
    @Autowired
    SignalSearch search;
    @Autowired
    Clock clock;
    @Autowired
    SignalSearchRepository repository;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    PlatformTransactionManager transactions;

    private static int counter;
    private final String product = "search" + (++counter) + "-" + Long.toString(System.nanoTime() % 1_000_000_000L, 36);
    private int ids;

    record S(String text, String language, String market, String channel, String stage, String day) {
        static S of(String text, String language) {
            return new S(text, language, "SE", "complaint", "invoice", "2026-03-02");
        }
    }

    List<String> store(List<S> signals) {
        var list = new ArrayList<SignalSubmission>();
        for (S s : signals) {
            list.add(SignalSubmission.parse(new RawSignal("search-test", product + "-" + (++ids), s.channel(), s.market(),
                    product, s.stage(), s.day() + "T10:" + String.format("%02d", ids % 60) + ":00Z", s.language(), s.text(),
                    null, null, "cust-" + product + "-" + ids), clock));
        }
        return intake.acceptAll(list).stream().map(o -> ((IntakeOutcome.Created) o).signal().id().toString()).toList();
    }

    SignalPage find(String q) {
        return search.search(new SignalQuery(q, null, product, null, null, null, null, null, 1, 50));
    }

    static List<String> texts(SignalPage page) {
        return page.signals().stream().map(SignalHit::text).toList();
    }

    @Test
    void aQueryWordFindsEveryWordThatBeginsWithItInAnyCaseAndLanguage() {
        store(List.of(S.of("Fakturan kom aldrig och nu en påminnelseavgift", "sv"),
                S.of("Ingen FAKTURA kom (faktura-nummer saknas)", "sv"),
                S.of("Den ofakturerade ordern syns inte", "sv"),
                S.of("The invoices never arrived", "en"),
                S.of("Die Rechnung kam nie an, Mahngebühr verlangt", "de"),
                S.of("Påminnelse om betalning", "sv"),
                S.of("Factuur nooit ontvangen", "nl"),
                S.of("Laskua ei koskaan tullut", "fi")));

        assertThat(texts(find("faktura"))).containsExactlyInAnyOrder("Fakturan kom aldrig och nu en påminnelseavgift",
                "Ingen FAKTURA kom (faktura-nummer saknas)");
        assertThat(texts(find("FAKTUR"))).as("a word inside another word is no match").hasSize(2)
                .doesNotContain("Den ofakturerade ordern syns inte");
        assertThat(texts(find("invoice"))).containsExactly("The invoices never arrived");
        assertThat(texts(find("mahngebühr"))).containsExactly("Die Rechnung kam nie an, Mahngebühr verlangt");
        assertThat(texts(find("PÅMINNELSE OM"))).containsExactly("Påminnelse om betalning");
        assertThat(texts(find("påminnelse"))).as("a compound that begins with the word is found too")
                .containsExactlyInAnyOrder("Påminnelse om betalning", "Fakturan kom aldrig och nu en påminnelseavgift");
        assertThat(texts(find("factuur"))).containsExactly("Factuur nooit ontvangen");
        assertThat(texts(find("laskua"))).containsExactly("Laskua ei koskaan tullut");
        assertThat(texts(find("rechnungen"))).as("an inflected query word is searched by its stem")
                .containsExactly("Die Rechnung kam nie an, Mahngebühr verlangt");
        assertThat(texts(find("fakturor"))).containsExactlyInAnyOrder("Fakturan kom aldrig och nu en påminnelseavgift",
                "Ingen FAKTURA kom (faktura-nummer saknas)");
        assertThat(find("rechnungsnummer").total()).as("a longer word than the text's is no match").isZero();
    }

    @Test
    void everyQueryWordMustMatchAndNoQueryFindsEverything() {
        store(List.of(S.of("The invoice never arrived", "en"), S.of("The invoice was wrong", "en"),
                S.of("The parcel never arrived", "en")));
        assertThat(texts(find("invoice never"))).containsExactly("The invoice never arrived");
        assertThat(texts(find("never, INVOICE!"))).containsExactly("The invoice never arrived");
        assertThat(find(null).total()).isEqualTo(3);
        assertThat(find("   ").total()).isEqualTo(3);
    }

    @Test
    void eachFilterNarrowsTheSearch() {
        store(List.of(new S("refund late one", "en", "SE", "complaint", "refund", "2026-03-02"),
                new S("refund late two", "en", "GB", "complaint", "refund", "2026-03-03"),
                new S("refund late three", "en", "SE", "feedback-form", "refund", "2026-03-04"),
                new S("refund late four", "en", "SE", "complaint", "return", "2026-03-05"),
                new S("refund late five", "en", "SE", "complaint", "refund", "2026-02-20")));
        assertThat(find("refund").total()).isEqualTo(5);
        assertThat(texts(search.search(new SignalQuery("refund", new Market("GB"), product, null, null,
                null, null, null, 1, 50)))).containsExactly("refund late two");
        assertThat(texts(search.search(new SignalQuery("refund", null, product,
                Channel.FEEDBACK_FORM, null, null, null, null, 1, 50)))).containsExactly("refund late three");
        assertThat(texts(search.search(new SignalQuery("refund", null, product, null,
                JourneyStage.RETURN, null, null, null, 1, 50)))).containsExactly("refund late four");
        assertThat(texts(search.search(new SignalQuery("refund", null, product, null, null, LocalDate.of(2026, 3, 3),
                LocalDate.of(2026, 3, 4), null, 1, 50)))).as("both days included")
                .containsExactly("refund late three", "refund late two");
        assertThat(texts(search.search(new SignalQuery("refund", null, product, null, null, null, LocalDate.of(2026, 2, 28),
                null, 1, 50)))).containsExactly("refund late five");
        assertThat(search.search(new SignalQuery("refund", null, product + "-other", null, null, null, null, null, 1, 50))
                .total()).isZero();
    }

    @Test
    void theProblemFilterFindsOnlyThatProblemsSignalsAndEachSignalNamesItsProblem() {
        var invoice = store(List.of(S.of("My invoice never came and now a reminder fee", "en"),
                S.of("My invoice never came and now a reminder fee", "en")));
        var app = store(List.of(S.of("The app crashes at login every time", "en"),
                S.of("The app crashes at login every time", "en")));
        var waiting = new ArrayList<String>();
        problems.assignPending();
        long invoiceProblem = problems.problemOf(invoice.getFirst()).orElseThrow().id();
        long appProblem = problems.problemOf(app.getFirst()).orElseThrow().id();
        assertThat(invoiceProblem).isNotEqualTo(appProblem);
        waiting.addAll(store(List.of(S.of("My invoice never came, not grouped yet", "en"))));

        SignalPage all = find("never came");
        assertThat(all.total()).isEqualTo(3);
        var grouped = all.signals().stream().filter(h -> h.problemId() != null).toList();
        assertThat(grouped).hasSize(2).allSatisfy(h -> {
            assertThat(h.problemId()).isEqualTo(invoiceProblem);
            assertThat(h.problemLabel()).isEqualTo(problems.get(ProblemId.of(invoiceProblem)).label());
        });
        assertThat(all.signals().stream().filter(h -> h.signalId().equals(waiting.getFirst())).findFirst().orElseThrow()
                .problemId()).as("a signal still waiting to be grouped has no problem yet").isNull();

        SignalPage ofApp = search.search(new SignalQuery(null, null, null, null, null, null, null, appProblem, 1, 50));
        assertThat(ofApp.signals()).extracting(SignalHit::signalId).containsExactlyInAnyOrderElementsOf(app);
        assertThat(search.signalsOf(ProblemId.of(appProblem), 1, 50).signals()).extracting(SignalHit::signalId)
                .containsExactlyInAnyOrderElementsOf(app);
        assertThatThrownBy(() -> search.signalsOf(ProblemId.of(987_654_321L), 1, 50)).isInstanceOf(ProblemNotFoundException.class);
    }

    @Test
    void pagesComeNewestFirstWithTheTotalAndThePageCount() {
        var days = new ArrayList<S>();
        for (int d = 1; d <= 7; d++) {
            days.add(new S("late delivery day " + d, "en", "SE", "complaint", "delivery", "2026-03-0" + d));
        }
        store(days);
        var first = search.search(new SignalQuery("delivery", null, product, null, null, null, null, null, 1, 3));
        assertThat(first.total()).isEqualTo(7);
        assertThat(first.pages()).isEqualTo(3);
        assertThat(texts(first)).containsExactly("late delivery day 7", "late delivery day 6", "late delivery day 5");
        var third = search.search(new SignalQuery("delivery", null, product, null, null, null, null, null, 3, 3));
        assertThat(texts(third)).containsExactly("late delivery day 1");
        assertThat(third.page()).isEqualTo(3);
        var beyond = search.search(new SignalQuery("delivery", null, product, null, null, null, null, null, 4, 3));
        assertThat(beyond.signals()).isEmpty();
        assertThat(beyond.total()).isEqualTo(7);
    }

    @Test
    void onlyTheMaskedTextIsFoundAndErasedSignalsAreNever() {
        store(List.of(S.of("Write to anna.berg@example.com about my invoice dispute", "en"),
                S.of("Another invoice dispute, erase me", "en")));
        SignalPage found = find("dispute");
        assertThat(found.total()).isEqualTo(2);
        assertThat(texts(found)).noneMatch(t -> t.contains("anna.berg@example.com"));
        assertThat(find("anna").total()).as("personal data is not stored, so it cannot be found").isZero();

        intake.erase("cust-" + product + "-" + ids, null, "test");
        assertThat(texts(find("dispute"))).hasSize(1).noneMatch(t -> t.contains("erase me"));
        assertThat(find("erased").total()).isZero();
    }

    @Test
    void aMergePreviewChangesNothingAndPredictsTheMergesCounts() {
        var parcel = store(List.of(S.of("Courier left the parcel at the wrong door", "en"),
                S.of("Courier left the parcel at the wrong door", "en"),
                new S("Courier left the parcel at the wrong door", "en", "SE", "feedback-form", "delivery", "2026-03-02")));
        var discount = store(List.of(S.of("Newsletter discount code rejected at checkout", "en"),
                S.of("Newsletter discount code rejected at checkout", "en")));
        problems.assignPending();
        long into = problems.problemOf(parcel.getFirst()).orElseThrow().id();
        long from = problems.problemOf(discount.getFirst()).orElseThrow().id();
        Problem intoBefore = problems.get(ProblemId.of(into)), fromBefore = problems.get(ProblemId.of(from));

        var preview = problems.previewMerge(ProblemId.of(into), List.of(ProblemId.of(from)));
        assertThat(preview.into()).isEqualTo(intoBefore);
        assertThat(preview.moving()).singleElement().satisfies(m -> {
            assertThat(m.problem()).isEqualTo(fromBefore);
            assertThat(m.examples()).isNotEmpty().allMatch(e -> e.text().contains("discount code"));
        });
        assertThat(problems.get(ProblemId.of(into))).as("a preview changes nothing").isEqualTo(intoBefore);
        assertThat(problems.get(ProblemId.of(from))).isEqualTo(fromBefore);

        problems.merge(ProblemId.of(into), ProblemId.of(from), "analyst");
        assertThat(problems.get(ProblemId.of(into)).signals()).isEqualTo(preview.signalsAfter()).isEqualTo(5);
        assertThat(problems.get(ProblemId.of(into)).complaints()).isEqualTo(preview.complaintsAfter()).isEqualTo(4);

        assertThatThrownBy(() -> problems.previewMerge(ProblemId.of(into), List.of(ProblemId.of(into))))
                .isInstanceOf(ProblemChangeRefusedException.class).hasMessageContaining("into itself");
        assertThatThrownBy(() -> problems.previewMerge(ProblemId.of(into), List.of(ProblemId.of(from))))
                .isInstanceOf(ProblemChangeRefusedException.class).hasMessageContaining("merged into problem " + into);
        assertThatThrownBy(() -> problems.previewMerge(ProblemId.of(into), List.of(ProblemId.of(987_654_321L))))
                .isInstanceOf(ProblemNotFoundException.class);
    }

    @Test
    void theWordIndexFindsExactlyWhatReadingEveryTextFinds() {
        // texts no other test writes, so that these problems are this test's only
        var giftCard = store(List.of(S.of("Gift card invoice balance vanished after the update", "en"),
                S.of("Gift card invoice balance vanished after the update", "en")));
        var renewal = store(List.of(S.of("Subscription renewed twice, the app crashes on cancel", "en"),
                S.of("Subscription renewed twice, the app crashes on cancel", "en")));
        store(List.of(S.of("Fakturan kom aldrig, faktura-nummer saknas!", "sv"),
                S.of("FAKTURA: ingen påminnelse (PÅMINNELSEAVGIFT 60 kr)", "sv"),
                S.of("ÅTERBETALNING saknas – återbetalningen dröjer", "sv"),
                S.of("Die Rechnung/Mahnung kam nie; Rechnungsnummer fehlt", "de"),
                S.of("Émile a reçu une facture «erronée» pour l'adresse", "fr"),
                S.of("¿Dónde está mi factura? No llegó", "es"),
                S.of("invoice#12345 and order_no 998877 — refund2go app", "en"),
                S.of("The invoices never arrived... INVOICE number missing", "en"),
                S.of("Rückerstattung für Kundenservicemitarbeiterinnenschulungsprogramm nicht erhalten", "de"),
                S.of("refund\u00a0delayed, see e-mail; don't wait", "en"),
                S.of("line one\nsecond\tline of a 2fa code 123456 not received", "en"),
                new S("refund late, wrong invoice", "en", "GB", "feedback-form", "refund", "2026-03-05"),
                new S("REFUND missing for the invoice", "en", "DE", "complaint", "return", "2026-02-20")));
        problems.assignPending();
        long root = problems.problemOf(giftCard.getFirst()).orElseThrow().id();
        long variant = problems.problemOf(renewal.getFirst()).orElseThrow().id();
        assertThat(root).isNotEqualTo(variant);
        jdbc.update("UPDATE problem SET root_id = ? WHERE id = ?", root, variant);
        // stored after grouping: waiting to be taken in, so not indexed yet, and found all the same
        store(List.of(S.of("Invoice reminder still waiting to be grouped", "en"),
                S.of("påminnelse om faktura, väntar", "sv")));

        var queries = List.of("faktura", "FAKTURA-nummer", "fakturor", "påminnelse", "PÅMINNELSEAVGIFT", "återbetalning",
                "rechnung", "rechnungen", "rechnungsnummer", "facture", "erronee", "erronée", "émile", "l'adresse",
                "factura", "dónde", "invoice", "invoices never", "never invoice", "12345", "998877", "refund2go",
                "kundenservicemitarbeiterinnenschulungsprogramm", "kundenservicemitarbeiterinnenschulungsprogrammx",
                "Kundenservicemitarbeiterinnensch", "refund", "delayed", "e-mail", "don't", "second line", "a", "2fa",
                "123", "zzz", "app crashes", "gift card", "reminder", "waiting grouped", "väntar");
        var filtered = new ArrayList<SignalQuery>();
        for (String q : queries) {
            filtered.add(new SignalQuery(q, null, product, null, null, null, null, null, 1, 200));
            filtered.add(new SignalQuery(q, new Market("SE"), product, null, null, null, null, null, 1, 200));
            filtered.add(new SignalQuery(q, null, product, Channel.COMPLAINT, null,
                    LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 31), null, 1, 200));
            filtered.add(new SignalQuery(q, null, null, null, null, null, null, root, 1, 200));
            filtered.add(new SignalQuery(q, null, null, null, null, null, null, variant, 1, 200));
            filtered.add(new SignalQuery(q, null, product, null, null, null, null, null, 2, 3));
        }
        for (SignalQuery q : filtered) {
            var byIndex = search.search(q);
            var byScan = repository.scan(q);
            assertThat(byIndex.total()).as("how many %s finds", q).isEqualTo(byScan.total());
            assertThat(byIndex.signals()).extracting(SignalHit::signalId).as("what %s finds", q)
                    .containsExactlyElementsOf(byScan.hits().stream().map(SignalHit::signalId).toList());
        }
        // and what both find is what the search promises
        assertThat(texts(find("faktura"))).containsExactlyInAnyOrder("Fakturan kom aldrig, faktura-nummer saknas!",
                "FAKTURA: ingen påminnelse (PÅMINNELSEAVGIFT 60 kr)", "påminnelse om faktura, väntar");
        assertThat(texts(find("återbetalning"))).containsExactly("ÅTERBETALNING saknas – återbetalningen dröjer");
        assertThat(find("dónde").total()).as("'¿' is no separator, as in the scan").isZero();
        assertThat(find("invoice").total()).isEqualTo(7);
        assertThat(texts(find("kundenservicemitarbeiterinnenschulungsprogramm"))).as("a word longer than indexed")
                .containsExactly("Rückerstattung für Kundenservicemitarbeiterinnenschulungsprogramm nicht erhalten");
        assertThat(find("kundenservicemitarbeiterinnenschulungsprogrammx").total()).isZero();
        assertThat(find("delayed").total()).as("a no-break space joins words, as in the scan").isZero();
        assertThat(texts(find("waiting grouped"))).containsExactly("Invoice reminder still waiting to be grouped");
        assertThat(search.search(new SignalQuery("crashes", null, product, null, null, null, null, root, 1, 50)).signals())
                .as("a root cause's signals include its variants'").extracting(SignalHit::signalId)
                .containsExactlyInAnyOrderElementsOf(renewal);
    }

    @Test
    void anErasedSignalsWordsLeaveTheIndexAndASignalErasedBeforeItIsTakenInIsNeverIndexed() {
        var grouped = store(List.of(S.of("Parcel lost somewhere in transit", "en"),
                S.of("Parcel lost, erase this customer", "en")));
        problems.assignPending();
        assertThat(words(grouped.get(0))).isPositive();
        assertThat(words(grouped.get(1))).isPositive();
        intake.erase("cust-" + product + "-" + ids, null, "test");
        assertThat(words(grouped.get(1))).as("the erased signal's words are gone").isZero();
        assertThat(words(grouped.get(0))).as("the others' stay").isPositive();
        assertThat(texts(find("parcel"))).containsExactly("Parcel lost somewhere in transit");

        var early = store(List.of(S.of("Parcel lost again, erased before grouping", "en")));
        intake.erase("cust-" + product + "-" + ids, null, "test");
        problems.assignPending();
        assertThat(words(early.getFirst())).isZero();
        assertThat(find("erased").total()).isZero();
    }

    @Test
    void anErasureThatCommitsWhileItsSignalsAreBeingIndexedLeavesNoneOfTheirWords() {
        var signals = store(List.of(S.of("Voucher code refused at checkout", "en")));
        var customer = "cust-" + product + "-" + ids;
        var erasure = new TransactionTemplate(transactions);
        erasure.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        // The grouping transaction indexes the signal; before it commits, the erasure commits in a transaction of its
        // own (it cannot see the words yet, so it deletes none): the indexing's look after its commit drops them.
        new TransactionTemplate(transactions).executeWithoutResult(status -> {
            problems.assignPending();
            assertThat(words(signals.getFirst())).isPositive();
            erasure.executeWithoutResult(inner -> intake.erase(customer, null, "test"));
        });
        assertThat(words(signals.getFirst())).isZero();
        assertThat(find("voucher").total()).isZero();
    }

    /** How many rows of the word index the signal has. */
    private long words(String signalId) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM signal_word WHERE signal_id = ?", Long.class,
                UUID.fromString(signalId));
    }
}
