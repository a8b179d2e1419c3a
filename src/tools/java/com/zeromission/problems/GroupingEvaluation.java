package com.zeromission.problems;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.function.LongSupplier;

import com.zeromission.problems.grouping.Assignment;
import com.zeromission.problems.grouping.Merge;
import com.zeromission.problems.grouping.OnlineGrouper;
import com.zeromission.problems.grouping.RootCauseSettings;
import com.zeromission.problems.grouping.Settings;
import com.zeromission.problems.naming.ProblemNamer;
import com.zeromission.text.AnalyzedText;
import com.zeromission.text.TextAnalyzer;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.NamedCsvRecord;

/**
 * Measures problem discovery on a labelled set: groups the texts exactly the way the product does, without ever
 * looking at the labels, then compares the groups found with the labels. The product's sequence
 * ({@code Problems.consolidate}): online assignment of each text; a consolidation pass now and then (here every
 * {@link Options#consolidateEvery()} texts, in the product hourly and after a catch-up) and one at the end. A pass is
 * rounds of {@link OnlineGrouper#consolidate(double)} until nothing merges, then <em>group-level</em> re-homing:
 * the proposals of {@link OnlineGrouper#rehomeCandidates} (each group smaller than {@link Options#rehomeBelowSize()}
 * into the most similar group of at least that size, if at least {@link Options#rehomeThreshold()} similar) applied
 * with {@link OnlineGrouper#merge}.
 *
 * <p>Scores: NMI with arithmetic-mean normalisation ({@code I(U;V) / ((H(U) + H(V)) / 2)}, scikit-learn's default)
 * and the adjusted Rand index. NMI rewards splitting a label into several pure groups more than ARI does, so both
 * are reported along with the number of groups and their sizes. Speed: texts per second of analysis plus online
 * assignment, timed after a warm-up run of the JIT on the same texts with a throw-away grouper; the consolidation
 * passes are timed separately.
 */
public final class GroupingEvaluation {

    /**
     * A labelled text; the label is the ground truth and never reaches the grouper.
     *
     * @param language      the language the grouper is told (null: detected), as a source would declare it
     * @param languageLabel the text's true language, for scoring only (how language-pure the groups are); may be null
     * @param parallelKey   texts with the same key are translations of one another (scoring only); may be null
     */
    public record Example(String text, String language, String label, String languageLabel, String parallelKey) {

        public Example {
            Objects.requireNonNull(text, "text");
            Objects.requireNonNull(label, "label");
        }

        public Example(String text, String language, String label) {
            this(text, language, label, null, null);
        }
    }

    /**
     * How to run.
     *
     * @param shuffleSeed      texts are grouped in a random order from this seed (labelled sets are often sorted by
     *                         label, which makes online grouping unrealistically easy); null keeps the given order
     * @param consolidateEvery a consolidation pass after every this many texts (and one at the end); 0: only at the end
     * @param rehomeThreshold  a consolidation pass ends by merging each group smaller than {@code rehomeBelowSize}
     *                         into the most similar group of at least that size when their centroids are at least
     *                         this similar (the product's {@code rehome-similarity}); 0 turns re-homing off
     * @param rehomeBelowSize  groups with fewer texts than this are re-homed (the product's {@code rehome-below})
     * @param rehomeEveryPass  true: every consolidation pass re-homes, as the product's does; false: only the last one
     * @param warmup           run the whole grouping once first, untimed, so the JIT has compiled the hot code
     */
    public record Options(Long shuffleSeed, int consolidateEvery, double rehomeThreshold, int rehomeBelowSize,
            boolean rehomeEveryPass, boolean warmup, RootCauseSettings rootCauses) {

        /** Without the root-cause pass. */
        public Options(Long shuffleSeed, int consolidateEvery, double rehomeThreshold, int rehomeBelowSize,
                boolean rehomeEveryPass, boolean warmup) {
            this(shuffleSeed, consolidateEvery, rehomeThreshold, rehomeBelowSize, rehomeEveryPass, warmup, null);
        }

        public Options {
            if (consolidateEvery < 0) {
                throw new IllegalArgumentException("consolidateEvery must not be negative");
            }
            if (!(rehomeThreshold >= 0 && rehomeThreshold < 1)) {
                throw new IllegalArgumentException("rehomeThreshold must be within [0, 1)");
            }
            if (rehomeBelowSize < 2) {
                throw new IllegalArgumentException("rehomeBelowSize must be at least 2 (re-home groups of one text)");
            }
        }

        /** The product's defaults: re-home groups below 5 texts at similarity 0.10, in every pass. */
        public static Options defaults() {
            return new Options(77L, 1_000, 0.10, 5, true, true, RootCauseSettings.defaults());
        }

        public Options withShuffleSeed(Long seed) {
            return new Options(seed, consolidateEvery, rehomeThreshold, rehomeBelowSize, rehomeEveryPass, warmup, rootCauses);
        }

        public Options withRehome(double threshold, int belowSize) {
            return new Options(shuffleSeed, consolidateEvery, threshold, belowSize, rehomeEveryPass, warmup, rootCauses);
        }

        public Options withRehomeEveryPass(boolean value) {
            return new Options(shuffleSeed, consolidateEvery, rehomeThreshold, rehomeBelowSize, value, warmup, rootCauses);
        }

        public Options withConsolidateEvery(int value) {
            return new Options(shuffleSeed, value, rehomeThreshold, rehomeBelowSize, rehomeEveryPass, warmup, rootCauses);
        }

        /** Null: no root-cause pass (the groups found are the problems, as before root causes). */
        public Options withRootCauses(RootCauseSettings value) {
            return new Options(shuffleSeed, consolidateEvery, rehomeThreshold, rehomeBelowSize, rehomeEveryPass, warmup,
                    value);
        }

        public Options withWarmup(boolean value) {
            return new Options(shuffleSeed, consolidateEvery, rehomeThreshold, rehomeBelowSize, rehomeEveryPass, value, rootCauses);
        }
    }

    /**
     * The outcome.
     *
     * @param sizeBuckets          how many groups hold 1, 2–4, 5–19 and 20 or more texts
     * @param textsPerSecond       analysis plus online assignment
     * @param analysisSeconds      of which analysis (lexical features and sentence embeddings, in batches)
     * @param assignmentSeconds    of which online assignment
     * @param consolidationSeconds the consolidation passes (merge rounds and re-homing) together
     * @param merges               groups merged by the merge rounds of all passes
     * @param rehomed              small groups merged into larger ones by re-homing, all passes
     * @param embedded             texts that got a sentence embedding (the others were English-less, or their words
     *                             alone matched a group as strongly as a merge)
     */
    public record Report(int texts, int labels, int groups, double nmi, double ari, double homogeneity,
            double completeness, int[] sizeBuckets,
            double textsPerSecond, double analysisSeconds, double assignmentSeconds, double consolidationSeconds,
            int merges, int rehomed, int embedded,
            List<LabelledGroup> largestGroups, Level variants, int rootMerges, Double languageHomogeneity,
            Double languageNmi, Double translationsTogether, List<Example> order, long[] groupOf, Map<Long, String> names) {

        public Report {
            sizeBuckets = sizeBuckets.clone();
            largestGroups = List.copyOf(largestGroups);
            order = List.copyOf(order);
            groupOf = groupOf.clone();
            names = Map.copyOf(names);
        }
    }

    /** Scores of one level of grouping (here: the variants, the groups before root causes joined them). */
    public record Level(int groups, double nmi, double homogeneity, double completeness) {
    }

    /**
     * A group found, for reading: its size, its top terms from the grouper, the name the product gives it (from up to
     * {@link #NAMING_SAMPLE} of its texts; {@code namesByLanguage}: its variants, most texts first), and the most common
     * true label in it.
     * {@code sampleByLanguage}: the named texts per language.
     */
    public record LabelledGroup(long id, int size, List<String> topTerms, String name, Map<String, String> namesByLanguage,
            Map<String, Integer> sampleByLanguage, String majorityLabel, int majorityCount) {
    }

    /** Texts a group is named from, as the product reads at most this many of a problem's members. */
    static final int NAMING_SAMPLE = 100;

    /** Texts analysed together, as the product's inbox drain does with its batches (2,000 by default). */
    static final int ANALYSIS_BATCH = 2_000;

    private GroupingEvaluation() {
    }

    /** Reads a labelled CSV with a header (text and label columns by name); rows with an empty text are skipped. */
    public static List<Example> readCsv(Path file, String textColumn, String labelColumn, String language)
            throws IOException {
        return readCsv(file, textColumn, labelColumn, language, null, null);
    }

    /**
     * {@link #readCsv(Path, String, String, String)}, also reading each text's true language from {@code
     * languageColumn} and the key that links translations of one text from {@code parallelColumn} (either null: none).
     * Neither is told to the grouper.
     */
    public static List<Example> readCsv(Path file, String textColumn, String labelColumn, String language,
            String languageColumn, String parallelColumn) throws IOException {
        List<Example> out = new ArrayList<>();
        try (CsvReader<NamedCsvRecord> csv = CsvReader.builder().ofNamedCsvRecord(file)) {
            for (NamedCsvRecord r : csv) {
                String text = field(r, textColumn, file);
                String label = field(r, labelColumn, file);
                String lang = languageColumn == null ? null : field(r, languageColumn, file);
                String key = parallelColumn == null ? null : field(r, parallelColumn, file);
                if (!text.isBlank()) {
                    out.add(new Example(text, language, label, lang, key));
                }
            }
        }
        return out;
    }

    private static String field(NamedCsvRecord r, String column, Path file) {
        return r.findField(column).orElseThrow(() -> new IllegalArgumentException(
                "no column '" + column + "' in " + file + " (has " + r.getHeader() + ")"));
    }

    public static Report run(List<Example> examples, TextAnalyzer analyzer, Settings settings, Options options) {
        List<Example> order = new ArrayList<>(examples);
        if (options.shuffleSeed() != null) {
            Collections.shuffle(order, new Random(options.shuffleSeed()));
        }
        if (options.warmup()) {
            group(order, analyzer, settings, options);
        }
        return group(order, analyzer, settings, options);
    }

    private static Report group(List<Example> examples, TextAnalyzer analyzer, Settings settings, Options options) {
        int n = examples.size();
        long[] next = {1};
        LongSupplier ids = () -> next[0]++;
        var grouper = new OnlineGrouper(settings, ids);
        AnalyzedText[] analysed = new AnalyzedText[n];
        long[] groupOf = new long[n];
        Map<Long, Long> mergedInto = new HashMap<>();
        long assignNanos = 0;
        long analysisNanos = 0;
        long consolidateNanos = 0;
        int merges = 0;
        int rehomed = 0;
        int rootMerges = 0;
        for (int i = 0; i < n; i++) {
            Example e = examples.get(i);
            long t0 = System.nanoTime();
            if (i % ANALYSIS_BATCH == 0) {
                // The product analyses the inbox a batch at a time (sentence embeddings are far cheaper in batches),
                // then assigns the batch's texts one by one: so does the harness, and it times both.
                var batch = examples.subList(i, Math.min(n, i + ANALYSIS_BATCH));
                var done = analyzer.analyzeAll(batch.stream().map(Example::text).toList(),
                        batch.stream().map(Example::language).toList(), grouper::wantsEmbedding);
                for (int k = 0; k < done.size(); k++) {
                    analysed[i + k] = done.get(k);
                }
                analysisNanos += System.nanoTime() - t0;
            }
            Assignment a = grouper.assign(analysed[i]);
            assignNanos += System.nanoTime() - t0;
            groupOf[i] = a.groupId();
            if (options.consolidateEvery() > 0 && (i + 1) % options.consolidateEvery() == 0) {
                long t1 = System.nanoTime();
                int[] done = pass(grouper, settings, options, options.rehomeEveryPass(), mergedInto);
                merges += done[0];
                rehomed += done[1];
                consolidateNanos += System.nanoTime() - t1;
            }
        }
        long t1 = System.nanoTime();
        int[] done = pass(grouper, settings, options, true, mergedInto);
        merges += done[0];
        rehomed += done[1];
        // Root causes over the groups as they are now (the product recomputes them in every consolidation pass; the
        // groups themselves stay: they are the root causes' variants).
        Map<Long, Long> rootOf = new HashMap<>();
        if (options.rootCauses() != null) {
            for (List<Long> community : grouper.rootCauses(options.rootCauses())) {
                for (long member : community.subList(1, community.size())) {
                    rootOf.put(member, community.getFirst());
                    rootMerges++;
                }
            }
        }
        consolidateNanos += System.nanoTime() - t1;
        // Variants: the groups themselves; a text's problem is its group's root cause.
        long[] variantOf = new long[n];
        for (int i = 0; i < n; i++) {
            variantOf[i] = resolve(groupOf[i], mergedInto);
            groupOf[i] = rootOf.getOrDefault(variantOf[i], variantOf[i]);
        }

        int embedded = 0;
        for (AnalyzedText t : analysed) {
            embedded += t.embedding() != null ? 1 : 0;
        }
        int[] labels = encode(examples.stream().map(Example::label).toList());
        Map<Long, Integer> sizes = new HashMap<>();
        for (long g : groupOf) {
            sizes.merge(g, 1, Integer::sum);
        }
        int[] buckets = new int[4];
        sizes.values().forEach(s -> buckets[s == 1 ? 0 : s < 5 ? 1 : s < 20 ? 2 : 3]++);
        // every group named as the product names problems: the largest are printed, all go to --assignments
        List<LabelledGroup> named = largest(grouper, analyzer, examples, analysed, groupOf, sizes, Integer.MAX_VALUE);
        List<LabelledGroup> largest = named.subList(0, Math.min(50, named.size()));
        Map<Long, String> names = new HashMap<>();
        named.forEach(g -> names.put(g.id(), g.name()));
        Level variants = new Level((int) java.util.Arrays.stream(variantOf).distinct().count(), nmi(labels, variantOf),
                homogeneity(labels, variantOf), homogeneity(encodeLong(variantOf), asLong(labels)));
        Double languageHomogeneity = null;
        Double languageNmi = null;
        if (examples.stream().allMatch(e -> e.languageLabel() != null)) {
            int[] languages = encode(examples.stream().map(Example::languageLabel).toList());
            languageHomogeneity = homogeneity(languages, groupOf);
            languageNmi = nmi(languages, groupOf);
        }
        Double together = null;
        if (examples.stream().allMatch(e -> e.parallelKey() != null)) {
            together = translationsTogether(examples, groupOf);
        }
        return new Report(n, (int) java.util.Arrays.stream(labels).distinct().count(), sizes.size(),
                nmi(labels, groupOf), adjustedRandIndex(labels, groupOf), homogeneity(labels, groupOf),
                homogeneity(encodeLong(groupOf), asLong(labels)), buckets,
                n / Math.max(1e-9, assignNanos / 1e9), analysisNanos / 1e9, (assignNanos - analysisNanos) / 1e9,
                consolidateNanos / 1e9, merges, rehomed, embedded, largest, variants, rootMerges, languageHomogeneity,
                languageNmi, together, examples, groupOf, names);
    }

    /**
     * The share of texts with translations (the same parallel key, two or more texts) whose translations all landed
     * in one group: 1 when every query and its translations share a problem.
     */
    static double translationsTogether(List<Example> examples, long[] groupOf) {
        Map<String, java.util.Set<Long>> groupsByKey = new HashMap<>();
        Map<String, Integer> count = new HashMap<>();
        for (int i = 0; i < groupOf.length; i++) {
            String key = examples.get(i).parallelKey();
            groupsByKey.computeIfAbsent(key, k -> new java.util.HashSet<>()).add(groupOf[i]);
            count.merge(key, 1, Integer::sum);
        }
        long sets = count.values().stream().filter(c -> c > 1).count();
        long together = groupsByKey.entrySet().stream().filter(e -> count.get(e.getKey()) > 1 && e.getValue().size() == 1)
                .count();
        return sets == 0 ? 1.0 : (double) together / sets;
    }

    private static int record(List<Merge> done, Map<Long, Long> mergedInto) {
        done.forEach(m -> mergedInto.put(m.fromId(), m.intoId()));
        return done.size();
    }

    private static long resolve(long id, Map<Long, Long> mergedInto) {
        long g = id;
        for (Long into; (into = mergedInto.get(g)) != null; ) {
            g = into;
        }
        return g;
    }

    /**
     * One consolidation pass as the product's {@code Problems.consolidate}: merge rounds at the merge threshold until
     * nothing merges, then (when asked) the re-homing proposals applied with {@link OnlineGrouper#merge}. Returns
     * {merges, re-homed groups}.
     */
    private static int[] pass(OnlineGrouper grouper, Settings settings, Options options, boolean rehome,
            Map<Long, Long> mergedInto) {
        int merges = record(grouper.consolidate(settings.mergeThreshold()), mergedInto);
        int rehomed = 0;
        if (rehome && options.rehomeThreshold() > 0) {
            for (Merge m : grouper.rehomeCandidates(options.rehomeBelowSize(), options.rehomeThreshold())) {
                grouper.merge(m.intoId(), m.fromId());
                mergedInto.put(m.fromId(), m.intoId());
                rehomed++;
            }
        }
        return new int[] {merges, rehomed};
    }

    private static List<LabelledGroup> largest(OnlineGrouper grouper, TextAnalyzer analyzer, List<Example> examples,
            AnalyzedText[] analysed, long[] groupOf, Map<Long, Integer> sizes, int count) {
        Map<Long, Map<String, Integer>> labelsPerGroup = new HashMap<>();
        Map<Long, List<ProblemNamer.Text>> samples = new HashMap<>();
        Map<String, Long> languages = new HashMap<>();
        for (int i = 0; i < groupOf.length; i++) {
            labelsPerGroup.computeIfAbsent(groupOf[i], k -> new HashMap<>()).merge(examples.get(i).label(), 1, Integer::sum);
            var sample = samples.computeIfAbsent(groupOf[i], k -> new ArrayList<>());
            if (sample.size() < NAMING_SAMPLE) {
                sample.add(new ProblemNamer.Text(examples.get(i).text(), analysed[i].language()));
            }
            languages.merge(analysed[i].language(), 1L, Long::sum);
        }
        var namer = new ProblemNamer(analyzer, "en");
        var background = ProblemNamer.background(grouper::documentFrequency, grouper.documents(), languages);
        return sizes.entrySet().stream().sorted(Map.Entry.<Long, Integer>comparingByValue().reversed()).limit(count)
                .map(e -> {
                    var top = labelsPerGroup.get(e.getKey()).entrySet().stream().max(Map.Entry.comparingByValue())
                            .orElseThrow();
                    var names = namer.name(samples.get(e.getKey()), background);
                    return new LabelledGroup(e.getKey(), e.getValue(), grouper.topTerms(e.getKey(), 5), names.name(),
                            names.byLanguage(), names.texts(), top.getKey(), top.getValue());
                }).toList();
    }

    private static int[] encodeLong(long[] ids) {
        Map<Long, Integer> codes = new HashMap<>();
        int[] out = new int[ids.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = codes.computeIfAbsent(ids[i], k -> codes.size());
        }
        return out;
    }

    /**
     * Homogeneity: 1 when every group found holds texts of one label only ({@code 1 - H(truth|found) / H(truth)}).
     * With the arguments swapped it is completeness: 1 when each label lies in one group. NMI (arithmetic) is their
     * harmonic mean; reporting both shows whether a low NMI comes from mixed groups or from fragmentation.
     */
    public static double homogeneity(int[] truth, long[] found) {
        Contingency c = Contingency.of(truth, found);
        double hTruth = entropy(c.rows(), c.n());
        if (hTruth == 0) {
            return 1.0;
        }
        double conditional = 0;
        double n = c.n();
        for (var e : c.cells().entrySet()) {
            long col = e.getKey() & 0xffffffffL;
            double nij = e.getValue();
            conditional -= nij / n * Math.log(nij / c.columns().get(col));
        }
        return Math.max(0, 1 - conditional / hTruth);
    }

    private static int[] encode(List<String> labels) {
        Map<String, Integer> codes = new HashMap<>();
        int[] out = new int[labels.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = codes.computeIfAbsent(labels.get(i), k -> codes.size());
        }
        return out;
    }

    // ---- the scores ----

    /** Contingency counts of two labelings of the same items: cells, row sums, column sums. */
    private record Contingency(Map<Long, Long> cells, Map<Long, Long> rows, Map<Long, Long> columns, long n) {

        static Contingency of(int[] truth, long[] found) {
            if (truth.length != found.length) {
                throw new IllegalArgumentException("the labelings differ in length: " + truth.length + " and "
                        + found.length);
            }
            Map<Long, Long> cells = new HashMap<>();
            Map<Long, Long> rows = new HashMap<>();
            Map<Long, Long> columns = new HashMap<>();
            Map<Long, Long> columnCodes = new HashMap<>();
            for (int i = 0; i < truth.length; i++) {
                long c = columnCodes.computeIfAbsent(found[i], k -> (long) columnCodes.size());
                cells.merge(((long) truth[i] << 32) | c, 1L, Long::sum);
                rows.merge((long) truth[i], 1L, Long::sum);
                columns.merge(c, 1L, Long::sum);
            }
            return new Contingency(cells, rows, columns, truth.length);
        }
    }

    /**
     * Normalised mutual information with arithmetic-mean normalisation, as scikit-learn's {@code
     * normalized_mutual_info_score} by default: 1 for identical partitions (whatever the names), about 0 for
     * independent ones. Two single-cluster labelings count as identical (1.0), as in scikit-learn.
     */
    public static double nmi(int[] truth, long[] found) {
        if (truth.length == 0) {
            throw new IllegalArgumentException("no items");
        }
        Contingency c = Contingency.of(truth, found);
        double hTruth = entropy(c.rows(), c.n());
        double hFound = entropy(c.columns(), c.n());
        if (hTruth == 0 && hFound == 0) {
            return 1.0;
        }
        double mi = 0;
        double n = c.n();
        for (var e : c.cells().entrySet()) {
            long row = e.getKey() >>> 32;
            long col = e.getKey() & 0xffffffffL;
            double nij = e.getValue();
            mi += nij / n * Math.log(n * nij / ((double) c.rows().get(row) * c.columns().get(col)));
        }
        double denominator = (hTruth + hFound) / 2;
        return denominator == 0 ? 0 : Math.max(0, Math.min(1, mi / denominator));
    }

    /**
     * The adjusted Rand index (Hubert and Arabie): agreement on pairs of items, corrected for chance; 1 for identical
     * partitions, about 0 for random ones, negative for worse than chance. As in scikit-learn, two labelings that
     * both put everything in one cluster, or both everything apart, score 1.
     */
    public static double adjustedRandIndex(int[] truth, long[] found) {
        if (truth.length == 0) {
            throw new IllegalArgumentException("no items");
        }
        Contingency c = Contingency.of(truth, found);
        double index = 0;
        for (long v : c.cells().values()) {
            index += pairs(v);
        }
        double rows = 0;
        for (long v : c.rows().values()) {
            rows += pairs(v);
        }
        double columns = 0;
        for (long v : c.columns().values()) {
            columns += pairs(v);
        }
        double all = pairs(c.n());
        double expected = all == 0 ? 0 : rows * columns / all;
        double max = (rows + columns) / 2;
        if (max == expected) {
            return 1.0; // both trivial in the same way (one cluster each, or all singletons): identical
        }
        return (index - expected) / (max - expected);
    }

    /** Labels as longs, for {@link #nmi(int[], long[])} with two label arrays of the same kind. */
    public static long[] asLong(int[] labels) {
        return java.util.Arrays.stream(labels).asLongStream().toArray();
    }

    private static double pairs(long k) {
        return k * (k - 1) / 2.0;
    }

    private static double entropy(Map<Long, Long> counts, long n) {
        double h = 0;
        for (long v : counts.values()) {
            double p = (double) v / n;
            h -= p * Math.log(p);
        }
        return h;
    }
}
