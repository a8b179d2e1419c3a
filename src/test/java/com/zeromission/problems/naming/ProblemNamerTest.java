package com.zeromission.problems.naming;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.zeromission.problems.naming.ProblemNamer.Text;
import com.zeromission.text.TextAnalyzer;

/** Names on invented complaints: several problems, greetings and sign-offs that every problem shares, two languages. */
class ProblemNamerTest {

    private static final TextAnalyzer ANALYZER = TextAnalyzer.standard();
    private static final ProblemNamer NAMER = new ProblemNamer(ANALYZER, "en");

    private static final List<Text> SMS = List.of(
            new Text("Hi, can you send reminders by text message instead? Thanks", "en"),
            new Text("Hello! Can you send reminders by text message instead? My number is [PHONE].", "en"),
            new Text("Can you send reminders by text message instead? Kind regards, Anna", "en"),
            new Text("Dear support, can you send reminders by text message instead?", "en"),
            new Text("Hi there. Can you send reminders by text message instead? Please help", "en"),
            new Text("Hey, can you send reminders by text message instead? This is ridiculous.", "en"));

    private static final List<Text> REMINDER_FEE = List.of(
            new Text("Hi, I never got the invoice and now I was charged a reminder fee of 60 SEK. Please help", "en"),
            new Text("The invoice never arrived but the reminder fee did. This is ridiculous.", "en"),
            new Text("Hello. Reminder fee although the invoice never arrived, order 123456. Thanks", "en"),
            new Text("Dear support, why a reminder fee when the invoice never arrived? Mail me at [EMAIL]", "en"),
            new Text("Fakturan kom aldrig men nu fick jag en påminnelseavgift. Hej då", "sv"),
            new Text("Hej, fakturan kom aldrig och nu en påminnelseavgift på 60 kr. Tack", "sv"),
            new Text("Jag fick en påminnelseavgift fast fakturan kom aldrig. Personnummer [PERSONAL_ID]", "sv"));

    private static final List<Text> DECLINED_SV = List.of(
            new Text("Hej, mitt köp nekades i kassan utan anledning. Tack på förhand", "sv"),
            new Text("Köpet nekades i kassan och ingen kan säga varför. Hälsningar", "sv"),
            new Text("Hej! Mitt köp nekades i kassan igen, kortnummer [CARD]. Snälla hjälp", "sv"),
            new Text("Varför nekas mitt köp i kassan? Tack", "sv"),
            new Text("Köpet nekades i kassan trots att jag alltid betalat. Mvh Erik", "sv"));

    private static final List<Text> REFUND = List.of(
            new Text("Hi, I returned the jacket three weeks ago and still have no refund. Thanks", "en"),
            new Text("Where is my refund? The shop received my return on 2026-11-02. Please help", "en"),
            new Text("Hello, returned my order two weeks ago, no refund yet. Kind regards", "en"),
            new Text("Dear support, the return was received but the refund is not showing. This is ridiculous.", "en"));

    /** The whole collection's document frequencies, as the grouper counts them. */
    private static ProblemNamer.Background background() {
        var all = new ArrayList<Text>();
        List.of(SMS, REMINDER_FEE, DECLINED_SV, REFUND).forEach(all::addAll);
        var analysed = ANALYZER.analyzeAll(all.stream().map(Text::text).toList(), all.stream().map(Text::language).toList(),
                t -> false);
        var df = new HashMap<String, Long>();
        analysed.forEach(a -> a.terms().stream().distinct().forEach(t -> df.merge(t, 1L, Long::sum)));
        var languages = new HashMap<String, Long>();
        analysed.forEach(a -> languages.merge(a.language(), 1L, Long::sum));
        return ProblemNamer.background(t -> df.getOrDefault(t, 0L), all.size(), languages);
    }

    private static void assertReadable(String name) {
        assertThat(name).doesNotContain("·").doesNotContain("[").doesNotContain("]").doesNotContainPattern("\\d");
        int words = name.split("\\s+").length;
        assertThat(words).as(name).isBetween(3, 10);
        assertThat(Character.isUpperCase(name.codePointAt(0))).as(name).isTrue();
        assertThat(name).doesNotEndWith(".").doesNotEndWith("?").doesNotEndWith(",");
    }

    @Test
    void aRepeatedRequestIsNamedByTheRequestWithoutGreetingsOrQuestionWords() {
        var names = NAMER.name(SMS, background());
        assertThat(names.name()).isEqualTo("Send reminders by text message instead");
        assertThat(names.language()).isEqualTo("en");
        assertReadable(names.name());
    }

    @Test
    void aMixedLanguageProblemIsNamedInEnglishAndKeepsItsSwedishVariant() {
        var names = NAMER.name(REMINDER_FEE, background());
        assertThat(names.language()).isEqualTo("en");
        assertThat(names.name().toLowerCase()).contains("invoice").contains("reminder fee");
        assertThat(names.byLanguage()).containsOnlyKeys("en", "sv");
        assertThat(names.byLanguage().get("sv").toLowerCase()).contains("fakturan kom aldrig");
        names.byLanguage().values().forEach(ProblemNamerTest::assertReadable);
    }

    @Test
    void aSwedishOnlyProblemGetsASwedishName() {
        var names = NAMER.name(DECLINED_SV, background());
        assertThat(names.language()).isEqualTo("sv");
        assertThat(names.name().toLowerCase()).contains("köp").contains("i kassan").containsPattern("nekas|nekades");
        assertReadable(names.name());
    }

    @Test
    void theNameLanguageIsASetting() {
        var names = new ProblemNamer(ANALYZER, "sv").name(REMINDER_FEE, background());
        assertThat(names.language()).isEqualTo("sv");
        assertThat(names.name()).isEqualTo(names.byLanguage().get("sv"));
    }

    @Test
    void namesHoldNoPlaceholdersNumbersOrSignOffs() {
        for (var group : List.of(SMS, REMINDER_FEE, DECLINED_SV, REFUND)) {
            var names = NAMER.name(group, background());
            names.byLanguage().values().forEach(ProblemNamerTest::assertReadable);
            assertThat(names.name().toLowerCase()).doesNotContain("ridiculous").doesNotContain("please help")
                    .doesNotContain("regards").doesNotContain("thanks").doesNotStartWith("hi").doesNotStartWith("hej");
        }
        assertThat(NAMER.name(REFUND, background()).name().toLowerCase()).contains("refund");
    }

    @Test
    void aSingleTextIsNamedByItsMostDistinctiveClause() {
        var names = NAMER.name(List.of(new Text("Hello, the app crashes every time I open the card page. Thanks!", "en")),
                background());
        assertThat(names.name().toLowerCase()).contains("app crashes");
        assertReadable(names.name());
    }

    @Test
    void aLongSentenceIsCutAtAPhraseBoundary() {
        var texts = List.of(
                new Text("The delivery was marked as delivered by the courier yesterday afternoon although nobody came to my door at all", "en"),
                new Text("Marked as delivered by the courier although nobody came to my door", "en"),
                new Text("The parcel is marked as delivered by the courier but nobody came", "en"));
        var names = NAMER.name(texts, background());
        assertReadable(names.name());
        assertThat(names.name().toLowerCase()).contains("marked as delivered");
    }

    @Test
    void aQuestionKeepsItsQuestionWordsAndQuotesStayBalanced() {
        var why = NAMER.name(List.of(new Text("Warum soll ich Mahngebühren zahlen für eine Rechnung, die nie angekommen ist?",
                "de")), background());
        assertThat(why.name()).isEqualTo("Warum soll ich Mahngebühren zahlen für eine Rechnung");
        var quoted = NAMER.name(List.of(new Text("Checkout: user compares \"Instant Pay 3\u201d with \"Pay now\u201d, picks Instant Pay 3.",
                "en")), background());
        assertThat(quoted.name()).startsWith("User compares \"Instant Pay\" with \"Pay now\"");
    }

    @Test
    void textsWithoutWordsStillGetAName() {
        var names = NAMER.name(List.of(new Text("[EMAIL] [PHONE] 12345", "en"), new Text("!!!", "en")), background());
        assertThat(names.name()).isNotBlank().doesNotContain("[");
        assertThat(NAMER.name(List.of(), background()).name()).isNotBlank();
        assertThat(Map.of()).isEmpty();
    }
}
