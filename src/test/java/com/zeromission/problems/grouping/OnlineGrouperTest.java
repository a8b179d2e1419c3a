package com.zeromission.problems.grouping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import com.zeromission.text.AnalyzedText;
import com.zeromission.text.SentenceEmbedder;
import com.zeromission.text.TextAnalyzer;

class OnlineGrouperTest {

    private static final TextAnalyzer ANALYZER = TextAnalyzer.standard();

    private record Labelled(String problem, String language, String text) {
    }

    /** Complaints about three problems, in Swedish and English, interleaved as they might arrive. */
    private static final List<Labelled> COMPLAINTS = List.of(
            new Labelled("invoice", "en", "I never received the invoice and now I was charged a reminder fee."),
            new Labelled("decline", "sv", "Mitt köp nekades i kassan och jag fick ingen anledning."),
            new Labelled("invoice", "sv", "Jag har aldrig fått någon faktura men nu kom en påminnelseavgift."),
            new Labelled("refund", "en", "I returned the jacket three weeks ago and I still have no refund."),
            new Labelled("invoice", "en", "The invoice never arrived, but the reminder fee did."),
            new Labelled("decline", "en", "My purchase was declined at checkout and nobody can tell me the reason."),
            new Labelled("refund", "sv", "Jag skickade tillbaka varan för två veckor sedan men har inte fått någon återbetalning."),
            new Labelled("invoice", "sv", "Fakturan kom aldrig, ändå fick jag en påminnelseavgift. Ta bort avgiften."),
            new Labelled("decline", "sv", "Varför nekades mitt köp? Ingen anledning gavs, jag har aldrig missat något."),
            new Labelled("refund", "en", "Where is my refund? The merchant confirmed they received the return."),
            new Labelled("invoice", "en", "Please remove the reminder fee, the invoice never came."),
            new Labelled("refund", "sv", "Returen är mottagen av butiken men återbetalningen syns inte."),
            new Labelled("decline", "en", "Declined again without any reason, what is wrong with my purchase?"),
            new Labelled("invoice", "sv", "Ingen faktura kom, bara en påminnelse med avgift."));

    private static OnlineGrouper grouper(AtomicLong ids) {
        return new OnlineGrouper(Settings.defaults(), ids::incrementAndGet);
    }

    private static AnalyzedText analyse(Labelled l) {
        return ANALYZER.analyze(l.text(), l.language());
    }

    /** The group of each text after the online pass and a consolidation pass (merges followed). */
    private static Map<Labelled, Long> group(OnlineGrouper grouper, List<Labelled> texts) {
        return group(grouper, texts, texts.stream().map(OnlineGrouperTest::analyse).toList());
    }

    /** {@link #group(OnlineGrouper, List)} with the texts analysed by the caller. */
    private static Map<Labelled, Long> group(OnlineGrouper grouper, List<Labelled> texts, List<AnalyzedText> analysed) {
        Map<Labelled, Long> groupOf = new HashMap<>();
        for (int i = 0; i < texts.size(); i++) {
            groupOf.put(texts.get(i), grouper.assign(analysed.get(i)).groupId());
        }
        Map<Long, Long> into = new HashMap<>();
        grouper.consolidate().forEach(m -> into.put(m.fromId(), m.intoId()));
        groupOf.replaceAll((l, g) -> {
            long x = g;
            while (into.containsKey(x)) {
                x = into.get(x);
            }
            return x;
        });
        return groupOf;
    }

    @Test
    void swedishAndEnglishComplaintsAboutTheSameProblemShareAGroupAndDifferentProblemsDoNot() {
        var groupOf = group(grouper(new AtomicLong()), COMPLAINTS);

        Map<String, java.util.Set<Long>> groupsPerProblem = new HashMap<>();
        COMPLAINTS.forEach(l -> groupsPerProblem.computeIfAbsent(l.problem(), k -> new java.util.HashSet<>())
                .add(groupOf.get(l)));
        var invoice = COMPLAINTS.stream().filter(l -> l.problem().equals("invoice")).toList();
        long swedishInvoiceGroup = groupOf.get(invoice.stream().filter(l -> l.language().equals("sv")).findFirst().orElseThrow());
        long englishInvoiceGroup = groupOf.get(invoice.stream().filter(l -> l.language().equals("en")).findFirst().orElseThrow());

        assertThat(swedishInvoiceGroup).isEqualTo(englishInvoiceGroup);
        assertThat(groupsPerProblem.get("invoice")).containsExactly(englishInvoiceGroup);
        assertThat(groupsPerProblem.get("refund")).doesNotContain(englishInvoiceGroup);
        assertThat(groupsPerProblem.get("decline")).doesNotContain(englishInvoiceGroup)
                .doesNotContainAnyElementsOf(groupsPerProblem.get("refund"));
    }

    /** The product's analyzer: lexical features and, for English texts, the bundled sentence embeddings. */
    private static final TextAnalyzer WITH_EMBEDDINGS = TextAnalyzer.standard()
            .withEmbedder(SentenceEmbedder.shared());

    private static List<Assignment> assignAll(OnlineGrouper grouper, List<String> texts) {
        var analysed = WITH_EMBEDDINGS.analyzeAll(texts, java.util.Collections.nCopies(texts.size(), "en"));
        return analysed.stream().map(grouper::assign).toList();
    }

    @Test
    void paraphrasesThatShareFewWordsJoinOneGroupThroughTheirEmbeddingsAndDifferentProblemsDoNot() {
        var texts = List.of("The app crashes when I log in", "My card has not arrived", "The card was never delivered",
                "Why was my purchase rejected?");

        var withMeaning = assignAll(grouper(new AtomicLong()), texts);
        assertThat(withMeaning.get(2).groupId()).isEqualTo(withMeaning.get(1).groupId());
        assertThat(java.util.Set.of(withMeaning.get(0).groupId(), withMeaning.get(1).groupId(),
                withMeaning.get(3).groupId())).hasSize(3);

        // the words alone do not tell that the two card texts are one problem
        var wordsOnly = assignAll(new OnlineGrouper(Settings.defaults().withSemantic(0, 0.70, 0.85),
                new AtomicLong()::incrementAndGet), texts);
        assertThat(wordsOnly.get(2).groupId()).isNotEqualTo(wordsOnly.get(1).groupId());
    }

    @Test
    void swedishAndEnglishComplaintsShareAGroupAlsoWhenTheEnglishOnesAreEmbedded() {
        var analysed = WITH_EMBEDDINGS.analyzeAll(COMPLAINTS.stream().map(Labelled::text).toList(),
                COMPLAINTS.stream().map(Labelled::language).toList());
        var groupOf = group(grouper(new AtomicLong()), COMPLAINTS, analysed);

        Map<String, java.util.Set<Long>> groupsPerProblem = new HashMap<>();
        COMPLAINTS.forEach(l -> groupsPerProblem.computeIfAbsent(l.problem(), k -> new java.util.HashSet<>())
                .add(groupOf.get(l)));
        long english = groupOf.get(COMPLAINTS.get(0));
        long swedish = groupOf.get(COMPLAINTS.get(2));
        assertThat(analysed.get(0).embedding()).isNotNull();
        assertThat(analysed.get(2).embedding()).isNull();
        assertThat(swedish).isEqualTo(english);
        assertThat(groupsPerProblem.get("refund")).doesNotContain(english);
        assertThat(groupsPerProblem.get("decline")).doesNotContain(english)
                .doesNotContainAnyElementsOf(groupsPerProblem.get("refund"));
    }

    @Test
    void aTextWhoseWordsAlreadyDecideIsNotWorthEmbedding() {
        var grouper = grouper(new AtomicLong());
        assignAll(grouper, List.of("The app crashes when I log in"));

        assertThat(grouper.wantsEmbedding(ANALYZER.analyze("The app crashes when I log in!", "en"))).isFalse();
        assertThat(grouper.wantsEmbedding(ANALYZER.analyze("The application shuts down as I sign in", "en"))).isTrue();
        assertThat(grouper.wantsEmbedding(ANALYZER.analyze("Where is my refund?", "en"))).isTrue();
        var off = new OnlineGrouper(Settings.defaults().withSemantic(0, 0.70, 0.85), new AtomicLong()::incrementAndGet);
        assertThat(off.wantsEmbedding(ANALYZER.analyze("Where is my refund?", "en"))).isFalse();
        var always = new OnlineGrouper(Settings.defaults().withSemanticSkipThreshold(1), new AtomicLong()::incrementAndGet);
        assignAll(always, List.of("The app crashes when I log in"));
        assertThat(always.wantsEmbedding(ANALYZER.analyze("The app crashes when I log in", "en"))).isTrue();
    }

    @Test
    void aRestoredSnapshotKeepsTheGroupsEmbeddingsAndAssignsAsTheOriginal() {
        var ids = new AtomicLong(100);
        var original = grouper(ids);
        assignAll(original, List.of("My card has not arrived", "The app crashes when I log in"));

        GrouperState state = original.snapshot();
        assertThat(state.groups()).allSatisfy(g -> assertThat(g.embedding()).hasSize(384));
        var restoredIds = new AtomicLong(ids.get());
        var restored = OnlineGrouper.restore(state, Settings.defaults(), restoredIds::incrementAndGet);
        assertThat(restored.snapshot()).isEqualTo(state);

        var next = WITH_EMBEDDINGS.analyzeAll(List.of("The card was never delivered", "Why was my purchase rejected?"),
                List.of("en", "en"));
        for (var text : next) {
            assertThat(restored.assign(text)).isEqualTo(original.assign(text));
        }
        assertThat(restored.snapshot()).isEqualTo(original.snapshot());
    }

    @Test
    void theFirstTextStartsAGroupWithAnIdFromTheSupplierAndASimilarTextJoinsIt() {
        var grouper = new OnlineGrouper(Settings.defaults(), new AtomicLong(41)::incrementAndGet);

        var first = grouper.assign(ANALYZER.analyze("My card payment was declined at the shop", "en"));
        var second = grouper.assign(ANALYZER.analyze("Card payment declined in the shop again", "en"));
        var other = grouper.assign(ANALYZER.analyze("How do I change my address?", "en"));

        assertThat(first).isEqualTo(new Assignment(42, true, 0.0));
        assertThat(second.groupId()).isEqualTo(42);
        assertThat(second.newGroup()).isFalse();
        assertThat(second.similarity()).isGreaterThanOrEqualTo(Settings.defaults().assignThreshold());
        assertThat(other.newGroup()).isTrue();
        assertThat(other.groupId()).isEqualTo(43);
        assertThat(grouper.size(42)).isEqualTo(2);
    }

    @Test
    void aRestoredSnapshotMakesTheSameAssignmentsAsTheOriginal() {
        var ids = new AtomicLong(100);
        var original = grouper(ids);
        var firstHalf = COMPLAINTS.subList(0, 7);
        var secondHalf = COMPLAINTS.subList(7, COMPLAINTS.size());
        firstHalf.forEach(l -> original.assign(analyse(l)));
        original.pin(original.groupIds().getFirst(), true);

        GrouperState state = original.snapshot();
        var restoredIds = new AtomicLong(ids.get());
        var restored = OnlineGrouper.restore(state, Settings.defaults(), restoredIds::incrementAndGet);

        assertThat(restored.snapshot()).isEqualTo(state);
        List<Assignment> fromOriginal = new ArrayList<>();
        List<Assignment> fromRestored = new ArrayList<>();
        for (Labelled l : secondHalf) {
            fromOriginal.add(original.assign(analyse(l)));
            fromRestored.add(restored.assign(analyse(l)));
        }
        assertThat(fromRestored).isEqualTo(fromOriginal);
        assertThat(restored.consolidate()).isEqualTo(original.consolidate());
        assertThat(restored.snapshot()).isEqualTo(original.snapshot());
        assertThat(restored.isPinned(original.groupIds().getFirst())).isTrue();
    }

    @Test
    void mergeCombinesSizesAndCentroidsAndRemovesTheMergedGroup() {
        var grouper = grouper(new AtomicLong());
        long a = grouper.assign(ANALYZER.analyze("The invoice never arrived", "en")).groupId();
        long b = grouper.assign(ANALYZER.analyze("How do I change my address in the app?", "en")).groupId();
        grouper.add(b, List.of(ANALYZER.analyze("Change of address in the app", "en")));

        grouper.merge(a, b);

        assertThat(grouper.groupIds()).containsExactly(a);
        assertThat(grouper.size(a)).isEqualTo(3);
        assertThat(grouper.topTerms(a, 10)).anyMatch(t -> t.contains("address")).anyMatch(t -> t.contains("invoice"));
        assertThatThrownBy(() -> grouper.size(b)).isInstanceOf(java.util.NoSuchElementException.class);
        assertThatThrownBy(() -> grouper.merge(a, a)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aPinnedGroupIsNeverMergedAutomaticallyButAnAnalystMayStillMergeIt() {
        var grouper = grouper(new AtomicLong());
        grouper.add(1, List.of(ANALYZER.analyze("The invoice never arrived and I got a reminder fee", "en")));
        grouper.add(2, List.of(ANALYZER.analyze("Invoice never arrived, now a reminder fee", "en")));
        assertThat(grouper.similarity(1, 2)).isGreaterThan(Settings.defaults().mergeThreshold());
        assertThat(grouper.mergeCandidates(Settings.defaults().mergeThreshold())).hasSize(1);

        grouper.pin(2, true);

        assertThat(grouper.mergeCandidates(Settings.defaults().mergeThreshold())).isEmpty();
        assertThat(grouper.consolidate()).isEmpty();
        assertThat(grouper.groupIds()).containsExactly(1L, 2L);

        grouper.merge(2, 1);
        assertThat(grouper.groupIds()).containsExactly(2L);
        assertThat(grouper.isPinned(2)).isTrue();
    }

    @Test
    void consolidationMergesTheSameProblemFoundTwiceIntoTheLargerGroup() {
        var grouper = grouper(new AtomicLong());
        grouper.add(1, List.of(ANALYZER.analyze("The invoice never arrived and I got a reminder fee", "en"),
                ANALYZER.analyze("Invoice never came but the reminder fee did", "en")));
        grouper.add(2, List.of(ANALYZER.analyze("Invoice never arrived, now a reminder fee", "en")));
        grouper.add(3, List.of(ANALYZER.analyze("How do I change my address in the app?", "en")));

        var merges = grouper.consolidate();

        assertThat(merges).singleElement().satisfies(m -> {
            assertThat(m.intoId()).isEqualTo(1);
            assertThat(m.fromId()).isEqualTo(2);
        });
        assertThat(grouper.groupIds()).containsExactly(1L, 3L);
        assertThat(grouper.size(1)).isEqualTo(3);
    }

    /** Two established problems (3 texts each), a small paraphrase of one of them and a small unrelated text. */
    private static OnlineGrouper established() {
        var grouper = grouper(new AtomicLong(100));
        grouper.add(1, List.of(ANALYZER.analyze("I returned the jacket and still have no refund", "en"),
                ANALYZER.analyze("Where is my refund? The return was received", "en"),
                ANALYZER.analyze("Refund missing weeks after the return", "en")));
        grouper.add(2, List.of(ANALYZER.analyze("The invoice never arrived and I got a reminder fee", "en"),
                ANALYZER.analyze("Invoice never came but the reminder fee did", "en"),
                ANALYZER.analyze("No invoice, only a reminder fee", "en")));
        grouper.add(3, List.of(ANALYZER.analyze("Still waiting for the refund of my return", "en")));
        grouper.add(4, List.of(ANALYZER.analyze("How do I change my address?", "en")));
        return grouper;
    }

    @Test
    void rehomeCandidatesProposeEachSmallGroupIntoTheMostSimilarLargeGroupAndChangeNothing() {
        var grouper = established();

        var proposals = grouper.rehomeCandidates(3, 0.10);

        assertThat(proposals).singleElement().satisfies(m -> {
            assertThat(m.intoId()).isEqualTo(1);
            assertThat(m.fromId()).isEqualTo(3);
            assertThat(m.similarity()).isEqualTo(grouper.similarity(1, 3)).isGreaterThanOrEqualTo(0.10);
        });
        assertThat(grouper.groupIds()).containsExactly(1L, 2L, 3L, 4L);
        assertThat(grouper.size(1)).isEqualTo(3);
        assertThat(grouper.size(3)).isEqualTo(1);
        // the unrelated text is not similar enough to any large group; a low enough floor lets it go too
        assertThat(grouper.similarity(4, 1)).isLessThan(0.10);
        assertThat(grouper.rehomeCandidates(3, 0.0)).extracting(Merge::fromId).containsExactly(3L, 4L);
    }

    @Test
    void rehomeCandidatesConsiderOnlyGroupsBelowTheSizeAsSmallAndAtLeastTheSizeAsTargets() {
        var grouper = established();

        // below size 2 only the single texts are small, and groups of 1 are no targets: the same proposal
        assertThat(grouper.rehomeCandidates(2, 0.10)).extracting(Merge::fromId).containsExactly(3L);
        // below size 4 every group is small, so there is nowhere to go
        assertThat(grouper.rehomeCandidates(4, 0.0)).isEmpty();
        assertThatThrownBy(() -> grouper.rehomeCandidates(1, 0.1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> grouper.rehomeCandidates(3, 1.5)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void rehomeCandidatesSkipPinnedGroupsOnEitherSide() {
        var grouper = established();
        grouper.pin(3, true);
        assertThat(grouper.rehomeCandidates(3, 0.10)).isEmpty();

        grouper.pin(3, false);
        grouper.pin(1, true);
        // its best home is pinned: it goes to the next most similar large group, if similar enough, never into 1
        assertThat(grouper.rehomeCandidates(3, 0.0)).allSatisfy(m -> assertThat(m.intoId()).isEqualTo(2));
        assertThat(grouper.rehomeCandidates(3, 0.10)).noneMatch(m -> m.intoId() == 1);
    }

    @Test
    void appliedRehomeProposalsMoveTheSmallGroupIntoTheLargeOne() {
        var grouper = established();

        for (Merge m : grouper.rehomeCandidates(3, 0.10)) {
            grouper.merge(m.intoId(), m.fromId());
        }

        assertThat(grouper.groupIds()).containsExactly(1L, 2L, 4L);
        assertThat(grouper.size(1)).isEqualTo(4);
    }

    @Test
    void selfTrainedTermWeightsFavourTermsConcentratedInOneGroupAndSurviveARestore() {
        var grouper = grouper(new AtomicLong());
        for (Labelled l : COMPLAINTS) {
            grouper.assign(analyse(l));
        }
        grouper.consolidate();

        Map<String, Double> weights = new HashMap<>();
        GrouperState state = grouper.snapshot();
        state.terms().forEach(t -> weights.put(t.term(), t.weight()));
        assertThat(weights.values()).anyMatch(w -> w > 1.0).anyMatch(w -> w < 1.0);

        var restored = OnlineGrouper.restore(state, Settings.defaults(), new AtomicLong(1_000)::incrementAndGet);
        var text = ANALYZER.analyze("The invoice never came and there is a reminder fee", "en");
        assertThat(restored.assign(text)).isEqualTo(grouper.assign(text));
        assertThat(restored.snapshot()).isEqualTo(grouper.snapshot());
    }

    @Test
    void removeForgetsAGroupAndAddRebuildsOneFromGivenTexts() {
        var grouper = grouper(new AtomicLong(10));
        long g = grouper.assign(ANALYZER.analyze("My refund is missing", "en")).groupId();
        long documents = grouper.documents();

        grouper.remove(g);
        grouper.add(500, List.of(ANALYZER.analyze("My refund is missing", "en"),
                ANALYZER.analyze("Still no refund after the return", "en")));

        assertThat(grouper.contains(g)).isFalse();
        assertThat(grouper.size(500)).isEqualTo(2);
        assertThat(grouper.documents()).isEqualTo(documents); // texts given to add were counted already
        assertThat(grouper.closest(ANALYZER.analyze("Where is my refund?", "en"), -1))
                .hasValueSatisfying(a -> assertThat(a.groupId()).isEqualTo(500));
    }

    @Test
    void labelsAreReadableWordsWithoutConceptIds() {
        var grouper = grouper(new AtomicLong());
        long g = grouper.assign(ANALYZER.analyze("Fakturorna kom aldrig, bara påminnelser", "sv")).groupId();

        var label = grouper.topTerms(g, 5);

        assertThat(label).hasSizeLessThanOrEqualTo(5).noneMatch(t -> t.startsWith("~"))
                .anyMatch(t -> t.contains("fakturorna"));
    }

    @Test
    void centroidsAndTheVocabularyStayWithinTheirBounds() {
        var settings = Settings.defaults().withMaxTermsPerGroup(8);
        settings = new Settings(settings.assignThreshold(), settings.mergeThreshold(), 8, 1_000, settings.pairWeight(),
                settings.conceptWeight(), settings.crossLanguageThreshold());
        var grouper = new OnlineGrouper(settings, new AtomicLong()::incrementAndGet);
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (int i = 0; i < 400; i++) {
            // every text has words of its own, so the vocabulary grows without end unless it is pruned
            var text = ANALYZER.analyze("invoice missing word" + (char) ('a' + i % 26) + (char) ('a' + i / 26)
                    + " other" + (char) ('a' + i % 26) + (char) ('a' + i / 26 % 26) + "x", "en");
            seen.addAll(text.terms());
            grouper.assign(text);
        }

        var state = grouper.snapshot();

        assertThat(state.groups()).allSatisfy(g -> assertThat(g.centroid()).hasSizeLessThanOrEqualTo(8));
        int inCentroids = state.groups().stream().mapToInt(g -> g.centroid().size()).sum();
        assertThat(state.terms().size()).isLessThanOrEqualTo(1_000 + inCentroids).isLessThan(seen.size());
        assertThat(state.documents()).isEqualTo(400);
    }

    @Test
    void proposesToSplitAGroupThatHoldsTwoProblemsAndNotOneThatHoldsOne() {
        var grouper = grouper(new AtomicLong());
        List<AnalyzedText> invoices = List.of(ANALYZER.analyze("The invoice never arrived, reminder fee", "en"),
                ANALYZER.analyze("No invoice came but a reminder fee did", "en"),
                ANALYZER.analyze("Reminder fee for an invoice I never got", "en"));
        List<AnalyzedText> addresses = List.of(ANALYZER.analyze("How do I change my address in the app", "en"),
                ANALYZER.analyze("Change my address in the app please", "en"),
                ANALYZER.analyze("Where in the app can I change the address", "en"));
        invoices.forEach(grouper::assign);
        addresses.forEach(grouper::assign);
        List<AnalyzedText> mixed = new ArrayList<>(invoices);
        mixed.addAll(addresses);

        var split = grouper.proposeSplit(mixed, Settings.defaults().mergeThreshold(), 2);

        assertThat(split).hasValueSatisfying(halves -> assertThat(halves).containsExactlyInAnyOrder(
                List.of(0, 1, 2), List.of(3, 4, 5)));
        assertThat(grouper.proposeSplit(invoices, 0.2, 1)).isEmpty();
    }

    @Test
    void settingsOutsideTheirRangeAreRejected() {
        var d = Settings.defaults();

        assertThatThrownBy(() -> d.withAssignThreshold(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> d.withAssignThreshold(1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> d.withMergeThreshold(1.5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> d.withMaxTermsPerGroup(2)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> d.withConceptWeight(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> d.withCrossLanguageThreshold(0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anIdHandedOutTwiceIsAnError() {
        var grouper = new OnlineGrouper(Settings.defaults(), () -> 7);
        grouper.assign(ANALYZER.analyze("invoice never arrived", "en"));

        assertThatThrownBy(() -> grouper.assign(ANALYZER.analyze("how do I change my address", "en")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("7");
    }
}
