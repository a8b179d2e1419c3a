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
 * <p>How, per language of the problem's texts (each distinct text analysed once, counted as often as it occurs):
 * <ol>
 * <li>Each text is split into sentences ({@link BreakIterator} for the language, and at sentence punctuation before a
 * lower-case word) and each sentence into clauses at punctuation; a text's short opening before a comma ("Hi Anna,",
 * "Hejsan,") is left out. Sentences and clauses are the candidates, cleaned of placeholders ({@code [EMAIL]}, ...),
 * of words with digits (amounts, order numbers, dates) and of the units after them. Each clause is analysed once.
 * <li>Every word stem gets a weight for this problem, {@code p · ln(p / q)}: {@code p} the share of the problem's
 * texts in the language that contain it, {@code q} its share of the collection's texts in that language (the
 * grouper's document frequencies over the language's share); 0 unless at least {@link #MIN_LIFT} times more common
 * here. Greetings, sign-offs, "please help" and "this is ridiculous" are as common in every problem, so they weigh
 * nothing; the problem's own words weigh most. The lexicon's concepts are weighted the same way over all the
 * problem's texts, in every language, so a language with few texts still finds the clause that says what the whole
 * problem says.
 * <li>A candidate scores by the weight of the stems and concepts it holds, times the square root of the share of its
 * stems that are the problem's own (in at least 15 % of its texts: one customer's details are not the problem), times
 * a preference for 3-8 words, times {@code 1 + ln(texts with a clause of the same stems) / 2} (wordings people
 * repeat), times 0.3 when personal data was in it ("call me on [PHONE]") or 0.7 when numbers were.
 * <li>The best one is tidied: a verb-first question's "Can you" goes; outside questions leading function words go
 * (never a negation, keeping three words); a clause longer than {@link #MAX_WORDS} words is cut at its last comma, else
 * before a function word, and loses generic words at the end; trailing function words go where the clause was cut or
 * lost a number; unbalanced quotes go; SHOUTING is lower-cased; the first letter is capitalised. A name of one word
 * gives way to the next candidate.
 * </ol>
 * When no candidate holds a weighted stem the name is the weightiest text's content words in text order (at most six).
 *
 * <p>The name is the one in the preferred language when at least {@link #PREFERRED_MIN_TEXTS} and {@link
 * #PREFERRED_MIN_SHARE} of the texts are in it (or as many as in any other), else in the most frequent language; the
 * names in every language are kept as its variants. Pure logic: the analyzer gives stems, concepts and stop words for
 * each language; nothing here knows a data set's words (the only word lists are the negations, which are grammar).
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
     * @param texts      how many of the texts named from are in each language, most first
     */
    public record Names(String name, String language, Map<String, String> byLanguage, Map<String, Integer> texts) {
        public Names {
            Objects.requireNonNull(name, "name");
            byLanguage = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(byLanguage));
            texts = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(texts));
        }
    }

    /**
     * The preferred language names a problem when at least this share of its texts, and at least {@link
     * #PREFERRED_MIN_TEXTS}, are in it (or as many as in any other language): a name chosen from one or two texts of a large problem in other languages is a stray text's, not the
     * problem's.
     */
    public static final double PREFERRED_MIN_SHARE = 0.05;
    public static final int PREFERRED_MIN_TEXTS = 3;

    /**
     * A feature counts for a problem only when at least this many times more common in it than in the collection:
     * "thanks" in a third of a problem's texts and a fifth of all is everyone's, not the problem's.
     */
    static final double MIN_LIFT = 1.5;

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
            Long inLanguage = language == null ? null : languages.get(language);
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
            return new Names("(no texts)", preferredLanguage, Map.of(), Map.of());
        }
        // Each distinct text once, with how often it occurs: templates and copies are analysed once.
        var byLanguage = new LinkedHashMap<String, LinkedHashMap<String, Integer>>();
        for (Text t : texts) {
            byLanguage.computeIfAbsent(languageOf(t), k -> new LinkedHashMap<>()).merge(t.text(), 1, Integer::sum);
        }
        var parsed = new LinkedHashMap<String, Parsed>();
        byLanguage.forEach((language, distinct) -> parsed.put(language, parse(language, distinct)));
        // Concepts of the lexicon are shared by the languages: weighted over all the problem's texts, they tell which
        // clause of a language with few texts says what the whole problem says.
        var conceptCounts = new HashMap<String, Integer>();
        parsed.values().forEach(p -> p.countFeatures(p.pieceConcepts, conceptCounts));
        var concepts = weights(conceptCounts, texts.size(), background, null);
        var languages = new ArrayList<>(byLanguage.keySet());
        languages.sort(Comparator.<String>comparingInt(l -> -parsed.get(l).size).thenComparing(l -> l));
        var names = new LinkedHashMap<String, String>();
        var counts = new LinkedHashMap<String, Integer>();
        for (String language : languages) {
            counts.put(language, parsed.get(language).size);
            names.put(language, nameIn(parsed.get(language), background, concepts));
        }
        int preferred = counts.getOrDefault(preferredLanguage, 0);
        boolean usePreferred = preferred > 0 && ((preferred >= PREFERRED_MIN_TEXTS
                && preferred >= PREFERRED_MIN_SHARE * texts.size()) || preferred == counts.get(languages.getFirst()));
        String chosen = usePreferred ? preferredLanguage : languages.getFirst();
        return new Names(names.get(chosen), chosen, names, counts);
    }

    /** The text's language as given (ISO 639-1 or a tag; "no" is Bokmål) when analysed here, else detected. */
    private String languageOf(Text t) {
        return analyzer.supportedLanguage(t.language()).orElseGet(() -> analyzer.detectLanguage(t.text()));
    }

    /**
     * Each feature's weight for the problem, {@code p ln(p / q)}: {@code p} its share of the problem's {@code n}
     * texts, {@code q} its share of the collection's (in the language; null: of all texts); 0 unless at least {@link
     * #MIN_LIFT} times more common here.
     */
    private static Map<String, Double> weights(Map<String, Integer> count, int n, Background background, String language) {
        var weight = new HashMap<String, Double>();
        count.forEach((x, c) -> {
            double p = (double) c / n;
            double q = Math.min(1.0, background.share(x, language));
            weight.put(x, p >= MIN_LIFT * q ? p * Math.log(p / q) : 0.0);
        });
        return weight;
    }

    // ---- one language --------------------------------------------------------------------------------------------

    /**
     * A clause or sentence to name by, made of {@code pieces} (clauses, analysed once each). {@code redacted}: words
     * with digits were left out; {@code personal}: personal data was there ("call me on [PHONE]" is about reaching
     * one customer, not about the problem). {@code member}: the distinct text it is from.
     */
    private record Candidate(String text, boolean redacted, boolean personal, int member, boolean question, int[] pieces) {
    }

    /** A language's distinct texts cut into clauses, each clause analysed once. */
    private final class Parsed {
        final String language;
        final List<String> texts;
        final int[] multiplicity;
        final int size;
        final List<Candidate> candidates = new ArrayList<>();
        final List<int[]> textPieces = new ArrayList<>();
        final List<Set<String>> pieceStems = new ArrayList<>();
        final List<Set<String>> pieceConcepts = new ArrayList<>();

        Parsed(String language, Map<String, Integer> distinct) {
            this.language = language;
            this.texts = List.copyOf(distinct.keySet());
            this.multiplicity = distinct.values().stream().mapToInt(Integer::intValue).toArray();
            this.size = java.util.Arrays.stream(multiplicity).sum();
        }

        /** Adds, for every text (as often as it occurs), each feature of its clauses once. */
        void countFeatures(List<Set<String>> perPiece, Map<String, Integer> counts) {
            for (int m = 0; m < texts.size(); m++) {
                var seen = new HashSet<String>();
                for (int piece : textPieces.get(m)) {
                    seen.addAll(perPiece.get(piece));
                }
                int times = multiplicity[m];
                seen.forEach(x -> counts.merge(x, times, Integer::sum));
            }
        }

        Set<String> union(List<Set<String>> perPiece, int[] pieces) {
            var out = new TreeSet<String>();
            for (int piece : pieces) {
                out.addAll(perPiece.get(piece));
            }
            return out;
        }
    }

    private Parsed parse(String language, Map<String, Integer> distinct) {
        var parsed = new Parsed(language, distinct);
        var pieces = new LinkedHashMap<String, Integer>();
        Locale locale = Locale.forLanguageTag(language);
        for (int m = 0; m < parsed.texts.size(); m++) {
            var ofText = new ArrayList<Integer>();
            boolean first = true;
            for (String sentence : sentences(parsed.texts.get(m), locale)) {
                boolean question = sentence.strip().endsWith("?");
                String[] clauses = CLAUSE.split(sentence);
                if (first && clauses.length > 1 && words(clauses[0]).size() <= 2) {
                    // a text's short opening before a comma is how it addresses someone ("Hi Anna,", "Hejsan,",
                    // "God morgen,"): the sentence starts after it
                    sentence = sentence.substring(sentence.indexOf(clauses[0]) + clauses[0].length()).replaceFirst("^\\W+", "");
                    clauses = java.util.Arrays.copyOfRange(clauses, 1, clauses.length);
                }
                first = false;
                var ofSentence = new ArrayList<Integer>();
                var clauseCandidates = new ArrayList<Candidate>();
                for (String clause : clauses) {
                    Candidate c = candidate(clause, m, question, null);
                    if (c != null) {
                        int piece = pieces.computeIfAbsent(c.text(), k -> pieces.size());
                        ofSentence.add(piece);
                        clauseCandidates.add(new Candidate(c.text(), c.redacted(), c.personal(), m, question, new int[] {piece}));
                    }
                }
                int[] all = ofSentence.stream().mapToInt(Integer::intValue).toArray();
                Candidate whole = candidate(sentence, m, question, all);
                if (whole != null && all.length > 0) {
                    parsed.candidates.add(whole);
                }
                if (clauseCandidates.size() > 1) {
                    parsed.candidates.addAll(clauseCandidates);
                }
                ofText.addAll(ofSentence);
            }
            parsed.textPieces.add(ofText.stream().mapToInt(Integer::intValue).toArray());
        }
        var analysed = analyzer.analyzeAll(List.copyOf(pieces.keySet()), java.util.Collections.nCopies(pieces.size(), language),
                t -> false);
        for (AnalyzedText a : analysed) {
            parsed.pieceStems.add(stems(a));
            parsed.pieceConcepts.add(concepts(a));
        }
        return parsed;
    }

    private String nameIn(Parsed parsed, Background background, Map<String, Double> concepts) {
        String language = parsed.language;
        int n = parsed.size;
        var count = new HashMap<String, Integer>();
        parsed.countFeatures(parsed.pieceStems, count);
        var weight = weights(count, n, background, language);
        // a stem in under this share of the problem's texts belongs to one customer's story, not to the problem
        double own = n >= 5 ? 0.15 : 0.0;
        var candidates = parsed.candidates;
        // how many texts hold a clause with the same stems: the wording people repeat
        var support = new HashMap<Set<String>, Set<Integer>>();
        var keys = new ArrayList<Set<String>>(candidates.size());
        for (Candidate c : candidates) {
            Set<String> key = parsed.union(parsed.pieceStems, c.pieces());
            keys.add(key);
            support.computeIfAbsent(key, k -> new HashSet<>()).add(c.member());
        }
        var scores = new double[candidates.size()];
        var ranked = new ArrayList<Integer>();
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
            Candidate c = candidates.get(i);
            for (String concept : parsed.union(parsed.pieceConcepts, c.pieces())) {
                content += concepts.getOrDefault(concept, 0.0);
            }
            if (content <= 0) {
                continue;
            }
            int repeated = support.get(key).stream().mapToInt(m -> parsed.multiplicity[m]).sum();
            double precision = (double) owned / key.size();
            scores[i] = content * Math.sqrt(precision) * lengthPreference(words(c.text()).size())
                    * (1 + 0.5 * Math.log(repeated)) * (c.personal() ? 0.3 : c.redacted() ? 0.7 : 1.0);
            ranked.add(i);
        }
        ranked.sort(Comparator.<Integer>comparingDouble(i -> -scores[i])
                .thenComparingInt(i -> candidates.get(i).text().length()).thenComparingInt(i -> i));
        // Of the clauses with the same stems, the wording most texts use: the one without a typo or a missing quote.
        var wordings = new HashMap<String, Integer>();
        for (Candidate c : candidates) {
            wordings.merge(c.text(), parsed.multiplicity[c.member()], Integer::sum);
        }
        var canonical = new HashMap<Set<String>, Integer>();
        for (int i : ranked) {
            canonical.merge(keys.get(i), i, (a, b) -> wordings.get(candidates.get(b).text())
                    > wordings.get(candidates.get(a).text()) ? b : a);
        }
        // the best that still reads as a name after tidying: two words at least
        String first = null;
        var tried = new HashSet<Integer>();
        for (int best : ranked.subList(0, Math.min(ranked.size(), 8))) {
            int i = canonical.get(keys.get(best));
            if (!tried.add(i)) {
                continue;
            }
            String name = tidy(candidates.get(i), language, weight);
            if (first == null && !name.isBlank()) {
                first = name;
            }
            if (words(name).size() >= 2) {
                return name;
            }
        }
        return first != null ? first : fallback(parsed, weight);
    }

    /** The clause cleaned of placeholders, words with digits and their units; null when nothing is left. */
    private static Candidate candidate(String raw, int member, boolean question, int[] pieces) {
        String clean = PLACEHOLDER.matcher(raw).replaceAll(" ");
        boolean personal = !clean.equals(raw);
        boolean redacted = personal;
        var kept = new ArrayList<String>();
        boolean afterNumber = false;
        for (String w : clean.strip().split("\\s+")) {
            String bare = WORD_EDGES.matcher(w).replaceAll("");
            if (w.chars().anyMatch(Character::isDigit)) {
                redacted = true;
                afterNumber = true;
                // its closing punctuation stays with the word before ("Instant Pay 3", -> "Instant Pay",)
                int end = w.length();
                while (end > 0 && !Character.isLetterOrDigit(w.charAt(end - 1))) {
                    end--;
                }
                if (end < w.length() && !kept.isEmpty()) {
                    kept.set(kept.size() - 1, kept.getLast() + w.substring(end));
                }
                continue;
            }
            if (afterNumber && bare.length() <= 3) {
                afterNumber = false;
                continue; // the unit or currency of the number left out ("60 kr", "5 e", "20 EUR")
            }
            afterNumber = false;
            if (!bare.isEmpty()) {
                kept.add(w);
            }
        }
        String text = WORD_EDGES.matcher(String.join(" ", kept)).replaceAll("");
        return text.isBlank() ? null : new Candidate(text, redacted, personal, member, question, pieces);
    }

    private static double lengthPreference(int words) {
        if (words <= 1) {
            return 0.1;
        }
        if (words == 2) {
            return 0.5;
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

    /** The lexicon concepts of an analysed text. */
    private static Set<String> concepts(AnalyzedText a) {
        var out = new HashSet<String>();
        for (String t : a.terms()) {
            if (t.startsWith("~")) {
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
            // also where a sentence ends without the next one starting with a capital ("... arrived. please remove")
            for (String s : clean.substring(start, end).split("(?<=[.!?])\\s+")) {
                if (!s.isBlank()) {
                    out.add(s.strip());
                }
            }
        }
        return out;
    }

    private static List<String> words(String text) {
        return text.isBlank() ? List.of() : List.of(text.strip().split("\\s+"));
    }

    // ---- tidying -------------------------------------------------------------------------------------------------

    private String tidy(Candidate c, String language, Map<String, Double> weight) {
        List<String> words = new ArrayList<>(words(c.text()));
        var analysedWords = analyzeWords(words, language);
        boolean[] stop = new boolean[words.size()];
        double[] wordWeight = new double[words.size()];
        for (int i = 0; i < stop.length; i++) {
            var st = stems(analysedWords.get(i));
            stop[i] = st.isEmpty();
            wordWeight[i] = st.stream().mapToDouble(x -> weight.getOrDefault(x, 0.0)).max().orElse(0);
        }
        Set<String> negations = NEGATIONS.getOrDefault(language, Set.of());
        int from = 0;
        // A verb-first question ("Can you ...", "Kan ni ...", "Können Sie ..."): the request is what follows.
        // Only when a content word follows ("Can you send ..."), not a third function word ("Warum soll ich ...").
        if (c.question() && words.size() >= 5 && !stop[0] && stop[1] && !stop[2] && !isNegation(words.get(1), negations)
                && !isNegation(words.get(0), negations)) {
            from = 2;
        }
        // Leading function words ("I was", "the", "and"), never a negation, keeping at least three words. Not in a
        // question: "Why", "How" or "Warum soll ich" is what asks ("Why is my card declined").
        if (!c.question()) {
            while (from < words.size() && stop[from] && !isNegation(words.get(from), negations) && words.size() - from > 3) {
                from++;
            }
        }
        int to = words.size();
        if (to - from > MAX_WORDS) {
            // cut at the last comma that leaves at least three words; else before a function word (a phrase
            // boundary), as late as possible; then no generic word dangles at the end ("... bezahlt und möchte")
            int cut = -1;
            for (int k = from + MAX_WORDS; k >= from + 3 && cut < 0; k--) {
                if (words.get(k - 1).endsWith(",") || words.get(k - 1).endsWith(";")) {
                    cut = k;
                }
            }
            for (int k = from + MAX_WORDS; k >= from + 3 && cut < 0; k--) {
                if (stop[k] && !isNegation(words.get(k), negations)) {
                    cut = k;
                }
            }
            to = cut < 0 ? from + MAX_WORDS : cut;
            while (to - from > 3 && (stop[to - 1] || wordWeight[to - 1] == 0)) {
                to--;
            }
        }
        // trailing function words where the clause was cut or lost a number ("... fee of" 60 kr); a clause that
        // ends with one keeps it ("... fed up")
        while (to - from > 1 && stop[to - 1] && (to < words.size() || c.redacted() || words.get(to - 1).matches(".*[,;:]"))) {
            to--;
        }
        String name = String.join(" ", words.subList(from, to));
        name = WORD_EDGES.matcher(name).replaceAll("");
        if (name.isEmpty()) {
            return "";
        }
        name = name.replaceAll("[\u201c\u201d\u201e\u00ab\u00bb]", "\""); // one kind of double quote: texts mix them
        for (String pair : List.of("\"\"", "()")) {
            // a quotation or bracket the cut left open
            long open = name.chars().filter(ch -> ch == pair.charAt(0)).count();
            long close = name.chars().filter(ch -> ch == pair.charAt(1)).count();
            if (pair.charAt(0) == pair.charAt(1) ? open % 2 == 1 : open != close) {
                name = name.replace(String.valueOf(pair.charAt(0)), "").replace(String.valueOf(pair.charAt(1)), "").strip();
            }
        }
        if (name.isEmpty()) {
            return "";
        }
        long letters = name.codePoints().filter(Character::isLetter).count();
        long upper = name.codePoints().filter(Character::isUpperCase).count();
        if (letters >= 8 && upper > 0.8 * letters) {
            name = name.toLowerCase(Locale.forLanguageTag(language)); // SHOUTED: written as a sentence
        }
        name = name.substring(0, name.offsetByCodePoints(0, 1)).toUpperCase(Locale.forLanguageTag(language))
                + name.substring(name.offsetByCodePoints(0, 1));
        return name.length() <= MAX_CHARS ? name : name.substring(0, MAX_CHARS);
    }

    private List<AnalyzedText> analyzeWords(List<String> words, String language) {
        return analyzer.analyzeAll(words.stream().map(w -> WORD_EDGES.matcher(w).replaceAll("")).toList(),
                java.util.Collections.nCopies(words.size(), language), t -> false);
    }

    private static boolean isNegation(String word, Set<String> negations) {
        String w = WORD_EDGES.matcher(word).replaceAll("").toLowerCase(Locale.ROOT).replace('\u2019', '\'');
        return negations.contains(w) || w.endsWith("n't");
    }

    /** No clause holds a weighted stem: the weightiest text's weightiest words, in text order. */
    private String fallback(Parsed parsed, Map<String, Double> weight) {
        String language = parsed.language;
        int best = -1;
        double bestWeight = -1;
        for (int m = 0; m < parsed.texts.size(); m++) {
            double w = parsed.union(parsed.pieceStems, parsed.textPieces.get(m)).stream()
                    .mapToDouble(x -> weight.getOrDefault(x, 0.0)).sum();
            if (w > bestWeight && candidate(parsed.texts.get(m), m, false, null) != null) {
                bestWeight = w;
                best = m;
            }
        }
        if (best < 0) {
            return "(no readable words)";
        }
        List<String> words = words(candidate(parsed.texts.get(best), best, false, null).text());
        var analysed = analyzeWords(words, language);
        var content = new ArrayList<String>();
        var weighty = new ArrayList<String>();
        for (int i = 0; i < words.size(); i++) {
            var st = stems(analysed.get(i));
            String word = WORD_EDGES.matcher(words.get(i)).replaceAll("");
            if (!st.isEmpty()) {
                content.add(word);
                if (st.stream().anyMatch(x -> weight.getOrDefault(x, 0.0) > 0)) {
                    weighty.add(word);
                }
            }
        }
        var kept = (weighty.size() >= 2 ? weighty : content).stream().limit(6).toList();
        if (kept.isEmpty()) {
            return "(no readable words)";
        }
        String name = String.join(" ", kept);
        name = name.substring(0, 1).toUpperCase(Locale.forLanguageTag(language)) + name.substring(1);
        return name.length() <= MAX_CHARS ? name : name.substring(0, MAX_CHARS);
    }
}
