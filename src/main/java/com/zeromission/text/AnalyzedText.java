package com.zeromission.text;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The features of one text, as problem discovery sees it.
 *
 * @param language         the ISO 639-1 code the text was analysed as (one of {@link TextAnalyzer#LANGUAGES})
 * @param languageDetected true when the caller gave no language and it was detected from the text
 * @param terms            the features in text order, repeated as often as they occur (so term frequency can be
 *                         counted): stems of the language's words (stop words removed), bigrams of adjacent stems
 *                         written {@code "stem stem"}, and language-independent concept ids from the payments
 *                         lexicon, which start with {@code ~} (e.g. {@code ~invoice}). Placeholders of the privacy
 *                         masker and tokens with digits (amounts, order numbers) never become features.
 * @param surfaces         for each stem (and bigram), the first word form it was seen as in this text (e.g. {@code
 *                         "fakturan"} for stem {@code "faktur"}): what a human-readable label shows
 * @param embedding        the text's sentence embedding (a unit vector, see {@link SentenceEmbedder}), or null when
 *                         the analyzer has no embedder or the embedder does not support the text's language
 */
public record AnalyzedText(String language, boolean languageDetected, List<String> terms, Map<String, String> surfaces,
        float[] embedding) {

    public AnalyzedText {
        Objects.requireNonNull(language, "language");
        if (language.isBlank()) {
            throw new IllegalArgumentException("language must not be blank");
        }
        terms = List.copyOf(Objects.requireNonNull(terms, "terms"));
        surfaces = Map.copyOf(surfaces == null ? Map.of() : surfaces);
        if (embedding != null) {
            for (float x : embedding) {
                if (!Float.isFinite(x)) {
                    throw new IllegalArgumentException("embedding must hold finite numbers, had " + x);
                }
            }
        }
    }

    /** Lexical features only, no embedding. */
    public AnalyzedText(String language, boolean languageDetected, List<String> terms, Map<String, String> surfaces) {
        this(language, languageDetected, terms, surfaces, null);
    }

    /** Features without surface forms (labels then show the stems themselves). */
    public AnalyzedText(String language, boolean languageDetected, List<String> terms) {
        this(language, languageDetected, terms, Map.of(), null);
    }

    /** The same features with this embedding. */
    public AnalyzedText withEmbedding(float[] vector) {
        return new AnalyzedText(language, languageDetected, terms, surfaces, vector);
    }

    // Records compare arrays by identity; two analyses of the same text are equal, embedding included.
    @Override
    public boolean equals(Object o) {
        return o instanceof AnalyzedText a && languageDetected == a.languageDetected && language.equals(a.language)
                && terms.equals(a.terms) && surfaces.equals(a.surfaces) && java.util.Arrays.equals(embedding, a.embedding);
    }

    @Override
    public int hashCode() {
        return Objects.hash(language, languageDetected, terms, surfaces) * 31 + java.util.Arrays.hashCode(embedding);
    }

    @Override
    public String toString() {
        return "AnalyzedText[language=" + language + ", languageDetected=" + languageDetected + ", terms=" + terms
                + (embedding == null ? "" : ", embedding=" + embedding.length + " dimensions") + "]";
    }

    /** The word form to show for a term: the surface form if known, a concept id without its {@code ~}, else the term. */
    public String surface(String term) {
        String s = surfaces.get(term);
        if (s != null) {
            return s;
        }
        return term.startsWith("~") ? term.substring(1) : term;
    }
}
