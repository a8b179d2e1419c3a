package com.zeromission.text.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.zeromission.text.TextAnalyzer;

class ConceptLexiconTest {

    private static final Map<String, LanguagePipeline> PIPELINES = Map.of("sv", LanguagePipeline.of("sv"), "en",
            LanguagePipeline.of("en"));

    private static List<String> match(ConceptLexicon lexicon, String language, String text) {
        List<String> hits = new ArrayList<>();
        lexicon.match(language, PIPELINES.get(language).tokenize(text), hits::add);
        return hits;
    }

    @Test
    void matchesWordsOnTheirStemPhrasesWordByWordAndAffixesOnTheWrittenWord() {
        var lexicon = ConceptLexicon.parse("""
                ~invoice
                en: invoice
                sv: faktur*
                ~not-received
                en: never arrived
                ~fee
                sv: *avgift*
                """, PIPELINES);

        assertThat(match(lexicon, "en", "Invoices never arrive")).containsExactly("~invoice", "~not-received");
        assertThat(match(lexicon, "sv", "fakturaavgiften")).containsExactlyInAnyOrder("~invoice", "~fee");
        assertThat(match(lexicon, "sv", "invoice")).isEmpty(); // English words are not Swedish entries
    }

    @Test
    void anEntryForAllLanguagesMatchesInEach() {
        var lexicon = ConceptLexicon.parse("~app\nall: app\n", PIPELINES);

        assertThat(match(lexicon, "sv", "appen kraschar")).containsExactly("~app"); // stemmed per language
        assertThat(match(lexicon, "en", "the apps crash")).containsExactly("~app");
    }

    @Test
    void rejectsMalformedLinesWithTheirLineNumber() {
        assertThatThrownBy(() -> ConceptLexicon.parse("en: invoice\n", PIPELINES))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("line 1");
        assertThatThrownBy(() -> ConceptLexicon.parse("~x\nxx: word\n", PIPELINES))
                .hasMessageContaining("line 2").hasMessageContaining("unknown language");
        assertThatThrownBy(() -> ConceptLexicon.parse("~x\nen: two words*\n", PIPELINES))
                .hasMessageContaining("affix");
        assertThatThrownBy(() -> ConceptLexicon.parse("~x\nen: word, , other\n", PIPELINES))
                .hasMessageContaining("empty entry");
    }

    @Test
    void theStandardLexiconCompilesForEveryLanguage() {
        Map<String, LanguagePipeline> all = new java.util.HashMap<>();
        for (String l : TextAnalyzer.LANGUAGES) {
            all.put(l, LanguagePipeline.of(l));
        }

        assertThat(ConceptLexicon.standard(all).concepts()).contains("~invoice", "~refund", "~reminder-fee", "~card",
                "~delivery", "~declined", "~app", "~customer-service", "~direct-debit", "~part-payment", "~login",
                "~exchange-rate", "~pending", "~activate", "~virtual-card", "~mobile-wallet", "~beneficiary",
                "~statement", "~limit", "~deposit", "~expiry", "~personal-details", "~new-card", "~close-account");
    }

    @Test
    void theStandardLexiconGivesTheSameConceptToTheSameProblemInSwedishEnglishAndGerman() {
        Map<String, LanguagePipeline> all = new java.util.HashMap<>();
        for (String l : TextAnalyzer.LANGUAGES) {
            all.put(l, LanguagePipeline.of(l));
        }
        var lexicon = ConceptLexicon.standard(all);
        java.util.function.BiFunction<String, String, List<String>> hits = (language, text) -> {
            List<String> found = new ArrayList<>();
            lexicon.match(language, all.get(language).tokenize(text), found::add);
            return found;
        };

        // A card payment that has not gone through yet ...
        assertThat(hits.apply("sv", "Köpet är fortfarande reserverat på kontot")).contains("~pending");
        assertThat(hits.apply("en", "The payment is still pending")).contains("~pending");
        assertThat(hits.apply("de", "Die Zahlung ist seit Tagen vorgemerkt")).contains("~pending");
        // ... activating a card, on the word's stem or a compound ...
        assertThat(hits.apply("sv", "Jag kan inte aktivera kortet")).contains("~activate", "~card");
        assertThat(hits.apply("en", "Activating my card fails")).contains("~activate", "~card");
        assertThat(hits.apply("de", "Die Kartenaktivierung funktioniert nicht")).contains("~activate");
        assertThat(hits.apply("de", "Ich kann die Karte nicht aktivieren")).contains("~activate", "~card");
        // ... a limit, also as the head of a compound ...
        assertThat(hits.apply("sv", "Beloppsgränsen är för låg")).contains("~limit");
        assertThat(hits.apply("en", "My spending limit is too low")).contains("~limit");
        assertThat(hits.apply("de", "Das Tageslimit ist zu niedrig")).contains("~limit");
        // ... and a top-up said in other words than "top up".
        assertThat(hits.apply("sv", "Jag kan inte fylla på kontot")).contains("~top-up");
        assertThat(hits.apply("en", "I can't add money to my account")).contains("~top-up");
        assertThat(hits.apply("de", "Ich kann kein Geld hinzufügen")).contains("~top-up");
    }
}
