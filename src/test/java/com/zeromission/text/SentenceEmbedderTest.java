package com.zeromission.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The bundled model itself, on this machine's CPU: what grouping relies on it for. */
class SentenceEmbedderTest {

    private static final SentenceEmbedder EMBEDDER = SentenceEmbedder.shared();

    private static double cosine(float[] a, float[] b) {
        double dot = 0;
        for (int i = 0; i < a.length; i++) {
            dot += (double) a[i] * b[i];
        }
        return dot;
    }

    @Test
    void paraphrasesThatShareFewWordsLieCloserThanDifferentProblems() {
        float[][] v = EMBEDDER.embed(List.of("My card has not arrived", "The card was never delivered",
                "The app crashes when I log in", "The application shuts down every time I try to sign in",
                "Why was my purchase rejected?"));

        assertThat(cosine(v[0], v[1])).isGreaterThan(0.65);
        assertThat(cosine(v[2], v[3])).isGreaterThan(0.65);
        for (int paraphrase : new int[] {0, 1}) {
            for (int other : new int[] {2, 3, 4}) {
                assertThat(cosine(v[paraphrase], v[other])).as("card text %d against text %d", paraphrase, other)
                        .isLessThan(0.45);
            }
        }
    }

    @Test
    void givesUnitVectorsInTheTextsOrderAndZeroForBlankTexts() {
        var texts = Arrays.asList("Where is my refund?", "", null, "The invoice never came, only a reminder fee.");
        float[][] v = EMBEDDER.embed(texts);

        assertThat(v).hasNumberOfRows(4);
        assertThat(v[0]).hasSize(EMBEDDER.dimensions());
        assertThat(cosine(v[0], v[0])).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-4));
        assertThat(cosine(v[3], v[3])).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-4));
        assertThat(v[1]).containsOnly(0f);
        assertThat(v[2]).containsOnly(0f);
        // the order is the texts' even though they are embedded sorted by length
        float[] alone = EMBEDDER.embed(List.of("The invoice never came, only a reminder fee.")).clone()[0];
        assertThat(cosine(v[3], alone)).isGreaterThan(0.99);
    }

    @Test
    void theSameTextGetsNearlyTheSameVectorWhateverElseIsInItsBatch() {
        // The int8 model quantises a batch's activations with one scale, so a text's vector depends a little on its
        // neighbours: this bounds how much.
        String text = "I returned the shoes three weeks ago and the refund is still missing";
        float[] alone = EMBEDDER.embed(List.of(text))[0];
        float[] inBatch = EMBEDDER.embed(List.of("Hi", text, "Why does the app ask for my personal identity number "
                + "every single time I open it and then crash before I can pay the invoice that is due tomorrow?"))[1];
        assertThat(cosine(alone, inBatch)).isGreaterThan(0.98);
    }

    @Test
    void embedsEnglishOnly() {
        assertThat(EMBEDDER.supports("en")).isTrue();
        assertThat(EMBEDDER.supports("sv")).isFalse();
        assertThat(EMBEDDER.supports("de")).isFalse();
        assertThat(EMBEDDER.model()).contains("MiniLM");
    }

    @Test
    void refusesANonsensicalThreadCount() {
        assertThatThrownBy(() -> SentenceEmbedder.bundled(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("threads").hasMessageContaining("0");
    }

    @Test
    void theAnalyzerEmbedsOnlyTextsInALanguageTheModelKnows() {
        var analyzer = TextAnalyzer.standard().withEmbedder(EMBEDDER);
        var analysed = analyzer.analyzeAll(List.of("The invoice never arrived", "Fakturan kom aldrig", ""),
                Arrays.asList("en", "sv", "en"));

        assertThat(analysed.get(0).embedding()).hasSize(EMBEDDER.dimensions());
        assertThat(analysed.get(1).embedding()).isNull();
        assertThat(analysed.get(2).embedding()).isNull();
        // the lexical features are the same as without an embedder
        assertThat(analysed.get(0).terms()).isEqualTo(TextAnalyzer.standard().analyze("The invoice never arrived", "en").terms());
        assertThat(TextAnalyzer.standard().analyze("The invoice never arrived", "en").embedding()).isNull();
    }

    @Test
    void theAnalyzerEmbedsOnlyWhatTheCallerAsksFor() {
        var analyzer = TextAnalyzer.standard().withEmbedder(EMBEDDER);
        var analysed = analyzer.analyzeAll(List.of("The invoice never arrived", "Where is my refund?"),
                List.of("en", "en"), t -> t.terms().contains("refund"));

        assertThat(analysed.get(0).embedding()).isNull();
        assertThat(analysed.get(1).embedding()).isNotNull();
    }
}
