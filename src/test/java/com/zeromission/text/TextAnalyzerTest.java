package com.zeromission.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.zeromission.privacy.TextMasker;

class TextAnalyzerTest {

    private static final TextAnalyzer ANALYZER = TextAnalyzer.standard();

    /** The language's own stems: without the English pivot words that other languages' texts also get. */
    private static List<String> stems(String text, String language) {
        return ANALYZER.withoutTranslation().analyze(text, language).terms().stream().filter(t -> !t.startsWith("~") && !t.contains(" "))
                .toList();
    }

    @ParameterizedTest(name = "{0}: {1} and {2}")
    @CsvSource({
            "sv, fakturor, fakturorna", "sv, betalningen, betalningar",
            "en, invoices, invoiced", "en, payments, payment",
            "nl, facturen, factuur", "de, Rechnungen, Rechnung", "da, fakturaen, fakturaer", "nb, fakturaen, fakturaene",
            "fi, laskun, laskua", "fr, factures, facture", "es, facturas, factura"})
    void inflectionsOfAWordShareTheirStemInEachLanguage(String language, String one, String other) {
        assertThat(stems(one, language)).hasSize(1).isEqualTo(stems(other, language));
    }

    @Test
    void stopWordsAreNotFeaturesButWordPairsAre() {
        var terms = ANALYZER.analyze("The card has not arrived", "en").terms();

        assertThat(terms).doesNotContain("the", "has", "not").contains("card", "arriv", "arriv card");
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', value = {
            "sv|Fakturan kom aldrig och nu fick jag en påminnelseavgift.",
            "en|The invoice never arrived and now I got a reminder fee.",
            "de|Die Rechnung ist nie angekommen, jetzt eine Mahngebühr.",
            "nl|De factuur is nooit aangekomen en nu aanmaningskosten.",
            "da|Fakturaen kom aldrig, nu et rykkergebyr.",
            "nb|Fakturaen kom aldri, nå et purregebyr.",
            "fi|Lasku ei tullut koskaan ja nyt tuli muistutusmaksu.",
            "fr|La facture n'est jamais arrivée, maintenant des frais de relance.",
            "es|La factura nunca llegó y ahora un recargo por demora."})
    void theSameComplaintInEveryLanguageHasTheSameConcepts(String language, String text) {
        var terms = ANALYZER.analyze(text, language).terms();

        assertThat(terms).contains("~invoice", "~not-received", "~reminder-fee", "~fee");
    }

    @Test
    void conceptsOfDifferentProblemsDiffer() {
        var refund = ANALYZER.analyze("I returned the shoes two weeks ago and the refund is still missing", "en").terms();
        var decline = ANALYZER.analyze("Varför nekades mitt köp? Ingen anledning gavs.", "sv").terms();

        assertThat(refund).contains("~refund", "~return").doesNotContain("~declined", "~invoice");
        assertThat(decline).contains("~declined", "~reason").doesNotContain("~refund", "~invoice");
    }

    @Test
    void wordsOfOtherLanguagesAlsoBecomeEnglishPivotWordsSoLanguagesShareFeatures() {
        // the installed FreeDict dictionaries (bin/test installs them): Swedish, German and Dutch invoices are bills
        var sv = ANALYZER.analyze("Fakturan kom aldrig", "sv").terms();
        var de = ANALYZER.analyze("Die Rechnung kam nie", "de").terms();
        var nl = ANALYZER.analyze("De factuur kwam nooit", "nl").terms();

        assertThat(sv).contains("bill", "never");
        assertThat(de).contains("bill");
        assertThat(nl).contains("bill");
        assertThat(ANALYZER.translatedLanguages()).containsKeys("sv", "de", "nl", "da", "nb", "fi");
        assertThat(ANALYZER.withoutTranslation().analyze("Fakturan kom aldrig", "sv").terms()).doesNotContain("bill");
    }

    @Test
    void compoundWordsHitTheConceptsOfTheirParts() {
        var terms = ANALYZER.analyze("påminnelseavgiften", "sv").terms();

        assertThat(terms).contains("~reminder", "~fee", "~reminder-fee");
    }

    @Test
    void placeholdersOfTheMaskerAndNumbersNeverBecomeFeatures() {
        String masked = TextMasker.standard()
                .mask("Ring mig på 070-123 45 67 eller mejla anna.svensson@example.com, order 123456").text();

        // without the translation: "ring" (call) translates to "phone", which is the customer's word, not the mask's
        var terms = ANALYZER.withoutTranslation().analyze(masked, "sv").terms();

        assertThat(masked).contains("[PHONE]", "[EMAIL]");
        // "mejla" is the customer's own word (a concept ~email); the placeholders' words are not features
        assertThat(terms).filteredOn(t -> !t.startsWith("~"))
                .noneMatch(t -> t.matches(".*\\b(phone|email)\\b.*") || t.matches(".*\\d.*"));
        assertThat(terms).contains("mejl", "~email");
        assertThat(ANALYZER.analyze("[EMAIL] [PHONE] [PERSONAL_ID] [IBAN] [CARD]", "en").terms()).isEmpty();
    }

    @Test
    void redactionsOfExportsAreNotFeatures() {
        var terms = ANALYZER.analyze("On XX/XX/XXXX I paid XXXX XXXX but the refund from xxxx never came", "en").terms();

        assertThat(terms).noneMatch(t -> t.matches("(?i).*\\bx{2,}\\b.*"));
        assertThat(terms).contains("paid", "refund", "~refund");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "sv|Hej, jag har fortfarande inte fått någon faktura för mitt köp och nu har jag fått en påminnelse.",
            "en|Hello, I never received the invoice for my purchase and now I have been sent a reminder.",
            "de|Guten Tag, ich habe die Rechnung für meinen Einkauf nie bekommen und jetzt eine Mahnung erhalten.",
            "nl|Hallo, ik heb de factuur voor mijn aankoop nooit ontvangen en nu kreeg ik een herinnering.",
            "da|Hej, jeg har aldrig modtaget fakturaen for mit køb, og nu har jeg fået en rykker.",
            "nb|Hei, jeg har aldri fått fakturaen for kjøpet mitt, og nå har jeg fått en purring.",
            "fi|Hyvä asiakaspalvelu, en ole saanut laskua ostoksestani ja nyt tuli muistutus.",
            "fr|Bonjour, je n'ai jamais reçu la facture de mon achat et maintenant j'ai reçu un rappel.",
            "es|Hola, nunca recibí la factura de mi compra y ahora me enviaron un recordatorio."})
    void detectsTheLanguageWhenNotGiven(String language, String text) {
        var analysed = ANALYZER.analyze(text, null);

        assertThat(analysed.language()).isEqualTo(language);
        assertThat(analysed.languageDetected()).isTrue();
        assertThat(analysed.terms()).contains("~invoice");
    }

    @Test
    void aGivenLanguageIsUsedAsTagOrAliasAndAnUnsupportedOneIsDetected() {
        assertThat(ANALYZER.analyze("faktura", "sv-SE").language()).isEqualTo("sv");
        assertThat(ANALYZER.analyze("faktura", "no").language()).isEqualTo("nb");
        assertThat(ANALYZER.analyze("faktura", "sv").languageDetected()).isFalse();

        var unsupported = ANALYZER.analyze("Ich habe die Rechnung nie bekommen und muss jetzt eine Mahngebühr zahlen.", "it");

        assertThat(unsupported.language()).isEqualTo("de");
        assertThat(unsupported.languageDetected()).isTrue();
    }

    @Test
    void keepsTheWordAsWrittenForEachStemForReadableLabels() {
        var analysed = ANALYZER.analyze("Fakturorna kom aldrig", "sv");

        assertThat(analysed.terms()).contains("faktur");
        assertThat(analysed.surface("faktur")).isEqualTo("fakturorna");
        assertThat(analysed.surface("~invoice")).isEqualTo("invoice");
    }

    @Test
    void anEmptyTextHasNoFeatures() {
        assertThat(ANALYZER.analyze("", "en").terms()).isEmpty();
        assertThat(ANALYZER.analyze(null, null).language()).isEqualTo(TextAnalyzer.FALLBACK_LANGUAGE);
    }
}
