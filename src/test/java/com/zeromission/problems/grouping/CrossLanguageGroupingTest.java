package com.zeromission.problems.grouping;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import com.zeromission.text.TextAnalyzer;

/**
 * For every pair of the served markets' languages: a complaint about one root cause (a reminder fee for an invoice
 * that never came) written in both languages lands in one problem, and a complaint about another root cause (a
 * refund that has not come after a return) in the first language does not join it. Written as a customer would, in
 * each language's own words and compounds; grouped by the words only (no sentence embeddings), so that the pivot
 * translation and the concept lexicon are what is tested.
 */
class CrossLanguageGroupingTest {

    private static final TextAnalyzer ANALYZER = TextAnalyzer.standard();

    private static final Map<String, String> REMINDER_FEE = Map.of(
            "en", "I never received the invoice and now you charge me a reminder fee.",
            "sv", "Jag fick aldrig fakturan och nu tar ni ut en påminnelseavgift.",
            "nb", "Jeg fikk aldri fakturaen, og nå krever dere et purregebyr.",
            "da", "Jeg modtog aldrig fakturaen, og nu opkræver I et rykkergebyr.",
            "fi", "En koskaan saanut laskua, ja nyt perit minulta muistutusmaksun.",
            "de", "Ich habe die Rechnung nie bekommen und jetzt verlangen Sie eine Mahngebühr.",
            "nl", "Ik heb de factuur nooit ontvangen en nu rekenen jullie aanmaningskosten.");

    private static final Map<String, String> REFUND = Map.of(
            "en", "I returned the jacket three weeks ago but the refund has still not arrived.",
            "sv", "Jag returnerade jackan för tre veckor sedan men återbetalningen har fortfarande inte kommit.",
            "nb", "Jeg returnerte jakken for tre uker siden, men refusjonen har fortsatt ikke kommet.",
            "da", "Jeg returnerede jakken for tre uger siden, men tilbagebetalingen er stadig ikke kommet.",
            "fi", "Palautin takin kolme viikkoa sitten, mutta hyvitystä ei ole vieläkään tullut.",
            "de", "Ich habe die Jacke vor drei Wochen zurückgeschickt, aber die Erstattung ist immer noch nicht da.",
            "nl", "Ik heb de jas drie weken geleden teruggestuurd, maar de terugbetaling is nog steeds niet binnen.");

    static Stream<Arguments> pairs() {
        List<String> languages = List.of("en", "sv", "nb", "da", "fi", "de", "nl");
        List<Arguments> pairs = new ArrayList<>();
        for (int i = 0; i < languages.size(); i++) {
            for (int j = i + 1; j < languages.size(); j++) {
                pairs.add(Arguments.of(languages.get(i), languages.get(j)));
                pairs.add(Arguments.of(languages.get(j), languages.get(i)));
            }
        }
        return pairs.stream();
    }

    @ParameterizedTest(name = "{0} then {1}")
    @MethodSource("pairs")
    void oneRootCauseInTwoLanguagesSharesAProblemAndAnotherRootCauseDoesNot(String first, String second) {
        var grouper = new OnlineGrouper(Settings.defaults().withSemantic(0, 0.70, 0.85), new AtomicLong()::incrementAndGet);

        long fee = grouper.assign(ANALYZER.analyze(REMINDER_FEE.get(first), first)).groupId();
        long refund = grouper.assign(ANALYZER.analyze(REFUND.get(first), first)).groupId();
        long feeAgain = grouper.assign(ANALYZER.analyze(REMINDER_FEE.get(second), second)).groupId();
        var merges = grouper.consolidate();
        long feeNow = resolve(fee, merges);

        assertThat(resolve(feeAgain, merges)).as("the reminder fee in %s and in %s", first, second).isEqualTo(feeNow);
        assertThat(resolve(refund, merges)).as("a refund and a reminder fee in %s", first).isNotEqualTo(feeNow);
    }

    @org.junit.jupiter.api.Test
    void phrasingsAndLanguagesOfOneRootCauseAreOneCommunityOfGroupsAndOtherRootCausesAreNot() {
        // Three root causes, each written in several languages, a few customers each: the grouper finds a group per
        // language (or wording), and the root causes join them.
        var grouper = new OnlineGrouper(Settings.defaults().withSemantic(0, 0.70, 0.85), new AtomicLong()::incrementAndGet);
        Map<String, Map<String, String>> causes = Map.of("fee", REMINDER_FEE, "refund", REFUND, "app", Map.of(
                "en", "The app crashes every time I try to log in.",
                "sv", "Appen kraschar varje gång jag försöker logga in.",
                "nb", "Appen krasjer hver gang jeg prøver å logge inn.",
                "da", "Appen går ned hver gang jeg prøver at logge ind.",
                "fi", "Sovellus kaatuu aina kun yritän kirjautua sisään.",
                "de", "Die App stürzt jedes Mal ab, wenn ich mich anmelden will.",
                "nl", "De app crasht elke keer als ik probeer in te loggen."));
        Map<Long, String> causeOfGroup = new java.util.HashMap<>();
        for (int copy = 0; copy < 3; copy++) {
            for (var cause : causes.entrySet()) {
                for (var text : cause.getValue().entrySet()) {
                    long g = grouper.assign(ANALYZER.analyze(text.getValue(), text.getKey())).groupId();
                    causeOfGroup.put(g, cause.getKey());
                }
            }
        }

        var roots = grouper.rootCauses(RootCauseSettings.defaults());

        assertThat(roots).as("groups %s", causeOfGroup).isNotEmpty();
        for (List<Long> community : roots) {
            assertThat(community.stream().map(causeOfGroup::get).distinct()).as("community %s", community).hasSize(1);
        }
        long groupsFound = grouper.groupCount();
        long rootCausesFound = groupsFound - roots.stream().mapToLong(c -> c.size() - 1).sum();
        assertThat(rootCausesFound).as("%d groups, root causes %s", groupsFound, roots).isLessThanOrEqualTo(groupsFound)
                .isGreaterThanOrEqualTo(3);
    }

    private static long resolve(long id, List<Merge> merges) {
        long g = id;
        for (Merge m : merges) {
            if (m.fromId() == g) {
                g = m.intoId();
            }
        }
        return g;
    }
}
