package com.zeromission.problems.naming;

import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import com.zeromission.text.AnalyzedText;
import com.zeromission.text.TextAnalyzer;

/**
 * Names a problem the way a person would: a short clause taken from its own (masked) texts, not a list of terms.
 *
 * <p>How, per language of the problem's texts:
 * <ol>
 * <li>Every word stem gets a weight for this problem: {@code p · ln(p / q)} where {@code p} is the share of the
 * problem's texts (in that language) that contain it and {@code q} its share of the whole collection (the grouper's
 * document frequencies); 0 when it is no more common here than anywhere. Greetings, sign-offs, "please help" and
 * "this is ridiculous" are as common in every problem, so they weigh nothing; the problem's own words weigh most.
 * <li>Each text is split into sentences ({@link BreakIterator} for the language) and each sentence also into its
 * clauses at punctuation; these are the candidates, cleaned of placeholders ({@code [EMAIL]}, ...) and of words with
 * digits (amounts, order numbers, dates).
 * <li>A candidate scores by the weight of the stems it holds, times the share of its stems that are the problem's own
 * (a clause full of one customer's details is not the problem's), times a preference for 3-8 words, times how many
 * texts say nearly the same (the same stems) — repeated wordings are what people write.
 * <li>The best one is tidied: a verb-first question's "can you" is dropped, so are leading function words (never a
 * negation), it is cut before a function word when longer than {@link #MAX_WORDS}, trailing function words and
 * punctuation go, and the first letter is capitalised.
 * </ol>
 * When no candidate holds a weighted stem the name is the text's weightiest words in text order.
 *
 * <p>The name is the one in the preferred language when the problem has texts in it, else in its most frequent
 * language; the names in every language are kept as its variants. Pure logic; the analyzer gives stems and stop
 * words for each language, nothing here knows a data set's words.
 */
public final class ProblemNamer {

    /** Longest name in words. */
    public static final int MAX_WORDS = 10;
    /** Names are at most this long (the label column). */
    public static final int MAX_CHARS = 200;

    /** A member text: masked as stored, with its language when known (null: detected). */
    public record Text(String text, String language) {
    }

    /** How common a stem is in the whole collection. */
    public interface Background {
        /**
         * The share of the collection's texts in the language that contain the stem, in (0, 1]. Per language: a
         * Swedish greeting is in few of all texts but in most Swedish ones.
         */
        double share(String stem, String language);
    }

    /**
     * A problem's names.
     *
     * @param name       the name to show
     * @param language   its language
     * @param byLanguage a name per language of its texts, most texts first
     */
    public record Names(String name, String language, Map<String, String> byLanguage) {
        public Names {
            Objects.requireNonNull(name, "name");
            byLanguage = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(byLanguage));
        }
    }

    private static final Pattern PLACEHOLDER = Pattern.compile("\\[[A-Z][A-Z_]*\\]");
    /** Clause boundaries inside a sentence: commas, semicolons, colons, brackets, dashes between spaces. */
    private static final Pattern CLAUSE = Pattern.compile("[,;:()\\[\\]]|\\s[-\u2013\u2014]+\\s|\\.{2,}|\u2026");
    private static final Pattern WORD_EDGES = Pattern.compile("^[\\p{Punct}\\p{IsPunctuation}\\s]+|[\\p{Punct}\\p{IsPunctuation}\\s]+$");

    /**
     * Negations, per analysed language: stop words in every stop list, but a name that drops one says the opposite.
     * Grammar, not vocabulary of any data set.
     */
    private static final Map<String, Set<String>> NEGATIONS = Map.of(
            "en", Set.of("no", "not", "nor", "never", "nothing", "none", "don't", "didn't", "doesn't", "can't", "cannot",
                    "won't", "isn't", "wasn't", "aren't", "weren't", "haven't", "hasn't", "hadn't", "couldn't", "wouldn't",
                    "shouldn't"),
            "sv", Set.of("inte", "ej", "aldrig", "ingen", "inget", "inga", "icke"),
            "da", Set.of("ikke", "aldrig", "ingen", "intet", "ingenting"),
            "nb", Set.of("ikke", "aldri", "ingen", "intet", "ingenting"),
            "de", Set.of("nicht", "kein", "keine", "keinen", "keinem", "keiner", "keines", "nie", "niemals", "nichts"),
            "nl", Set.of("niet", "geen", "nooit", "niets"),
            "fi", Set.of("ei", "en", "et", "emme", "ette", "eivät"),
            "fr", Set.of("ne", "pas", "jamais", "rien", "aucun", "aucune"),
            "es", Set.of("no", "nunca", "nada", "ningún", "ninguna", "ninguno"));

    private final TextAnalyzer analyzer;
    private final String preferredLanguage;

    public ProblemNamer(TextAnalyzer analyzer, String preferredLanguage) {
        this.analyzer = Objects.requireNonNull(analyzer, "analyzer");
        this.preferredLanguage = preferredLanguage == null || preferredLanguage.isBlank() ? "en"
                : preferredLanguage.strip().toLowerCase(Locale.ROOT);
    }

    /**
     * The background from document frequencies: {@code df} texts of {@code documents} contain the stem; {@code
     * languages} counts the collection's texts per language (stems are mostly the language's own, so a stem's share
     * among texts in its language is its share of all texts over the language's share; empty: not known, all texts).
     */
    public static Background background(java.util.function.ToLongFunction<String> df, long documents,
            Map<String, Long> languages) {
        long known = languages.values().stream().mapToLong(Long::longValue).sum();
        return (stem, language) -> {
            double share = (df.applyAsLong(stem) + 1.0) / (documents + 2.0);
            Long inLanguage = languages.get(language);
            if (known > 0 && inLanguage != null && inLanguage > 0) {
                share /= Math.max(0.01, (double) inLanguage / known);
            }
            return Math.min(1.0, share);
        };
    }

    /** Names a problem from (a sample of) its member texts; empty texts are ignored. */
    public Names name(List<Text> members, Background background) {
        var texts = members.stream().filter(t -> t != null && t.text() != null && !t.text().isBlank()).toList();
        if (texts.isEmpty()) {
            return new Names("(no texts)", preferredLanguage, Map.of());
        }
        var analysed = analyzer.analyzeAll(texts.stream().map(Text::text).toList(),
                texts.stream().map(Text::language).toList(), t -> false);
        var byLanguage = new LinkedHashMap<String, List<Integer>>();
        for (int i = 0; i < texts.size(); i++) {
            byLanguage.computeIfAbsent(analysed.get(i).language(), k -> new ArrayList<>()).add(i);
        }
        var languages = new ArrayList<>(byLanguage.keySet());
        languages.sort(Comparator.<String>comparingInt(l -> -byLanguage.get(l).size()).thenComparing(l -> l));
        var names = new LinkedHashMap<String, String>();
        for (String language : languages) {
            var idx = byLanguage.get(language);
            names.put(language, nameIn(language, idx.stream().map(i -> texts.get(i).text()).toList(),
                    idx.stream().map(analysed::get).toList(), background));
        }
        String chosen = names.containsKey(preferredLanguage) ? preferredLanguage : languages.getFirst();
        return new Names(names.get(chosen), chosen, names);
    }

    // ---- one language --------------------------------------------------------------------------------------------

    private record Candidate(String text, boolean redacted, int member, boolean question) {
    }

    private String nameIn(String language, List<String> texts, List<AnalyzedText> analysed, Background background) {
        int n = texts.size();
        // the problem's stems: in how many of its texts each occurs
        var count = new HashMap<String, Integer>();
        for (AnalyzedText a : analysed) {
            stems(a).forEach(s -> count.merge(s, 1, Integer::sum));
        }
        var weight = new HashMap<String, Double>();
        count.forEach((stem, c) -> {
            double p = (double) c / n;
            double q = Math.min(1.0, background.share(stem, language));
            weight.put(stem, p > q ? p * Math.log(p / q) : 0.0);
        });
        // a stem in under this share of the problem's texts belongs to one customer's story, not to the problem
        double own = n >= 5 ? 0.15 : 0.0;

        var candidates = new ArrayList<Candidate>();
        Locale locale = Locale.forLanguageTag(language);
        for (int m = 0; m < n; m++) {
            for (String sentence : sentences(texts.get(m), locale)) {
                boolean question = sentence.strip().endsWith("?");
                addCandidate(candidates, sentence, m, question);
                String[] clauses = CLAUSE.split(sentence);
                if (clauses.length > 1) {
                    for (String c : clauses) {
                        addCandidate(candidates, c, m, question);
                    }
                }
            }
        }
        if (candidates.isEmpty()) {
            return fallback(language, texts, analysed, weight);
        }
        var analysedCandidates = analyzer.analyzeAll(candidates.stream().map(Candidate::text).toList(),
                java.util.Collections.nCopies(candidates.size(), language), t -> false);
        // how many texts hold a clause with the same stems: the wording people repeat
        var support = new HashMap<Set<String>, Set<Integer>>();
        var keys = new ArrayList<Set<String>>(candidates.size());
        for (int i = 0; i < candidates.size(); i++) {
            Set<String> key = new TreeSet<>(stems(analysedCandidates.get(i)));
            keys.add(key);
            support.computeIfAbsent(key, k -> new HashSet<>()).add(candidates.get(i).member());
        }
        int best = -1;
        double bestScore = 0;
        for (int i = 0; i < candidates.size(); i++) {
            Set<String> key = keys.get(i);
            if (key.isEmpty()) {
                continue;
            }
            double content = 0;
            int owned = 0;
            for (String s : key) {
                double w = weight.getOrDefault(s, 0.0);
                content += w;
                if (w > 0 && (double) count.getOrDefault(s, 0) / n >= own) {
                    owned++;
                }
            }
            if (content <= 0) {
                continue;
            }
            Candidate c = candidates.get(i);
            double precision = (double) owned / key.size();
            double score = content * Math.sqrt(precision) * lengthPreference(words(c.text()).size())
                    * (1 + 0.5 * Math.log(support.get(key).size())) * (c.redacted() ? 0.7 : 1.0);
            if (score > bestScore || (score == bestScore && best >= 0 && c.text().length() < candidates.get(best).text().length())) {
                bestScore = score;
                best = i;
            }
        }
        if (best < 0) {
            return fallback(language, texts, analysed, weight);
        }
        String name = tidy(candidates.get(best), language);
        return name.isBlank() ? fallback(language, texts, analysed, weight) : name;
    }

    private static void addCandidate(List<Candidate> out, String raw, int member, boolean question) {
        String clean = PLACEHOLDER.matcher(raw).replaceAll(" ");
        boolean redacted = !clean.equals(raw);
        var kept = new ArrayList<String>();
        for (String w : clean.strip().split("\\s+")) {
            if (w.chars().anyMatch(Character::isDigit)) {
                redacted = true;
                continue;
            }
            if (!WORD_EDGES.matcher(w).replaceAll("").isEmpty()) {
                kept.add(w);
            }
        }
        String text = String.join(" ", kept);
        text = WORD_EDGES.matcher(text).replaceAll("");
        if (!text.isBlank()) {
            out.add(new Candidate(text, redacted, member, question));
        }
    }

    private static double lengthPreference(int words) {
        if (words <= 1) {
            return 0.25;
        }
        if (words == 2) {
            return 0.6;
        }
        if (words <= 8) {
            return 1.0;
        }
        if (words <= MAX_WORDS) {
            return 0.9;
        }
        return Math.max(0.2, 0.9 - 0.08 * (words - MAX_WORDS));
    }

    /** The single-word stems of an analysed text (no pairs, no concepts). */
    private static Set<String> stems(AnalyzedText a) {
        var out = new HashSet<String>();
        for (String t : a.terms()) {
            if (t.indexOf(' ') < 0 && !t.startsWith("~")) {
                out.add(t);
            }
        }
        return out;
    }

    private static List<String> sentences(String text, Locale locale) {
        String clean = text.replaceAll("\\s+", " ").strip();
        var out = new ArrayList<String>();
        BreakIterator it = BreakIterator.getSentenceInstance(locale);
        it.setText(clean);
        for (int start = it.first(), end = it.next(); end != BreakIterator.DONE; start = end, end = it.next()) {
            String s = clean.substring(start, end).strip();
            if (!s.isEmpty()) {
                out.add(s);
            }
        }
        return out;
    }

    private static List<String> words(String text) {
        return text.isBlank() ? List.of() : List.of(text.strip().split("\\s+"));
    }

    // ---- tidying -------------------------------------------------------------------------------------------------

    private String tidy(Candidate c, String language) {
        List<String> words = new ArrayList<>(words(c.text()));
        boolean[] stop = stopWords(words, language);
        Set<String> negations = NEGATIONS.getOrDefault(language, Set.of());
        int from = 0;
        // A verb-first question ("Can you ...", "Kan ni ...", "Können Sie ..."): the request is what follows.
        if (c.question() && words.size() >= 5 && !stop[0] && stop[1] && !isNegation(words.get(1), negations)
                && !isNegation(words.get(0), negations)) {
            from = 2;
        }
        // Leading function words ("I was", "the", "and"), never a negation, keeping at least three words. In a
        // question only a whole run of at least two ("How do I" change my pin): "Why" or "How" alone is what asks
        // ("Why is my card declined", "How long do transfers take").
        int run = from;
        while (run < words.size() && stop[run] && !isNegation(words.get(run), negations)) {
            run++;
        }
        if (!c.question()) {
            while (from < run && words.size() - from > 3) {
                from++;
            }
        } else if (run - from >= 2 && words.size() - run >= 3 && (run == words.size() || !stop[run])) {
            from = run;
        }
        int to = words.size();
        if (to - from > MAX_WORDS) {
            // cut before a function word (a phrase boundary), as late as possible, leaving at least three words
            int cut = from + MAX_WORDS;
            for (int k = from + MAX_WORDS; k >= from + 3; k--) {
                if (k < words.size() && stop[k] && !isNegation(words.get(k), negations)) {
                    cut = k;
                    break;
                }
            }
            to = cut;
        }
        // trailing function words
        while (to - from > 1 && stop[to - 1]) {
            to--;
        }
        String name = String.join(" ", words.subList(from, to));
        name = WORD_EDGES.matcher(name).replaceAll("");
        if (name.isEmpty()) {
            return "";
        }
        name = name.substring(0, name.offsetByCodePoints(0, 1)).toUpperCase(Locale.forLanguageTag(language))
                + name.substring(name.offsetByCodePoints(0, 1));
        return name.length() <= MAX_CHARS ? name : name.substring(0, MAX_CHARS);
    }

    /** Whether each word is a function word of the language: the analyzer finds no stem in it. */
    private boolean[] stopWords(List<String> words, String language) {
        var analysed = analyzer.analyzeAll(words.stream().map(w -> WORD_EDGES.matcher(w).replaceAll("")).toList(),
                java.util.Collections.nCopies(words.size(), language), t -> false);
        boolean[] stop = new boolean[words.size()];
        for (int i = 0; i < stop.length; i++) {
            stop[i] = stems(analysed.get(i)).isEmpty();
        }
        return stop;
    }

    private static boolean isNegation(String word, Set<String> negations) {
        String w = WORD_EDGES.matcher(word).replaceAll("").toLowerCase(Locale.ROOT).replace('\u2019', '\'');
        return negations.contains(w) || w.endsWith("n't");
    }

    /** No clause holds a weighted stem: the weightiest text's weightiest words, in text order. */
    private String fallback(String language, List<String> texts, List<AnalyzedText> analysed, Map<String, Double> weight) {
        int best = 0;
        double bestWeight = -1;
        for (int i = 0; i < analysed.size(); i++) {
            double w = stems(analysed.get(i)).stream().mapToDouble(s -> weight.getOrDefault(s, 0.0)).sum();
            if (w > bestWeight) {
                bestWeight = w;
                best = i;
            }
        }
        var candidates = new ArrayList<Candidate>();
        addCandidate(candidates, texts.get(best), best, false);
        if (candidates.isEmpty()) {
            return "(no readable words)";
        }
        List<String> words = words(candidates.getFirst().text());
        boolean[] stop = stopWords(words, language);
        var kept = new ArrayList<String>();
        for (int i = 0; i < words.size() && kept.size() < 6; i++) {
            if (!stop[i]) {
                kept.add(WORD_EDGES.matcher(words.get(i)).replaceAll(""));
            }
        }
        if (kept.isEmpty()) {
            return "(no readable words)";
        }
        String name = String.join(" ", kept);
        name = name.substring(0, 1).toUpperCase(Locale.forLanguageTag(language)) + name.substring(1);
        return name.length() <= MAX_CHARS ? name : name.substring(0, MAX_CHARS);
    }
}
