package com.zeromission.text;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import com.zeromission.privacy.PiiType;
import com.zeromission.text.internal.ConceptLexicon;
import com.zeromission.text.internal.LanguageDetection;
import com.zeromission.text.internal.LanguagePipeline;
import com.zeromission.text.internal.PivotDictionary;

/**
 * Turns a text into the features problem discovery groups on (see {@link AnalyzedText#terms()}): the stems of its
 * words in its language (Lucene tokenizer, Snowball stop words and stemmers), bigrams of adjacent stems (so "top up"
 * and "exchange rate" are features of their own), and the concept ids of the multilingual payments lexicon, which
 * are shared across languages.
 *
 * <p>When the caller does not give the language (or gives one that is not analysed here), it is detected among
 * {@link #LANGUAGES} with Lingua; undetectable texts (empty, only numbers) are analysed as English.
 *
 * <p>Thread-safe and cheap to share: build one ({@link #standard()}) and use it from every thread. The Spring
 * application has one as a bean.
 */
public final class TextAnalyzer {

    /** The languages analysed, as ISO 639-1 codes (Norwegian is Bokmål, {@code nb}). */
    public static final List<String> LANGUAGES = List.of("sv", "en", "nl", "de", "da", "nb", "fi", "fr", "es");

    /** The language texts are analysed as when it is neither given nor detectable. */
    public static final String FALLBACK_LANGUAGE = "en";

    /** The masker's placeholders ([EMAIL], [PHONE], ...): personal data was there, but it is not a feature. */
    private static final Pattern PLACEHOLDERS = Pattern.compile(String.join("|",
            java.util.Arrays.stream(PiiType.values()).map(t -> Pattern.quote(t.placeholder())).toList()));

    /**
     * Each word pairs with the content words up to this many places before it (stop words do not count). Measured on
     * BANKING77: 1 (adjacent bigrams only) 0.68 NMI, 3 to 20 about 0.70; 4 keeps the number of features small.
     */
    static final int PAIR_WINDOW = 4;

    /**
     * Where the bilingual dictionaries for the pivot translation are read from, unless the system property {@code
     * zeromission.text.dictionaries} names another folder (an empty value switches translation off): Debian's
     * {@code dict-freedict-*} packages install them here.
     */
    public static final String DEFAULT_DICTIONARIES = "/usr/share/dictd";

    private final Map<String, LanguagePipeline> pipelines;
    private final ConceptLexicon lexicon;
    /** Null: lexical features only. */
    private final SentenceEmbedder embedder;
    private final PivotDictionary pivot;

    private TextAnalyzer(Map<String, LanguagePipeline> pipelines, ConceptLexicon lexicon, SentenceEmbedder embedder,
            PivotDictionary pivot) {
        this.pipelines = pipelines;
        this.lexicon = lexicon;
        this.embedder = embedder;
        this.pivot = pivot;
    }

    /**
     * This analyzer, also giving each text in a language the embedder supports its sentence embedding ({@link
     * AnalyzedText#embedding()}). The embedder stays the caller's to close.
     */
    public TextAnalyzer withEmbedder(SentenceEmbedder embedder) {
        return new TextAnalyzer(pipelines, lexicon, java.util.Objects.requireNonNull(embedder, "embedder"), pivot);
    }

    /**
     * This analyzer without the pivot translation: texts in other languages than English then share only the
     * concept lexicon with English ones (what grouping did before; for measuring what the translation buys).
     */
    public TextAnalyzer withoutTranslation() {
        return new TextAnalyzer(pipelines, lexicon, embedder, PivotDictionary.empty(pipelines));
    }

    /**
     * The languages whose words this analyzer translates into English pivot features, with the number of words
     * each dictionary knows (empty when no dictionaries are installed).
     */
    public Map<String, Integer> translatedLanguages() {
        var sizes = new java.util.TreeMap<>(pivot.sizes());
        sizes.values().removeIf(n -> n == 0);
        return sizes;
    }

    /** The embedder, if this analyzer has one. */
    public java.util.Optional<SentenceEmbedder> embedder() {
        return java.util.Optional.ofNullable(embedder);
    }

    /** The analyzer with the standard lexicon; builds without Spring (for the command line and tests). */
    public static TextAnalyzer standard() {
        return Standard.INSTANCE;
    }

    /**
     * One standard analyzer per process: the dictionaries take a few seconds and some hundred megabytes to load, and
     * the analyzer is immutable and thread-safe.
     */
    private static final class Standard {
        static final TextAnalyzer INSTANCE = build();

        private static TextAnalyzer build() {
            Map<String, LanguagePipeline> pipelines = new LinkedHashMap<>();
            LANGUAGES.forEach(l -> pipelines.put(l, LanguagePipeline.of(l)));
            Map<String, LanguagePipeline> all = Map.copyOf(pipelines);
            String dir = System.getProperty("zeromission.text.dictionaries", DEFAULT_DICTIONARIES);
            String cache = System.getProperty("zeromission.text.dictionary-cache", System.getProperty("java.io.tmpdir"));
            PivotDictionary pivot = dir.isBlank() ? PivotDictionary.empty(all)
                    : PivotDictionary.load(java.nio.file.Path.of(dir), all, cache.isBlank() ? null : java.nio.file.Path.of(cache));
            return new TextAnalyzer(all, ConceptLexicon.standard(pipelines), null, pivot);
        }
    }

    /** The concept ids the lexicon knows (each starts with {@code ~}). */
    public java.util.Set<String> concepts() {
        return lexicon.concepts();
    }

    /**
     * Analyses a text.
     *
     * @param text           the (masked) text; null counts as empty
     * @param languageOrNull an ISO 639-1 code or a language tag ({@code sv}, {@code sv-SE}, {@code no} for Bokmål);
     *                       null, blank or unsupported means: detect it
     */
    public AnalyzedText analyze(String text, String languageOrNull) {
        return analyzeAll(java.util.Collections.singletonList(text), java.util.Collections.singletonList(languageOrNull))
                .getFirst();
    }

    /**
     * Analyses texts together: the same as {@link #analyze} for each, but the sentence embeddings (when this analyzer
     * has an embedder) are computed in batches, which is several times faster than one text at a time.
     *
     * @param texts     the (masked) texts; null counts as empty
     * @param languages for each text, as for {@link #analyze}; the list may hold nulls
     */
    public List<AnalyzedText> analyzeAll(List<String> texts, List<String> languages) {
        return analyzeAll(texts, languages, t -> true);
    }

    /**
     * {@link #analyzeAll(List, List)}, embedding only the texts whose lexical analysis {@code embedIf} accepts (and
     * whose language the embedder supports): a caller that can tell from the words alone where a text belongs saves
     * the embedding, by far the most expensive part.
     */
    public List<AnalyzedText> analyzeAll(List<String> texts, List<String> languages,
            java.util.function.Predicate<AnalyzedText> embedIf) {
        return analyze(texts, languages, (i, t) -> embedIf.test(t));
    }

    /**
     * {@link #analyzeAll(List, List)}, embedding text {@code i} only where {@code embed[i]} (and the embedder supports
     * its language): to repeat an earlier analysis that embedded exactly these.
     */
    public List<AnalyzedText> analyzeAll(List<String> texts, List<String> languages, boolean[] embed) {
        if (embed.length != texts.size()) {
            throw new IllegalArgumentException("one embed flag per text: " + texts.size() + " texts, " + embed.length
                    + " flags");
        }
        return analyze(texts, languages, (i, t) -> embed[i]);
    }

    private List<AnalyzedText> analyze(List<String> texts, List<String> languages,
            java.util.function.BiPredicate<Integer, AnalyzedText> embedIf) {
        if (texts.size() != languages.size()) {
            throw new IllegalArgumentException("one language (or null) per text: " + texts.size() + " texts, "
                    + languages.size() + " languages");
        }
        // Lexical analysis is independent per text: on all cores for large batches (the grouping drain's).
        AnalyzedText[] lexical = new AnalyzedText[texts.size()];
        java.util.stream.IntStream range = java.util.stream.IntStream.range(0, lexical.length);
        (lexical.length >= 200 ? range.parallel() : range).forEach(i -> lexical[i] = lexical(texts.get(i), languages.get(i)));
        List<AnalyzedText> out = new ArrayList<>(java.util.Arrays.asList(lexical));
        if (embedder == null) {
            return out;
        }
        List<Integer> embedded = new ArrayList<>();
        List<String> inputs = new ArrayList<>();
        for (int i = 0; i < out.size(); i++) {
            String text = texts.get(i);
            if (embedder.supports(out.get(i).language()) && text != null && !text.isBlank() && embedIf.test(i, out.get(i))) {
                embedded.add(i);
                inputs.add(text);
            }
        }
        float[][] vectors = embedder.embed(inputs);
        for (int k = 0; k < vectors.length; k++) {
            int i = embedded.get(k);
            out.set(i, out.get(i).withEmbedding(vectors[k]));
        }
        return out;
    }

    private AnalyzedText lexical(String text, String languageOrNull) {
        String clean = text == null ? "" : PLACEHOLDERS.matcher(text).replaceAll(" ").replace('\u2019', '\'');
        String language = normalise(languageOrNull);
        boolean detected = language == null;
        if (detected) {
            language = detectLanguage(clean);
        }
        LanguagePipeline pipeline = pipelines.get(language);
        LanguagePipeline.Tokens tokens = pipeline.tokenize(clean);
        List<String> terms = new ArrayList<>(tokens.size() * 3);
        Map<String, String> surfaces = new HashMap<>();
        // Pairs of content words near each other, order-free ("cash withdrawal pending" and "pending cash
        // withdrawal" share "cash pending"): short complaints differ less in their words than in which words
        // come together (a pending transfer vs. a pending cash withdrawal vs. a transfer fee).
        String[] window = new String[PAIR_WINDOW];
        String[] windowSurface = new String[PAIR_WINDOW];
        int seen = 0;
        for (int i = 0; i < tokens.size(); i++) {
            String surface = tokens.surfaces()[i];
            if (tokens.stop()[i] || !isFeatureWord(surface)) {
                continue;
            }
            String stem = tokens.stems()[i];
            terms.add(stem);
            surfaces.putIfAbsent(stem, surface);
            for (int k = 1; k <= Math.min(seen, PAIR_WINDOW); k++) {
                String other = window[(seen - k) % PAIR_WINDOW];
                if (other.equals(stem)) {
                    continue;
                }
                String otherSurface = windowSurface[(seen - k) % PAIR_WINDOW];
                boolean ordered = other.compareTo(stem) < 0;
                String pair = ordered ? other + " " + stem : stem + " " + other;
                terms.add(pair);
                surfaces.putIfAbsent(pair, k == 1 ? otherSurface + " " + surface
                        : ordered ? otherSurface + " " + surface : surface + " " + otherSurface);
            }
            window[seen % PAIR_WINDOW] = stem;
            windowSurface[seen % PAIR_WINDOW] = surface;
            seen++;
        }
        lexicon.match(language, tokens, terms::add);
        if (!PivotDictionary.PIVOT.equals(language)) {
            translate(language, tokens, terms);
        }
        return new AnalyzedText(language, detected, terms, surfaces);
    }

    /**
     * Adds the English pivot features of a text in another language: the English stems of its content words, and
     * pairs of those of neighbouring words, as an English text about the same thing would have them ("påminnelseavgift
     * faktura" gives "remind", "fee", "invoic", "fee invoic", ...). English texts need none: their stems are the pivot.
     */
    private void translate(String language, LanguagePipeline.Tokens tokens, List<String> terms) {
        String[] previous = null;
        for (int i = 0; i < tokens.size(); i++) {
            String surface = tokens.surfaces()[i];
            if (tokens.stop()[i] || !isFeatureWord(surface)) {
                continue;
            }
            String[] english = pivot.translate(language, surface, tokens.stems()[i]);
            if (english.length == 0) {
                continue;
            }
            for (String e : english) {
                terms.add(e);
            }
            if (previous != null) {
                String a = previous[0], b = english[0];
                if (!a.equals(b)) {
                    terms.add(a.compareTo(b) < 0 ? a + " " + b : b + " " + a);
                }
            }
            previous = english;
        }
    }

    /** The detected language of a text among {@link #LANGUAGES}, or {@link #FALLBACK_LANGUAGE}. */
    public String detectLanguage(String text) {
        return LanguageDetection.detect(text).orElse(FALLBACK_LANGUAGE);
    }

    /**
     * Words that carry meaning: two letters or more and no digits (amounts, dates, order numbers differ per text), and
     * not a redaction: exports such as the CFPB's replace personal data with runs of X ("XXXX", "XX/XX/XXXX"), which
     * would otherwise become the most common "word" of every complaint.
     */
    private static boolean isFeatureWord(String token) {
        if (token.length() < 2) {
            return false;
        }
        boolean onlyX = true;
        for (int i = 0; i < token.length(); i++) {
            char c = token.charAt(i);
            if (Character.isDigit(c)) {
                return false;
            }
            onlyX &= c == 'x' || c == 'X';
        }
        return !onlyX && Character.isLetter(token.charAt(0));
    }

    /**
     * The ISO 639-1 code this analyzer reads a declared language as ({@code sv-SE} → {@code sv}, {@code no} → {@code
     * nb}), or empty when it is blank or not one of {@link #LANGUAGES}.
     */
    public java.util.Optional<String> supportedLanguage(String languageOrTag) {
        return java.util.Optional.ofNullable(normalise(languageOrTag));
    }

    private @Nullable String normalise(@Nullable String language) {
        if (language == null || language.isBlank()) {
            return null;
        }
        String code = language.strip().toLowerCase(Locale.ROOT).replace('_', '-');
        int dash = code.indexOf('-');
        if (dash > 0) {
            code = code.substring(0, dash);
        }
        code = switch (code) {
            case "no", "nn", "nob", "nor" -> "nb";
            case "swe" -> "sv";
            case "eng" -> "en";
            default -> code;
        };
        return pipelines.containsKey(code) ? code : null;
    }
}
