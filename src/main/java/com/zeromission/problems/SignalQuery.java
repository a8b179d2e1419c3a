package com.zeromission.problems;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

import com.zeromission.intake.Channel;
import com.zeromission.intake.JourneyStage;
import com.zeromission.intake.SignalSubmission;
import com.zeromission.markets.Market;
import com.zeromission.markets.Product;
import com.zeromission.privacy.TextMasker;

/**
 * A search over the stored (masked) signal texts: words that must each begin a word of the text (case-insensitive,
 * so "faktura" finds "Fakturan" and "invoice" finds "invoices"; an inflected word is searched by its stem, see
 * {@link #prefixes()}), and filters, all optional. Signals come newest first,
 * {@code size} per page; {@code page} counts from 1. {@code from} and {@code to} are days in UTC, both included.
 */
public record SignalQuery(String text, Market market, String product, Channel channel, JourneyStage journeyStage,
        LocalDate from, LocalDate to, Long problemId, int page, int size) {

    public static final int DEFAULT_SIZE = 50;
    public static final int MAX_SIZE = 200;
    public static final int MAX_WORDS = 10;
    public static final int MAX_TEXT = 200;
    /** Pages beyond this are refused: nobody pages through 100,000 texts; narrow the search instead. */
    public static final int MAX_PAGE = 10_000;

    private static final TextMasker MASKER = TextMasker.standard();

    public SignalQuery {
        text = text == null || text.isBlank() ? null : text.strip().replaceAll("\\s+", " ");
        if (text != null && text.length() > MAX_TEXT) {
            throw new IllegalArgumentException("q must be at most " + MAX_TEXT + " characters, was " + text.length());
        }
        product = product == null || product.isBlank() ? null : SignalSubmission.slug(product);
        if (from != null && to != null && from.isAfter(to)) {
            throw new IllegalArgumentException("from " + from + " is after to " + to);
        }
        if (problemId != null && problemId <= 0) {
            throw new IllegalArgumentException("problem must be a positive whole number, was " + problemId);
        }
        if (page < 1 || page > MAX_PAGE) {
            throw new IllegalArgumentException("page must be between 1 and " + MAX_PAGE + ", was " + page);
        }
        if (size < 1 || size > MAX_SIZE) {
            throw new IllegalArgumentException("size must be between 1 and " + MAX_SIZE + ", was " + size);
        }
        if (text != null && words(text).size() > MAX_WORDS) {
            throw new IllegalArgumentException("q may have at most " + MAX_WORDS + " words, had " + words(text).size());
        }
    }

    /** Every signal of one problem, newest first. */
    public static SignalQuery ofProblem(long problemId, int page, int size) {
        return new SignalQuery(null, null, null, null, null, null, null, problemId, page, size);
    }

    /** The query's words: lower case, split at anything that is neither a letter nor a digit, each once. */
    public List<String> words() {
        return text == null ? List.of() : words(text);
    }

    /**
     * What each word is searched as: its Snowball stem in the supported languages (sv, en, nl, de, da, nb, fi, fr, es)
     * that removes the least (the longest stem shorter than the word) among those that still begin the word and have
     * at least {@link #MIN_PREFIX} letters; else the word itself. So an inflected query finds the other forms too:
     * "fakturor" searches "faktur" (faktura, fakturan), "invoices" "invoic" (invoice), "delivered" "deliver"
     * (delivery), "Rechnungen" "rechnung". The query's language is not known, so every language's stemmer is asked;
     * the least removal keeps another language's stemmer from cutting a word short. A stem that changes letters
     * ("bücher" to "buch") does not begin the word and is not used.
     */
    public List<String> prefixes() {
        var prefixes = new LinkedHashSet<String>();
        for (String word : words()) {
            prefixes.add(prefix(word));
        }
        return List.copyOf(prefixes);
    }

    /** The least length of a stem used as a search prefix. */
    public static final int MIN_PREFIX = 4;

    private static final List<java.util.function.Supplier<org.tartarus.snowball.SnowballStemmer>> STEMMERS = List.of(
            org.tartarus.snowball.ext.SwedishStemmer::new, org.tartarus.snowball.ext.EnglishStemmer::new,
            org.tartarus.snowball.ext.DutchStemmer::new, org.tartarus.snowball.ext.GermanStemmer::new,
            org.tartarus.snowball.ext.DanishStemmer::new, org.tartarus.snowball.ext.NorwegianStemmer::new,
            org.tartarus.snowball.ext.FinnishStemmer::new, org.tartarus.snowball.ext.FrenchStemmer::new,
            org.tartarus.snowball.ext.SpanishStemmer::new);

    static String prefix(String word) {
        String best = null;
        for (var make : STEMMERS) {
            var stemmer = make.get();
            stemmer.setCurrent(word);
            stemmer.stem();
            String stem = stemmer.getCurrent();
            if (stem.length() >= MIN_PREFIX && stem.length() < word.length() && word.startsWith(stem)
                    && (best == null || stem.length() > best.length())) {
                best = stem;
            }
        }
        return best == null ? word : best;
    }

    static List<String> words(String text) {
        var words = new LinkedHashSet<String>();
        for (String w : text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
            if (!w.isEmpty()) {
                words.add(w);
            }
        }
        return List.copyOf(words);
    }

    /** The same search, on another page. */
    public SignalQuery withPage(int page) {
        return new SignalQuery(text, market, product, channel, journeyStage, from, to, problemId, page, size);
    }

    /** One parameter that could not be read: its name in the API, a label for people, its value (masked) and why. */
    public record Violation(String parameter, String label, String value, String reason) {
        /** In plain words, for a page: "From date '2026-13-01' is not a date like 2026-01-31." */
        public String sentence() {
            if (value != null && reason.contains("'" + value + "'")) {
                // the reason names the value itself ("unknown market 'UK'; …"): it is the sentence
                return Character.toUpperCase(reason.charAt(0)) + reason.substring(1) + ".";
            }
            return label + (value == null ? "" : " '" + value + "'") + " " + reason + ".";
        }
    }

    /** Search parameters that could not be read; nothing was searched. Values in it are masked. */
    public static class InvalidSignalQueryException extends IllegalArgumentException {
        private final List<Violation> violations;

        public InvalidSignalQueryException(List<Violation> violations) {
            super(String.join("; ", violations.stream().map(v -> v.parameter() + (v.value() == null ? "" : " '"
                    + v.value() + "'") + ": " + v.reason()).toList()));
            this.violations = List.copyOf(violations);
        }

        public List<Violation> violations() {
            return violations;
        }
    }

    /**
     * Reads a search from request parameters as typed (all optional: blank means no filter). Every parameter that
     * cannot be read is reported at once, by name, with its value masked.
     */
    public static SignalQuery parse(String q, String market, String product, String channel, String journeyStage,
            String from, String to, String problem, String page, String size) {
        var errors = new ArrayList<Violation>();
        if (q != null && q.strip().length() > MAX_TEXT) {
            errors.add(new Violation("q", "Search text", shown(q), "is longer than " + MAX_TEXT + " characters"));
        } else if (q != null && !q.isBlank() && words(q).size() > MAX_WORDS) {
            errors.add(new Violation("q", "Search text", shown(q), "has more than " + MAX_WORDS + " words"));
        }
        Market m = null;
        if (present(market)) {
            try {
                m = Market.of(market);
            } catch (IllegalArgumentException e) {
                // the vocabulary's own words, as at every other entry point (they quote the value, masked below)
                errors.add(new Violation("market", "Market", shown(market), MASKER.mask(e.getMessage()).text()));
            }
        }
        if (present(product)) {
            try {
                Product.of(product);
            } catch (IllegalArgumentException e) {
                errors.add(new Violation("product", "Product", shown(product), MASKER.mask(e.getMessage()).text()));
            }
        }
        Channel c = null;
        if (present(channel)) {
            try {
                c = Channel.parse(channel);
            } catch (IllegalArgumentException e) {
                errors.add(new Violation("channel", "Channel", shown(channel), "is not a channel: use one of " + Channel.allowed()));
            }
        }
        JourneyStage j = null;
        if (present(journeyStage)) {
            try {
                j = JourneyStage.parse(journeyStage);
            } catch (IllegalArgumentException e) {
                errors.add(new Violation("journeyStage", "Journey stage", shown(journeyStage),
                        "is not a journey stage: use one of " + JourneyStage.allowed()));
            }
        }
        LocalDate f = date(errors, "from", "From date", from), t = date(errors, "to", "To date", to);
        if (f != null && t != null && f.isAfter(t)) {
            errors.add(new Violation("to", "To date", t.toString(), "is before the from date " + f));
        }
        Long p = null;
        if (present(problem)) {
            long n = number(problem);
            if (n < 1) {
                errors.add(new Violation("problem", "Problem", shown(problem), "is not a problem number such as 12"));
            } else {
                p = n;
            }
        }
        int pg = 1, sz = DEFAULT_SIZE;
        if (present(page)) {
            long n = number(page);
            if (n < 1 || n > MAX_PAGE) {
                errors.add(new Violation("page", "Page", shown(page), "is not a page number from 1 to " + MAX_PAGE));
            } else {
                pg = (int) n;
            }
        }
        if (present(size)) {
            long n = number(size);
            if (n < 1 || n > MAX_SIZE) {
                errors.add(new Violation("size", "Page size", shown(size), "is not a whole number from 1 to " + MAX_SIZE));
            } else {
                sz = (int) n;
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidSignalQueryException(errors);
        }
        return new SignalQuery(q, m, product, c, j, f, t, p, pg, sz);
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }

    /** A whole number, or -1. */
    private static long number(String value) {
        try {
            return Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static @Nullable LocalDate date(List<Violation> errors, String name, String label, String value) {
        if (!present(value)) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            errors.add(new Violation(name, label, shown(value), "is not a date like 2026-01-31"));
            return null;
        }
    }

    /** A value echoed back: masked, on one line, at most 60 characters. */
    static String shown(String value) {
        String v = MASKER.mask(value).text().replaceAll("\\s+", " ").strip();
        return v.length() <= 60 ? v : v.substring(0, 60) + "…";
    }
}
