package com.zeromission.problems;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import com.zeromission.metrics.CpmService;
import com.zeromission.privacy.TextMasker;
import com.zeromission.problems.ProblemEvent.Kind;
import com.zeromission.problems.ProblemViews.Details;
import com.zeromission.problems.ProblemViews.Variant;
import com.zeromission.problems.ProblemViews.Example;
import com.zeromission.problems.ProblemViews.Regression;
import com.zeromission.problems.ProblemViews.WeekFigure;
import com.zeromission.problems.internal.GroupingEngine;
import com.zeromission.problems.internal.ProblemRepository;
import com.zeromission.problems.internal.ProblemRepository.Member;

import static com.zeromission.problems.Problems.MAX_LIST;
import static com.zeromission.problems.Problems.MAX_SPLIT;
import static com.zeromission.problems.Problems.weekLabel;

/**
 * Reading problems for {@link Problems}: a problem with its variants' counts, its variants, its details page (examples,
 * weeks, names per language), lists, regressions, recent merges, and the signals of a week. Changes nothing.
 */
final class ProblemReads {

    private final GroupingEngine engine;
    private final ProblemRepository repository;
    private final TextMasker masker;

    ProblemReads(GroupingEngine engine, ProblemRepository repository, TextMasker masker) {
        this.engine = engine;
        this.repository = repository;
        this.masker = masker;
    }

    /** A problem; a root cause with its variants' counts added. */
    Problem get(long id) {
        return withVariants(require(id), repository.roots());
    }

    /** A root cause's counts with its variants' added (other problems as they are). */
    Problem withVariants(Problem p, Map<Long, Long> roots) {
        var variants = variantIds(p.id(), roots);
        if (p.rootId() != null || variants.isEmpty()) {
            return p;
        }
        long signals = p.signals();
        long complaints = p.complaints();
        Instant first = p.firstSeen();
        Instant last = p.lastSeen();
        for (Problem v : repository.findAll(variants)) {
            signals += v.signals();
            complaints += v.complaints();
            first = first == null ? v.firstSeen() : v.firstSeen() == null ? first : min(first, v.firstSeen());
            last = last == null ? v.lastSeen() : v.lastSeen() == null ? last : max(last, v.lastSeen());
        }
        return p.withTotals(signals, complaints, first, last);
    }

    /** The variants of a root cause (its other phrasings and languages), largest first; empty for other problems. */
    List<Problem> variants(long rootId) {
        return variants(rootId, repository.roots());
    }

    List<Problem> variants(long rootId, Map<Long, Long> roots) {
        return repository.findAll(variantIds(rootId, roots)).stream().sorted(Comparator.comparingLong(Problem::signals)
                .reversed().thenComparingLong(Problem::id)).toList();
    }

    /** The ids of a root cause's variants, from the map of variant → root cause that {@code repository.roots()} reads. */
    private static List<Long> variantIds(long rootId, Map<Long, Long> roots) {
        return roots.entrySet().stream().filter(e -> e.getValue() == rootId).map(Map.Entry::getKey).toList();
    }

    /** A problem's names per language as stored, most texts first. */
    Map<String, String> namesByLanguage(long id) {
        var names = new LinkedHashMap<String, String>();
        String stored = repository.names(id);
        if (stored != null) {
            for (String line : stored.split("\n")) {
                String[] parts = line.split("\t", 3);
                if (parts.length == 3) {
                    names.put(parts[0], parts[2]);
                }
            }
        }
        return names;
    }

    /**
     * The ids of the signals of a problem received in the ISO week of {@code week} (UTC), oldest first, at most
     * {@code limit}. Ids only: the signals themselves (channel, pseudonym, source) are intake's, read through its API.
     */
    List<UUID> signalsInWeek(long problemId, LocalDate week, int limit) {
        if (limit < 1 || limit > MAX_SPLIT) {
            throw new IllegalArgumentException("limit must be between 1 and " + MAX_SPLIT + ", was " + limit);
        }
        LocalDate monday = ProblemRepository.weekOf(week.atStartOfDay(java.time.ZoneOffset.UTC).toInstant());
        Instant from = monday.atStartOfDay(java.time.ZoneOffset.UTC).toInstant();
        var ids = new ArrayList<UUID>(repository.signalIdsReceived(problemId, from, from.plus(java.time.Duration.ofDays(7)), limit));
        for (Problem v : variants(problemId)) {
            if (ids.size() >= limit) {
                break;
            }
            ids.addAll(repository.signalIdsReceived(v.id(), from, from.plus(java.time.Duration.ofDays(7)), limit - ids.size()));
        }
        return ids;
    }

    /** The problem a signal was grouped into (empty while it waits in the inbox, or for an unknown id). */
    java.util.Optional<Problem> problemOf(String signalId) {
        UUID id;
        try {
            id = UUID.fromString(signalId.strip());
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("'" + masker.mask(String.valueOf(signalId)).text() + "' is not a signal id");
        }
        return repository.problemOf(id).map(this::require);
    }

    List<Problem> list(List<ProblemState> states, int limit) {
        if (limit < 1 || limit > MAX_LIST) {
            throw new IllegalArgumentException("limit must be between 1 and " + MAX_LIST + ", was " + limit);
        }
        // Root causes only, each with its variants' counts; largest first.
        var roots = repository.roots();
        return repository.list(states.isEmpty() ? List.of(ProblemState.OPEN, ProblemState.REGRESSED) : states, 100_000)
                .stream().filter(p -> !roots.containsKey(p.id())).map(p -> withVariants(p, roots))
                .sorted(Comparator.comparingLong(Problem::signals).reversed().thenComparingLong(Problem::id))
                .limit(limit).toList();
    }

    Details details(long id) {
        return details(id, Integer.MAX_VALUE);
    }

    /**
     * A problem's details, with examples for its {@code variantsWithExamples} largest variants only (the others are
     * listed with their counts and no examples): a big root cause has dozens of variants, and reading each one's
     * members was most of its page's time, for examples the page folds away.
     */
    Details details(long id, int variantsWithExamples) {
        if (variantsWithExamples < 0) {
            throw new IllegalArgumentException("variantsWithExamples must be 0 or more, was " + variantsWithExamples);
        }
        var roots = repository.roots();
        Problem problem = withVariants(require(id), roots);
        List<String> terms = problem.state() == ProblemState.MERGED ? List.of() : engine.topTerms(id, 10);
        // The most similar members, one per wording: many complaints repeat the same sentence. The first few members
        // usually give all five; the 1,000 (texts and all) are read only when they do not (that read was most of the
        // page's time for a big problem); a problem with fewer members than were asked for has given them all.
        var best = repository.mostSimilar(id, FEW_MEMBERS);
        var examples = examples(best);
        if (examples.size() < 5 && best.size() == FEW_MEMBERS) {
            examples = examples(repository.mostSimilar(id, 1_000));
        }
        // Its variants: each with its examples, one per language (at most three), read the same way (for all of them in
        // one statement, and again with 200 for those whose few best lack three languages).
        var variants = new ArrayList<Variant>();
        var all = variants(id, roots);
        var shown = all.stream().limit(variantsWithExamples).map(Problem::id).toList();
        var few = repository.mostSimilarOfEach(shown, FEW_MEMBERS);
        var more = repository.mostSimilarOfEach(shown.stream().filter(v -> few.get(v).size() == FEW_MEMBERS
                && byLanguage(few.get(v)).size() < 3).toList(), 200);
        for (Problem v : all) {
            variants.add(new Variant(v, few.containsKey(v.id()) ? byLanguage(more.getOrDefault(v.id(), few.get(v.id())))
                    : List.of()));
        }
        Problem rootCause = problem.rootId() == null ? null : repository.find(problem.rootId()).orElse(null);
        var weeks = new TreeMap<LocalDate, long[]>();
        var markets = new TreeMap<String, Long>();
        var products = new TreeMap<String, Long>();
        var channels = new TreeMap<String, Long>();
        repository.forEachRootWeek(List.of(id), roots, LocalDate.of(1900, 1, 1), LocalDate.of(9999, 12, 31), c -> {
            long[] w = weeks.computeIfAbsent(c.cell().weekStart(), k -> new long[2]);
            w[0] += c.signals();
            if (CpmService.COMPLAINT_CHANNELS.contains(c.cell().channel())) {
                w[1] += c.signals();
            }
            markets.merge(c.cell().market(), c.signals(), Long::sum);
            products.merge(c.cell().product(), c.signals(), Long::sum);
            channels.merge(c.cell().channel(), c.signals(), Long::sum);
        });
        var figures = weeks.entrySet().stream().map(e -> new WeekFigure(e.getKey(), weekLabel(e.getKey()), e.getValue()[0],
                e.getValue()[1])).toList();
        return new Details(problem, terms, examples, figures, markets, products, channels, repository.events(id, 100),
                namesByLanguage(id), variants, rootCause);
    }

    /** Members read first for a problem's examples; more only when these lack enough wordings or languages. */
    private static final int FEW_MEMBERS = 40;
    private static final java.util.regex.Pattern NON_WORDS = java.util.regex.Pattern.compile("\\W+");

    /** Up to five examples, the first member of each wording (in the order given). */
    private static List<Example> examples(List<Member> members) {
        var examples = new ArrayList<Example>();
        var seen = new HashSet<String>();
        for (Member m : members) {
            if (seen.add(NON_WORDS.matcher(m.text().toLowerCase(Locale.ROOT)).replaceAll(" ").strip())) {
                examples.add(example(m));
            }
            if (examples.size() == 5) {
                break;
            }
        }
        return examples;
    }

    /** Up to three examples, the first member of each language (in the order given). */
    private static List<Example> byLanguage(List<Member> members) {
        var byLanguage = new LinkedHashMap<String, Example>();
        for (Member m : members) {
            if (byLanguage.size() < 3) {
                byLanguage.putIfAbsent(m.language(), example(m));
            }
        }
        return List.copyOf(byLanguage.values());
    }

    static Example example(Member m) {
        return new Example(m.signalId().toString(), m.receivedAt(), m.market(), m.product(), m.channel(), m.language(),
                m.text(), m.similarity());
    }

    /**
     * The text of each problem's most representative example (its first example in {@link #details}), masked as
     * stored; absent for a problem without members. What makes a list of auto-labelled problems readable.
     */
    Map<Long, String> representativeTexts(java.util.Collection<Long> problemIds) {
        if (problemIds.size() > MAX_LIST) {
            throw new IllegalArgumentException("at most " + MAX_LIST + " problems at once, got " + problemIds.size());
        }
        var texts = new LinkedHashMap<Long, String>();
        for (Long id : new LinkedHashSet<>(problemIds)) {
            repository.mostSimilar(id, 1).stream().findFirst().ifPresent(m -> texts.put(id, m.text()));
        }
        return texts;
    }

    List<Regression> regressions() {
        return repository.list(List.of(ProblemState.REGRESSED), MAX_LIST).stream()
                .map(p -> new Regression(p, p.resolvedAt(), p.regressedAt(), repository.sinceResolved(p.id()))).toList();
    }

    List<ProblemEvent> recentMerges(int limit) {
        return repository.recentEvents(List.of(Kind.AUTO_MERGE, Kind.MERGE), Math.min(Math.max(limit, 1), MAX_LIST));
    }

    Problem require(long id) {
        return repository.find(id).orElseThrow(() -> new ProblemNotFoundException(id));
    }

    static Instant min(Instant a, Instant b) {
        return a == null ? b : b == null ? a : a.isBefore(b) ? a : b;
    }

    static Instant max(Instant a, Instant b) {
        return a == null ? b : b == null ? a : a.isAfter(b) ? a : b;
    }
}
