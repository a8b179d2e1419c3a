package com.zeromission.text.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

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
        for (String l : com.zeromission.text.TextAnalyzer.LANGUAGES) {
            all.put(l, LanguagePipeline.of(l));
        }

        assertThat(ConceptLexicon.standard(all).concepts()).contains("~invoice", "~refund", "~reminder-fee", "~card",
                "~delivery", "~declined", "~app", "~customer-service", "~direct-debit", "~part-payment", "~login",
                "~exchange-rate");
    }
}
