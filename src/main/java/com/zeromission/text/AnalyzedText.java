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
 */
public record AnalyzedText(String language, boolean languageDetected, List<String> terms, Map<String, String> surfaces) {

    public AnalyzedText {
        Objects.requireNonNull(language, "language");
        if (language.isBlank()) {
            throw new IllegalArgumentException("language must not be blank");
        }
        terms = List.copyOf(Objects.requireNonNull(terms, "terms"));
        surfaces = Map.copyOf(surfaces == null ? Map.of() : surfaces);
    }

    /** Features without surface forms (labels then show the stems themselves). */
    public AnalyzedText(String language, boolean languageDetected, List<String> terms) {
        this(language, languageDetected, terms, Map.of());
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
