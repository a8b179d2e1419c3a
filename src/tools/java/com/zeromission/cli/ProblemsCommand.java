package com.zeromission.cli;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import com.zeromission.demo.DemoDataGenerator;
import com.zeromission.demo.DemoSettings;
import com.zeromission.privacy.TextMasker;
import com.zeromission.problems.GroupingEvaluation.Example;
import com.zeromission.problems.GroupingEvaluation.Options;
import com.zeromission.problems.GroupingEvaluation.Report;
import com.zeromission.problems.GroupingEvaluation;
import com.zeromission.problems.grouping.Settings;
import com.zeromission.text.SentenceEmbedder;
import com.zeromission.text.TextAnalyzer;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "problems", mixinStandardHelpOptions = true,
        description = "Problem discovery: measure how texts are grouped into problems.",
        subcommands = {ProblemsCommand.Eval.class})
final class ProblemsCommand implements Runnable {

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }

    /** Runs without Spring or a database: the grouping core is plain Java. */
    @Command(name = "eval", mixinStandardHelpOptions = true,
            description = {"Group a labelled CSV (or the demo data with --demo) without looking at the labels, and print "
                            + "NMI, ARI, the number and sizes of the groups found, and texts per second.",
                    "Exit code 1 if the CSV cannot be read."})
    static final class Eval implements Callable<Integer> {

        @Parameters(arity = "0..1", paramLabel = "FILE.csv", description = "A CSV with a header row.")
        Path file;

        @Option(names = "--text-column", defaultValue = "text", description = "Column with the text (default: ${DEFAULT-VALUE}).")
        String textColumn;

        @Option(names = "--label-column", defaultValue = "category",
                description = "Column with the true label, used only for scoring (default: ${DEFAULT-VALUE}).")
        String labelColumn;

        @Option(names = "--language", description = "Language of every text (ISO 639-1); detected per text when absent.")
        String language;

        @Option(names = "--demo", description = "Evaluate on the product's generated demo signals (masked, labelled with "
                + "the problem the generator wrote them about) instead of a file.")
        boolean demo;

        @Option(names = "--demo-from", defaultValue = "2024-01-01", description = "First day of demo data (default: ${DEFAULT-VALUE}).")
        LocalDate demoFrom;

        @Option(names = "--demo-to", defaultValue = "2024-06-30", description = "Last day of demo data (default: ${DEFAULT-VALUE}).")
        LocalDate demoTo;

        @Option(names = "--detect", description = "With --demo: ignore the language the source declared and detect it.")
        boolean detect;

        @Option(names = "--threshold", description = "Assignment threshold (default: the product's, printed with the results).")
        Double threshold;

        @Option(names = "--merge-threshold", description = "Consolidation threshold (default: the product's, printed with the results).")
        Double mergeThreshold;

        @Option(names = "--rehome-threshold", description = "Each consolidation pass merges every small group into the most "
                + "similar larger group when at least this similar; 0 = off (default: the product's, printed with the results).")
        Double rehomeThreshold;

        @Option(names = "--consolidate-every", description = "A consolidation pass after every this many texts (and one at "
                + "the end); 0: only at the end (default: the product's, printed with the results).")
        Integer consolidateEvery;

        @Option(names = "--rehome-below", description = "Groups with fewer texts than this are re-homed (default: the product's, printed with the results).")
        Integer rehomeBelow;

        @Option(names = "--rehome-at-end-only", description = "Re-home only in the last consolidation pass (the product "
                + "re-homes in every pass).")
        boolean rehomeAtEndOnly;

        @Option(names = "--concept-weight", description = "Weight of lexicon concepts (default: the product's, printed with the results).")
        Double conceptWeight;

        @Option(names = "--cross-language-threshold",
                description = "Concept similarity needed to match across languages (default: the product's, printed with the results).")
        Double crossLanguageThreshold;

        @Option(names = "--self-training", description = "Strength of self-trained term weights, 0 (off) to 1 "
                + "(default: the product's, printed with the results).")
        Double selfTraining;

        @Option(names = "--pair-weight", description = "Weight of word-pair features (default: the product's, printed with the results).")
        Double pairWeight;

        @Option(names = "--embeddings", negatable = true, defaultValue = "true", fallbackValue = "true",
                description = "Use the bundled sentence-embedding model for English texts, as the product does "
                        + "(--no-embeddings: lexical features only).")
        boolean embeddings;

        @Option(names = "--embedding-threads", description = "Threads for the sentence embeddings, 1-64 (default: the cores).")
        Integer embeddingThreads;

        @Option(names = "--semantic-weight", description = "Weight of sentence embeddings against lexical features, "
                + "0 to 1 (default: 0.8). Ignored with --no-embeddings.")
        Double semanticWeight;

        @Option(names = "--semantic-assign", description = "Embedding cosine that counts as much as the assignment "
                + "threshold does for words; below --semantic-merge (default: 0.70).")
        Double semanticAssign;

        @Option(names = "--semantic-merge", description = "Embedding cosine that counts as much as the merge threshold "
                + "does for words (default: 0.85).")
        Double semanticMerge;

        @Option(names = "--semantic-skip", description = "A similarity of words, not of embeddings: texts whose words "
                + "alone match a group at least this similar are not embedded; 1 embeds every text (default: 0.35).")
        Double semanticSkip;

        @Option(names = "--file-order", description = "Group in the file's order instead of a seeded shuffle (labelled "
                + "files are often sorted by label, which flatters online grouping).")
        boolean fileOrder;

        @Option(names = "--seed", defaultValue = "77", description = "Shuffle seed (default: ${DEFAULT-VALUE}).")
        long seed;

        @Option(names = "--sweep", description = "Also print a table for a range of assignment and merge thresholds.")
        boolean sweep;

        @Option(names = "--language-column", description = "Column with each text's true language: scored, never told "
                + "to the grouper (prints how language-pure the groups are).")
        String languageColumn;

        @Option(names = "--parallel-column", description = "Column whose equal values mark translations of one text "
                + "(prints the share whose translations all share a group).")
        String parallelColumn;

        @Option(names = "--assignments", description = "Write each text's group id and the group's name to this CSV "
                + "(columns text, label, group, name).")
        java.nio.file.Path assignments;

        @Option(names = "--root-causes", negatable = true, defaultValue = "true", fallbackValue = "true",
                description = "Join groups that are one root cause, as the product's consolidation does "
                        + "(--no-root-causes: the groups found are the problems).")
        boolean rootCauses;

        @Option(names = "--root-percentile", description = "Similarity percentile a link between groups needs "
                + "(default: the product's, printed with the results).")
        Double rootPercentile;

        @Option(names = "--root-resolution", description = "Resolution of the root-cause communities; higher: more, "
                + "smaller root causes (default: the product's, printed with the results).")
        Double rootResolution;

        @Option(names = "--root-neighbours", description = "Most similar groups each group is linked to in the "
                + "root-cause graph, 1-100 (default: the product's, printed with the results).")
        Integer rootNeighbours;

        @Option(names = "--translation", negatable = true, defaultValue = "true", fallbackValue = "true",
                description = "Translate words of other languages into English pivot features with the installed "
                        + "bilingual dictionaries, as the product does (--no-translation: the concept lexicon only).")
        boolean translation;

        @Option(names = "--show-groups", defaultValue = "10", description = "Largest groups to print (default: ${DEFAULT-VALUE}).")
        int showGroups;

        @Override
        public Integer call() throws Exception {
            ToolLogging.warningsOnly();
            List<Example> examples;
            String title;
            if (demo) {
                examples = demoExamples(demoFrom, demoTo, !detect);
                title = "demo signals " + demoFrom + " to " + demoTo + (detect ? ", language detected" : ", language given");
            } else if (file != null) {
                if (!java.nio.file.Files.isReadable(file)) {
                    System.err.println("No such file (or not readable): " + file.toAbsolutePath().normalize());
                    return 2;
                }
                examples = GroupingEvaluation.readCsv(file, textColumn, labelColumn, language, languageColumn,
                        parallelColumn);
                title = file + (language == null ? ", language detected" : ", language " + language);
            } else {
                System.err.println("Give a CSV file or --demo.");
                return 2;
            }
            Settings settings = Settings.defaults();
            if (threshold != null) {
                settings = settings.withAssignThreshold(threshold);
            }
            if (mergeThreshold != null) {
                settings = settings.withMergeThreshold(mergeThreshold);
            }
            if (conceptWeight != null) {
                settings = settings.withConceptWeight(conceptWeight);
            }
            if (crossLanguageThreshold != null) {
                settings = settings.withCrossLanguageThreshold(crossLanguageThreshold);
            }
            if (pairWeight != null) {
                settings = settings.withPairWeight(pairWeight);
            }
            if (selfTraining != null) {
                settings = settings.withSelfTraining(selfTraining);
            }
            if (semanticWeight != null || semanticAssign != null || semanticMerge != null) {
                settings = settings.withSemantic(semanticWeight != null ? semanticWeight : settings.semanticWeight(),
                        semanticAssign != null ? semanticAssign : settings.semanticAssignThreshold(),
                        semanticMerge != null ? semanticMerge : settings.semanticMergeThreshold());
            }
            if (semanticSkip != null) {
                settings = settings.withSemanticSkipThreshold(semanticSkip);
            }
            Options options = Options.defaults().withShuffleSeed(fileOrder ? null : seed)
                    .withRehomeEveryPass(!rehomeAtEndOnly);
            if (consolidateEvery != null) {
                options = options.withConsolidateEvery(consolidateEvery);
            }
            if (rehomeThreshold != null || rehomeBelow != null) {
                options = options.withRehome(rehomeThreshold != null ? rehomeThreshold : options.rehomeThreshold(),
                        rehomeBelow != null ? rehomeBelow : options.rehomeBelowSize());
            }
            if (!rootCauses) {
                options = options.withRootCauses(null);
            } else if (rootPercentile != null || rootResolution != null || rootNeighbours != null) {
                var rs = options.rootCauses();
                options = options.withRootCauses(rs.withPercentile(rootPercentile != null ? rootPercentile : rs.percentile())
                        .withResolution(rootResolution != null ? rootResolution : rs.resolution())
                        .withNeighbours(rootNeighbours != null ? rootNeighbours : rs.neighbours()));
            }
            System.out.println(options);
            if (embeddingThreads != null && (embeddingThreads < 1 || embeddingThreads > 64)) {
                System.err.println("--embedding-threads must be within 1-64, was " + embeddingThreads);
                return 2;
            }
            SentenceEmbedder embedder = embeddings ? SentenceEmbedder.bundled(
                    embeddingThreads != null ? embeddingThreads : Math.min(64, Runtime.getRuntime().availableProcessors()))
                    : null;
            try {
                return evaluate(examples, title, settings, options, embedder);
            } finally {
                if (embedder != null) {
                    embedder.close();
                }
            }
        }

        /** Each text's label, language (when told), group and the group's name, as CSV. */
        private void writeAssignments(Report r) {
            try (var out = de.siegmar.fastcsv.writer.CsvWriter.builder().build(assignments)) {
                out.writeRecord("text", "label", "language", "group", "name");
                for (int i = 0; i < r.groupOf().length; i++) {
                    Example e = r.order().get(i);
                    out.writeRecord(e.text(), e.label(), e.language() == null ? "" : e.language(),
                            Long.toString(r.groupOf()[i]), r.names().getOrDefault(r.groupOf()[i], ""));
                }
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException("cannot write " + assignments, e);
            }
            System.out.println("assignments       " + assignments.toAbsolutePath().normalize());
        }

        private int evaluate(List<Example> examples, String title, Settings settings, Options options,
                SentenceEmbedder embedder) {
            var standard = translation ? TextAnalyzer.standard() : TextAnalyzer.standard().withoutTranslation();
            var analyzer = embedder == null ? standard : standard.withEmbedder(embedder);
            System.out.println("Translation: " + (standard.translatedLanguages().isEmpty() ? "none"
                    : "into English, words per language " + standard.translatedLanguages()));
            System.out.println("Embeddings: " + (embedder == null ? "off (lexical features only)"
                    : embedder.model() + ", for English texts"));
            System.out.printf(Locale.ROOT, "Grouping %,d texts (%s; %s order; Java %s, %d cores)%n", examples.size(), title,
                    fileOrder ? "file" : "shuffled, seed " + seed, Runtime.version(),
                    Runtime.getRuntime().availableProcessors());
            System.out.println(settings);
            Report r = GroupingEvaluation.run(examples, analyzer, settings, options);
            System.out.printf(Locale.ROOT, "%nlabels            %d%n", r.labels());
            System.out.printf(Locale.ROOT, "groups found      %d   (holding 1: %d, 2-4: %d, 5-19: %d, 20+: %d texts)%n",
                    r.groups(), r.sizeBuckets()[0], r.sizeBuckets()[1], r.sizeBuckets()[2], r.sizeBuckets()[3]);
            System.out.printf(Locale.ROOT, "NMI               %.4f%n", r.nmi());
            System.out.printf(Locale.ROOT, "ARI               %.4f%n", r.ari());
            System.out.printf(Locale.ROOT, "homogeneity       %.4f   (1: no group mixes labels)%n", r.homogeneity());
            System.out.printf(Locale.ROOT, "completeness      %.4f   (1: no label is split over groups)%n", r.completeness());
            System.out.printf(Locale.ROOT, "texts/s           %,.0f   (analysis + online assignment, after a warm-up)%n",
                    r.textsPerSecond());
            System.out.printf(Locale.ROOT, "                  of which analysis %.2f s (%,.0f texts/s), assignment %.2f s (%,.0f texts/s)%n",
                    r.analysisSeconds(), r.texts() / Math.max(1e-9, r.analysisSeconds()), r.assignmentSeconds(),
                    r.texts() / Math.max(1e-9, r.assignmentSeconds()));
            System.out.printf(Locale.ROOT, "embedded          %,d of %,d texts (the rest: words decided, or no model for the language)%n",
                    r.embedded(), r.texts());
            System.out.printf(Locale.ROOT, "consolidation     %.2f s, %d merges; %d small groups re-homed; %d joined as one root cause%n",
                    r.consolidationSeconds(), r.merges(), r.rehomed(), r.rootMerges());
            System.out.printf(Locale.ROOT, "variants          %d groups before root causes joined them: NMI %.4f, homogeneity %.4f, completeness %.4f%n",
                    r.variants().groups(), r.variants().nmi(), r.variants().homogeneity(), r.variants().completeness());
            if (r.languageHomogeneity() != null) {
                System.out.printf(Locale.ROOT, "language purity   homogeneity %.4f, NMI %.4f of the groups against the language (0: languages mixed, 1: one language per group)%n",
                        r.languageHomogeneity(), r.languageNmi());
            }
            if (r.translationsTogether() != null) {
                System.out.printf(Locale.ROOT, "translations      %.1f %% of texts with translations share one group with all of them%n",
                        100 * r.translationsTogether());
            }
            if (assignments != null) {
                writeAssignments(r);
            }
            if (showGroups > 0) {
                System.out.printf(Locale.ROOT, "%nlargest groups: size, name, most common true label (share); then the "
                        + "top terms and the name in each language (texts named from)%n");
                r.largestGroups().stream().limit(showGroups).forEach(g -> {
                    System.out.printf(Locale.ROOT, "  %5d  %-60s %s (%.0f%%)%n", g.size(), g.name(), g.majorityLabel(),
                            100.0 * g.majorityCount() / g.size());
                    System.out.printf(Locale.ROOT, "         terms: %s%n", String.join(", ", g.topTerms()));
                    g.namesByLanguage().forEach((language, name) -> System.out.printf(Locale.ROOT,
                            "         (%s, %d) %s%n", language, g.sampleByLanguage().get(language), name));
                });
            }
            if (sweep) {
                System.out.printf(Locale.ROOT, "%n%-9s %-9s %7s %6s %6s %18s %9s%n", "assign", "merge", "groups", "NMI",
                        "ARI", "1/2-4/5-19/20+", "texts/s");
                for (double a : new double[] {0.25, 0.30, 0.35, 0.40}) {
                    for (double m : new double[] {0.40, 0.50, 0.60}) {
                        Report s = GroupingEvaluation.run(examples, analyzer,
                                settings.withAssignThreshold(a).withMergeThreshold(m), options.withWarmup(false));
                        System.out.printf(Locale.ROOT, "%-9.2f %-9.2f %7d %6.3f %6.3f %18s %9.0f%n", a, m, s.groups(),
                                s.nmi(), s.ari(), s.sizeBuckets()[0] + "/" + s.sizeBuckets()[1] + "/"
                                        + s.sizeBuckets()[2] + "/" + s.sizeBuckets()[3], s.textsPerSecond());
                    }
                }
            }
            return 0;
        }
    }

    /**
     * The product's own demo signals of a period, masked as intake would store them, each with the language its
     * source declared and the real problem the generator wrote it about as the label. (Here and not in problems:
     * the problems module must not depend on the demo, which depends on it.)
     */
    static List<Example> demoExamples(java.time.LocalDate from, java.time.LocalDate to, boolean withLanguage) {
        var masker = TextMasker.standard();
        var settings = new DemoSettings(DemoSettings.DEFAULT_SEED, from, to, 1.0);
        return new DemoDataGenerator(settings).signals()
                .map(x -> new Example(masker.mask(x.raw().text()).text(), withLanguage ? x.raw().language() : null,
                        x.problem().key()))
                .toList();
    }
}
