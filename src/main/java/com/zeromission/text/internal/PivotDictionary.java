package com.zeromission.text.internal;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Word-by-word translation into a pivot language (English) with bilingual dictionaries in the dictd format that
 * FreeDict publishes (the distribution packages them as {@code dict-freedict-*}, installed under
 * {@code /usr/share/dictd}). A Swedish and a German complaint about the same reminder fee share no words, but both
 * translate to "reminder" and "fee": that is what lets texts in different languages land in the same problem.
 *
 * <p>The dictionaries are GPL-licensed: they are read from the directory at run time and never bundled with the
 * product. Missing files just mean fewer translations (a warning says which).
 *
 * <p>Matching: a dictionary's headwords are base forms and texts are inflected, so both sides are reduced with the
 * language's Snowball stemmer and matched on stems ("fakturan" and "faktura" both stem to "faktur"). A word that is
 * not in the dictionary is split as a compound ("påminnelseavgiften" = "påminnelse" + "avgift"; "Mahngebühren"), the
 * way Germanic and Finnic languages build most of their vocabulary; then the compound's head (its last part, which
 * carries the meaning) and its modifier are translated. Where a language's own dictionary is small, the dictionary of
 * the other direction is inverted (English → Norwegian read backwards), and for the Scandinavian languages the
 * neighbours' dictionaries are consulted next (Danish, Norwegian and Swedish share much of their vocabulary).
 *
 * <p>The translation of a word is the English stems of the first sense's first alternatives (at most {@link
 * #MAX_TRANSLATIONS}), English stop words removed. Crude by design: it is a bag of pivot words for grouping, not a
 * translation to read.
 *
 * <p>Thread-safe after construction; look-ups of compounds are cached.
 */
public final class PivotDictionary {

    private static final Logger log = LoggerFactory.getLogger(PivotDictionary.class);

    /** The pivot language. */
    public static final String PIVOT = "en";

    /** English stems kept per word: the first alternatives are the common meanings, later ones drift. */
    static final int MAX_TRANSLATIONS = 3;

    /** Compound parts shorter than this are too often accidental matches ("an", "be"). */
    static final int MIN_PART = 4;

    /**
     * Where each language's translations come from, in order of trust: FreeDict files named by their two languages'
     * ISO 639-3 codes. {@code xxx-eng} is read forward; {@code eng-xxx} backwards (its translations become headwords);
     * a file between two other languages is chained through the other language's translations, which therefore
     * comes earlier in {@link #ORDER} (Swedish → German → English gives Swedish the 37,000 words of the Swedish-German
     * dictionary where the Swedish-English one has 5,000).
     */
    private static final Map<String, List<String>> SOURCES = Map.of(
            "de", List.of("deu-eng", "eng-deu"),
            "fi", List.of("fin-eng", "eng-fin"),
            "nl", List.of("nld-eng", "eng-nld", "nld-deu", "deu-nld"),
            "sv", List.of("swe-eng", "eng-swe", "swe-deu", "deu-swe", "swe-fin", "fin-swe"),
            "nb", List.of("eng-nor", "swe-nor", "fin-nor"),
            "da", List.of("dan-eng", "eng-dan"),
            "fr", List.of("fra-eng", "eng-fra"),
            "es", List.of("spa-eng", "eng-spa"));
    /** Languages in the order they are built: those a chain goes through first. */
    private static final List<String> ORDER = List.of("de", "fi", "nl", "sv", "nb", "da", "fr", "es");
    private static final Map<String, String> CODES = Map.of("eng", "en", "deu", "de", "fin", "fi", "nld", "nl",
            "swe", "sv", "nor", "nb", "dan", "da", "fra", "fr", "spa", "es");
    /**
     * A dictionary into a language that is larger than this (compressed) is not read: that language's own dictionary
     * is then large too (German, Finnish), and reading both directions would double the load time for little.
     */
    private static final long LARGE = 2_000_000;
    /** Bytes of an entry that are parsed (a cut line at the end is only a sense less). */
    private static final int ENTRY_PREFIX = 400;
    /** Languages close enough that a word missing from one's dictionary is looked up in the next ones'. */
    private static final Map<String, List<String>> NEIGHBOURS = Map.of(
            "da", List.of("nb", "sv"), "nb", List.of("da", "sv"), "sv", List.of("nb", "da"));
    /** Linking elements between the parts of a compound (Swedish -s-, German -s-/-n-/-en-/-es-, Dutch -e-/-en-). */
    private static final List<String> LINKS = List.of("", "s", "e", "n", "en", "er", "es");

    private static final Pattern BRACKETS = Pattern.compile("\\[[^\\]]*]|<[^>]*>|\\([^)]*\\)|\\{[^}]*}");
    private static final Pattern NUMBERING = Pattern.compile("^\\s*\\d+\\.\\s*");
    private static final Pattern LETTERS = Pattern.compile("[\\p{L}'‐-]+");

    private final Map<String, LanguagePipeline> pipelines;
    private final LanguagePipeline english;
    /** Per language: stem of a headword → English stems. */
    private final Map<String, Map<String, String[]>> byLanguage = new HashMap<>();
    private final Map<String, String[]> cache = new ConcurrentHashMap<>();

    private PivotDictionary(Map<String, LanguagePipeline> pipelines) {
        this.pipelines = pipelines;
        this.english = pipelines.get(PIVOT);
        for (String lang : pipelines.keySet()) {
            if (!lang.equals(PIVOT)) {
                byLanguage.put(lang, new HashMap<>());
            }
        }
    }

    /** A dictionary that translates nothing (no dictionaries installed, or switched off). */
    public static PivotDictionary empty(Map<String, LanguagePipeline> pipelines) {
        return new PivotDictionary(pipelines);
    }

    /**
     * Loads the dictionaries found in {@code directory} (files {@code freedict-xxx-yyy.index} and {@code .dict.dz}).
     * A missing directory or file gives fewer translations, never an error.
     */
    public static PivotDictionary load(Path directory, Map<String, LanguagePipeline> pipelines) {
        return load(directory, pipelines, null);
    }

    /**
     * {@link #load(Path, Map)}, kept in {@code cacheDirectory} as one small table of translations once built: reading
     * the dictionaries takes some seconds, the table a fraction of one. The table is rebuilt when any dictionary
     * file changed (its name, size and modification time are in the table's name). Null: no cache.
     */
    public static PivotDictionary load(Path directory, Map<String, LanguagePipeline> pipelines, Path cacheDirectory) {
        Path cache = cacheDirectory == null ? null : cacheDirectory.resolve("zeromission-pivot-" + fingerprint(directory)
                + ".tsv.gz");
        if (cache != null && Files.isReadable(cache)) {
            try {
                PivotDictionary d = new PivotDictionary(pipelines);
                d.readTable(cache);
                log.info("Pivot dictionaries: {} words per language, from the table cached in {}", d.sizes(), cache);
                return d;
            } catch (IOException | RuntimeException e) {
                log.warn("Cannot read the cached translations {} ({}); reading the dictionaries again", cache, e.toString());
            }
        }
        PivotDictionary d = build(directory, pipelines);
        if (cache != null && !d.isEmpty()) {
            try {
                Files.createDirectories(cacheDirectory);
                Path tmp = Files.createTempFile(cacheDirectory, "zeromission-pivot", ".tmp");
                d.writeTable(tmp);
                Files.move(tmp, cache, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                        java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException | RuntimeException e) {
                log.warn("Cannot cache the translations in {}: {}", cacheDirectory, e.toString());
            }
        }
        return d;
    }

    /** Version of the table format and of the way it is built: a change makes old caches unused. */
    private static final int TABLE_VERSION = 1;

    private static String fingerprint(Path directory) {
        StringBuilder s = new StringBuilder("v" + TABLE_VERSION + ":" + directory.toAbsolutePath());
        SOURCES.values().stream().flatMap(List::stream).distinct().sorted().forEach(name -> {
            Path p = directory.resolve("freedict-" + name + ".dict.dz");
            try {
                s.append('|').append(name).append(':').append(Files.size(p)).append(':')
                        .append(Files.getLastModifiedTime(p).toMillis());
            } catch (IOException e) {
                s.append('|').append(name).append(":-");
            }
        });
        return java.util.HexFormat.of().formatHex(java.nio.ByteBuffer.allocate(8)
                .putLong(s.toString().hashCode() * 0x9E3779B97F4A7C15L ^ s.length()).array());
    }

    private void writeTable(Path file) throws IOException {
        try (var out = new java.io.PrintWriter(new java.io.OutputStreamWriter(new java.util.zip.GZIPOutputStream(
                Files.newOutputStream(file)), StandardCharsets.UTF_8))) {
            byLanguage.forEach((lang, map) -> map.forEach((stem, english) ->
                    out.append(lang).append('\t').append(stem).append('\t').append(String.join(" ", english)).append('\n')));
        }
    }

    private void readTable(Path file) throws IOException {
        Map<String, String> canonical = new HashMap<>();
        try (BufferedReader r = new BufferedReader(new java.io.InputStreamReader(new GZIPInputStream(
                Files.newInputStream(file), 1 << 16), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                int a = line.indexOf('\t');
                int b = line.indexOf('\t', a + 1);
                Map<String, String[]> map = byLanguage.get(line.substring(0, a));
                if (map == null) {
                    continue;
                }
                String[] english = line.substring(b + 1).split(" ");
                for (int i = 0; i < english.length; i++) {
                    english[i] = canonical.computeIfAbsent(english[i], k -> k);
                }
                map.put(line.substring(a + 1, b), english);
            }
        }
    }

    private static PivotDictionary build(Path directory, Map<String, LanguagePipeline> pipelines) {
        PivotDictionary d = new PivotDictionary(pipelines);
        long started = System.nanoTime();
        // Reading and parsing the files is most of the time, and independent per file: in parallel.
        List<String> files = ORDER.stream().filter(pipelines::containsKey)
                .flatMap(l -> SOURCES.getOrDefault(l, List.of()).stream()).distinct().toList();
        Map<String, List<Entry>> raw = new java.util.concurrent.ConcurrentHashMap<>();
        files.parallelStream().forEach(name -> {
            List<Entry> entries = read(directory, name);
            if (entries != null) {
                raw.put(name, entries);
            }
        });
        for (String lang : ORDER) {
            if (!pipelines.containsKey(lang)) {
                continue;
            }
            Map<String, List<String>> candidates = new HashMap<>();
            for (String name : SOURCES.getOrDefault(lang, List.of())) {
                List<Entry> entries = raw.get(name);
                if (entries != null) {
                    d.add(lang, name, entries, candidates);
                }
            }
            Map<String, String[]> map = d.byLanguage.get(lang);
            candidates.forEach((stem, list) -> map.put(stem, best(list)));
        }
        List<String> missing = files.stream().filter(f -> !raw.containsKey(f)).toList();
        int total = d.byLanguage.values().stream().mapToInt(Map::size).sum();
        if (raw.isEmpty()) {
            log.warn("No bilingual dictionaries in {}: texts in different languages are matched by the concept lexicon "
                    + "only (install Debian's dict-freedict-* packages, see docs/grouping.md)", directory);
        } else {
            log.info("Pivot dictionaries: {} words in {} languages from {} files in {} in {} ms{}", total,
                    d.languages().size(), raw.size(), directory, (System.nanoTime() - started) / 1_000_000,
                    missing.isEmpty() ? "" : " (not installed: " + String.join(", ", missing) + ")");
        }
        return d;
    }

    /** One dictionary entry: a one-word headword (lower case) and the alternatives of each of its senses. */
    private record Entry(String headword, List<String> alternatives) {
    }

    /**
     * Adds one file's entries to a language's candidate translations. Every sense counts: picking the first sense
     * often picks the wrong one ("Rechnung" is first "reckoning", then "invoice"); what matters for grouping is that
     * two languages' words for one thing share pivot words, and the translations several senses and several
     * dictionaries agree on rank first ({@link #best}).
     */
    private void add(String lang, String name, List<Entry> entries, Map<String, List<String>> candidates) {
        String left = CODES.get(name.substring(0, 3));
        String right = CODES.get(name.substring(4));
        LanguagePipeline source = pipelines.get(lang);
        if (lang.equals(left)) {
            for (Entry e : entries) {
                List<String> pivot = pivotOf(right, e.alternatives());
                if (!pivot.isEmpty()) {
                    candidates.computeIfAbsent(source.stem(e.headword()), k -> new ArrayList<>(4)).addAll(pivot);
                }
            }
        } else if (lang.equals(right)) {
            for (Entry e : entries) {
                List<String> pivot = pivotOf(left, List.of(e.headword()));
                if (pivot.isEmpty()) {
                    continue;
                }
                for (String alternative : e.alternatives()) {
                    String word = singleWord(alternative);
                    if (word != null) {
                        candidates.computeIfAbsent(source.stem(word), k -> new ArrayList<>(4)).addAll(pivot);
                    }
                }
            }
        }
    }

    /** The English stems of words of {@code language}: their own stems for English, else through that language. */
    private List<String> pivotOf(String language, List<String> alternatives) {
        if (PIVOT.equals(language)) {
            return List.of(englishStems(alternatives));
        }
        Map<String, String[]> via = byLanguage.get(language);
        if (via == null || via.isEmpty()) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (String alternative : alternatives) {
            String word = singleWord(alternative);
            String[] p = word == null ? null : via.get(pipelines.get(language).stem(word));
            if (p != null) {
                out.addAll(Arrays.asList(p));
            }
        }
        return out;
    }

    /** The candidates named most often (ties: the first named), at most {@link #MAX_TRANSLATIONS}. */
    private static String[] best(List<String> candidates) {
        Map<String, Integer> counts = new java.util.LinkedHashMap<>();
        for (String c : candidates) {
            counts.merge(c, 1, Integer::sum);
        }
        return counts.entrySet().stream()
                .sorted((a, b) -> Integer.compare(b.getValue(), a.getValue()))
                .limit(MAX_TRANSLATIONS).map(Map.Entry::getKey).toArray(String[]::new);
    }

    /** How many words each language has a translation for (stems of headwords). */
    public Map<String, Integer> sizes() {
        Map<String, Integer> sizes = new java.util.TreeMap<>();
        byLanguage.forEach((l, m) -> sizes.put(l, m.size()));
        return sizes;
    }

    /** True when at least one language has translations. */
    public boolean isEmpty() {
        return byLanguage.values().stream().allMatch(Map::isEmpty);
    }

    /** One file's entries, or null when it is not installed or cannot be read. */
    private static @Nullable List<Entry> read(Path dir, String name) {
        Path index = dir.resolve("freedict-" + name + ".index");
        Path data = dir.resolve("freedict-" + name + ".dict.dz");
        if (!Files.isReadable(index) || !Files.isReadable(data)) {
            return null;
        }
        boolean forwardOnly = name.endsWith("-eng");
        try {
            if (!forwardOnly && Files.size(data) > LARGE) {
                return null; // see LARGE: the forward dictionary of this language is read instead
            }
            long[][] spans = spans(index);
            List<Entry> entries = new ArrayList<>(spans.length);
            try (InputStream in = new BufferedInputStream(new GZIPInputStream(Files.newInputStream(data), 1 << 16), 1 << 16)) {
                long position = 0;
                byte[] buffer = new byte[4096];
                for (long[] span : spans) {
                    long skip = span[0] - position;
                    if (skip < 0) {
                        continue; // overlapping entries (a headword listed twice): read once
                    }
                    in.skipNBytes(skip);
                    int length = (int) span[1];
                    if (buffer.length < length) {
                        buffer = new byte[length];
                    }
                    in.readNBytes(buffer, 0, length);
                    position = span[0] + length;
                    // The headword and its senses come first; long entries go on with synonyms and examples.
                    Entry e = parse(new String(buffer, 0, Math.min(length, ENTRY_PREFIX), StandardCharsets.UTF_8));
                    if (e != null) {
                        entries.add(e);
                    }
                }
            }
            return entries;
        } catch (IOException | RuntimeException e) {
            log.warn("Cannot read the dictionary {}: {}", data, e.toString());
            return null;
        }
    }

    /** An entry's headword and the alternatives of its senses; null for phrases and entries without translations. */
    private static @Nullable Entry parse(String entry) {
        int newline = entry.indexOf('\n');
        if (newline < 0) {
            return null;
        }
        String headword = headword(entry.substring(0, newline));
        if (headword == null) {
            return null;
        }
        List<String> alternatives = senses(entry.substring(newline + 1));
        return alternatives.isEmpty() ? null : new Entry(headword, alternatives);
    }

    /** The index's (offset, length) pairs in file order. */
    private static long[][] spans(Path index) throws IOException {
        List<long[]> spans = new ArrayList<>();
        try (BufferedReader r = Files.newBufferedReader(index, StandardCharsets.UTF_8)) {
            String line;
            while ((line = r.readLine()) != null) {
                int a = line.indexOf('\t');
                int b = a < 0 ? -1 : line.indexOf('\t', a + 1);
                if (b < 0 || line.startsWith("00-database") || line.startsWith("00database")) {
                    continue;
                }
                spans.add(new long[] {base64(line.substring(a + 1, b)), base64(line.substring(b + 1).strip())});
            }
        }
        long[][] sorted = spans.toArray(long[][]::new);
        Arrays.sort(sorted, (x, y) -> Long.compare(x[0], y[0]));
        return sorted;
    }

    /** dictd's base64 numbers: most significant digit first, alphabet A–Z a–z 0–9 + /. */
    static long base64(String digits) {
        long n = 0;
        for (int i = 0; i < digits.length(); i++) {
            char c = digits.charAt(i);
            int v;
            if (c >= 'A' && c <= 'Z') {
                v = c - 'A';
            } else if (c >= 'a' && c <= 'z') {
                v = c - 'a' + 26;
            } else if (c >= '0' && c <= '9') {
                v = c - '0' + 52;
            } else if (c == '+') {
                v = 62;
            } else if (c == '/') {
                v = 63;
            } else {
                throw new IllegalArgumentException("not a dictd base64 number: '" + digits + "'");
            }
            n = n * 64 + v;
        }
        return n;
    }

    /** The headword of an entry's first line ("Rechnung /ˈrɛçnʊŋ/ <fem, n, sg>"): one word, lower case, or null. */
    private static String headword(String line) {
        String h = line;
        int slash = h.indexOf(" /");
        if (slash > 0) {
            h = h.substring(0, slash);
        }
        int angle = h.indexOf(" <");
        if (angle > 0) {
            h = h.substring(0, angle);
        }
        return singleWord(h);
    }

    private static @Nullable String singleWord(String s) {
        String w = s.strip().toLowerCase(Locale.ROOT);
        if (w.length() < 2 || !LETTERS.matcher(w).matches() || w.startsWith("-") || w.startsWith("‐")
                || w.endsWith("-") || w.endsWith("‐")) {
            return null;
        }
        return w;
    }

    /**
     * The alternatives of the senses: the body's first line, and each line numbered as a sense ("2. duty"). Other
     * lines are glosses in the source language, cross-references and notes.
     */
    private static List<String> senses(String body) {
        List<String> out = new ArrayList<>();
        boolean first = true;
        for (String line : body.split("\n")) {
            String l = line.strip();
            if (l.isEmpty() || l.startsWith("see:") || l.startsWith("Synonyms:") || l.startsWith("Note:")) {
                continue;
            }
            boolean numbered = NUMBERING.matcher(l).find();
            if (!first && !numbered) {
                continue;
            }
            first = false;
            l = NUMBERING.matcher(l).replaceFirst("");
            l = BRACKETS.matcher(l).replaceAll(" ");
            int kept = 0;
            for (String part : l.split("[,;]")) {
                String p = part.strip();
                if (!p.isEmpty() && kept++ < MAX_TRANSLATIONS) {
                    out.add(p);
                }
            }
        }
        return out;
    }

    /** English stems of translation alternatives: content words of alternatives of at most two content words. */
    private String[] englishStems(List<String> alternatives) {
        Set<String> stems = new LinkedHashSet<>();
        for (String alternative : alternatives) {
            List<String> words = new ArrayList<>();
            for (String w : alternative.toLowerCase(Locale.ROOT).split("[^\\p{L}']+")) {
                if (w.length() >= 2 && !english.isStopWord(w) && !w.equals("to") && !w.equals("sth")
                        && !w.equals("sb") && !w.equals("something") && !w.equals("someone")) {
                    words.add(w);
                }
            }
            if (words.isEmpty() || words.size() > 2) {
                continue; // an explanation rather than a translation
            }
            for (String w : words) {
                stems.add(english.stem(w));
            }
        }
        return stems.toArray(String[]::new);
    }

    /**
     * The English stems of one word of {@code language} (lower case, as the tokenizer gives it), or an empty array.
     * English words translate to their own stem.
     */
    public String[] translate(String language, String word) {
        Objects.requireNonNull(word, "word");
        LanguagePipeline pipeline = pipelines.get(language);
        return pipeline == null ? NONE : translate(language, word, pipeline.stem(word));
    }

    /**
     * {@link #translate(String, String)} for a word whose stem in its language is known already (the analyzer's
     * tokens carry it): the common case, a word of the dictionary, costs one look-up. The rest (a neighbouring
     * language's word, an inflection the stemmer keeps, a compound) is worked out once per word and cached.
     */
    public String[] translate(String language, String word, String stem) {
        if (PIVOT.equals(language)) {
            return new String[] {stem};
        }
        Map<String, String[]> map = byLanguage.get(language);
        if (map == null) {
            return NONE;
        }
        String[] direct = map.get(stem);
        if (direct != null) {
            return direct;
        }
        return cache.computeIfAbsent(language + ':' + word, k -> {
            String[] neighbours = lookUp(language, word);
            return neighbours != null ? neighbours : inflectedOrCompound(language, word);
        });
    }

    /**
     * A word the stemmer did not reduce to a headword's stem: first with one or two final letters less (Swedish
     * "fakturan", Norwegian "fakturaen": endings the Snowball stemmers keep), then as a compound.
     */
    private String[] inflectedOrCompound(String language, String word) {
        for (int cut = 1; cut <= 2 && word.length() - cut >= MIN_PART + 1; cut++) {
            String[] found = lookUp(language, word.substring(0, word.length() - cut));
            if (found != null) {
                return found;
            }
        }
        return compound(language, word);
    }

    private static final String[] NONE = new String[0];

    private String @Nullable [] lookUp(String language, String word) {
        String[] found = byLanguage.get(language).get(pipelines.get(language).stem(word));
        if (found != null) {
            return found;
        }
        for (String neighbour : NEIGHBOURS.getOrDefault(language, List.of())) {
            Map<String, String[]> m = byLanguage.get(neighbour);
            if (m != null && !m.isEmpty()) {
                found = m.get(pipelines.get(neighbour).stem(word));
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    /**
     * A compound's translation: its longest known head's, then its modifier's when that is known too (with or without
     * a linking element); a head of fewer than five letters counts only with a known modifier.
     */
    private String[] compound(String language, String word) {
        if (cache.size() > 200_000) {
            cache.clear(); // a bound, not an eviction policy: the working set of a product's texts is far smaller
        }
        for (int split = MIN_PART; split <= word.length() - MIN_PART; split++) {
            String head = word.substring(split);
            String[] h = lookUp(language, head);
            if (h == null) {
                continue;
            }
            String modifier = word.substring(0, split);
            String[] m = null;
            for (String link : LINKS) {
                if (modifier.length() - link.length() >= MIN_PART && modifier.endsWith(link)) {
                    m = lookUp(language, modifier.substring(0, modifier.length() - link.length()));
                    if (m != null) {
                        break;
                    }
                }
            }
            if (m == null && head.length() < 5) {
                continue; // a short head alone is too often a chance match ("ung" in "betalningen")
            }
            Set<String> stems = new LinkedHashSet<>();
            for (int i = 0; i < Math.max(h.length, m == null ? 0 : m.length); i++) {
                if (i < h.length && stems.size() < MAX_TRANSLATIONS) {
                    stems.add(h[i]);
                }
                if (m != null && i < m.length && stems.size() < MAX_TRANSLATIONS) {
                    stems.add(m[i]);
                }
            }
            return stems.toArray(String[]::new);
        }
        return NONE;
    }

    @Override
    public String toString() {
        return "PivotDictionary" + sizes();
    }

    /** The languages with translations. */
    public Set<String> languages() {
        Set<String> out = new java.util.TreeSet<>();
        byLanguage.forEach((l, m) -> {
            if (!m.isEmpty()) {
                out.add(l);
            }
        });
        return out;
    }
}
