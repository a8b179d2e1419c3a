package com.zeromission.problems.grouping;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongSupplier;

import com.zeromission.text.AnalyzedText;

/**
 * Groups texts into problems online, one text at a time, without being told how many problems there are.
 *
 * <p>How: each text becomes a TF-IDF vector over its features (sublinear term frequency {@code 1 + ln tf}, times
 * the smoothed inverse document frequency {@code ln((1 + N) / (1 + df)) + 1} from running counts, times the
 * {@link Settings#pairWeight()} or {@link Settings#conceptWeight()} for those kinds of feature), normalised to
 * length 1. A group is the sum of its members' unit vectors (its centroid, proportional to their mean, truncated to
 * the heaviest {@link Settings#maxTermsPerGroup()} terms). A text joins the group whose centroid is most similar by
 * cosine if that similarity reaches {@link Settings#assignThreshold()}, and starts a new group otherwise: the number
 * of groups follows from the data. Leader clustering like this depends on the order texts come in; {@link
 * #consolidate} (run periodically by the caller) repairs the typical failure, one problem found as several groups
 * early on, by merging groups whose centroids are similar.
 *
 * <p>Across languages: a text in another language than a group's shares only lexicon concepts with it, so it may
 * also join on the concept parts alone ({@link Settings#crossLanguageThreshold()}); consolidation merges groups of
 * different languages the same way.
 *
 * <p>Ids: new groups get their id from the {@link LongSupplier} given to the constructor (the caller's database
 * sequence), so ids are stable across restarts via {@link #snapshot()} and {@link #restore}.
 *
 * <p>Memory: per group at most {@code maxTermsPerGroup} weights and a count per language; the vocabulary with its
 * document frequencies is capped at {@link Settings#maxVocabulary()} terms (plus those the centroids use) by
 * forgetting rare ones that no centroid uses.
 *
 * <p>Thread-safety: every public method takes one lock, so the grouper may be shared between threads; assignments
 * are serialised, which is what online grouping needs anyway (each assignment changes the groups the next sees).
 * Pure Java: no Spring, no database.
 */
public final class OnlineGrouper {

    /** Weights in a centroid below this fraction of its heaviest one are dropped (they are rounding noise). */
    private static final double NEGLIGIBLE = 1e-9;

    private final Settings settings;
    private final LongSupplier ids;
    private final ReentrantLock lock = new ReentrantLock();

    // Vocabulary: term <-> dense int id, with document frequency and a surface form for labels.
    private final Map<String, Integer> termIds = new HashMap<>();
    private String[] termText = new String[1024];
    private String[] termSurface = new String[1024];
    private long[] df = new long[1024];
    /** Self-trained weight per term (1 until the first consolidation with {@link Settings#selfTraining()} on). */
    private double[] termWeight = filled(1024);
    private int vocabulary;
    private long documents;

    /** The groups in creation order (ties go to the older group) and by id. */
    private final List<Group> groups = new ArrayList<>();
    private final Map<Long, Group> byId = new HashMap<>();

    /** Scratch space: a text's weights by term id, while the lock is held. */
    private double[] scratch = new double[1024];

    /** A group: its id, size and centroid (sorted term ids with the summed weights). */
    private static final class Group {
        final long id;
        long size;
        boolean pinned;
        int[] terms;
        double[] weights;
        double norm;
        /** Length of the centroid's concept part only (for matching across languages). */
        double conceptNorm;
        /**
         * Sum of the sentence embeddings of the members that have one (null while none has): the group's semantic
         * centroid, with its length.
         */
        float[] embedding;
        double embeddingNorm;
        /** The group's column in {@link Meanings} (its unit semantic centroid), or -1 while it has no embedding. */
        int column = -1;
        /** How many members were written in each language; the most frequent is the group's language. */
        final Map<String, Long> languages = new LinkedHashMap<>(4);
        String language = "";

        Group(long id, long size, boolean pinned, int[] terms, double[] weights) {
            this.id = id;
            this.size = size;
            this.pinned = pinned;
            set(terms, weights);
        }

        void set(int[] terms, double[] weights) {
            this.terms = terms;
            this.weights = weights;
            double s = 0;
            for (double w : weights) {
                s += w * w;
            }
            this.norm = Math.sqrt(s);
        }

        /** Counts members in a language; the group's language is the most frequent, on a tie the one seen first. */
        void countLanguage(String lang, long n) {
            languages.merge(lang, n, Long::sum);
            long most = 0;
            for (var e : languages.entrySet()) {
                if (e.getValue() > most) {
                    most = e.getValue();
                    language = e.getKey();
                }
            }
        }
    }

    /**
     * A text as a sparse unit vector, term ids ascending, with its language, the length of its concept part and its
     * sentence embedding (null when it has none or semantic matching is off).
     */
    private record Vector(int[] terms, double[] weights, String language, double conceptNorm, float[] embedding) {

        Vector(int[] terms, double[] weights) {
            this(terms, weights, "", 0, null);
        }
    }

    /**
     * The groups' semantic centroids as unit vectors, stored by dimension ({@code byDimension[d][column]}), so that a
     * text's cosines to all groups at once are a sum of scaled rows: loops without a reduction, which the JIT turns
     * into SIMD instructions (several times faster than one dot product per group).
     */
    private static final class Meanings {
        float[][] byDimension;
        int columns;
        final java.util.ArrayDeque<Integer> free = new java.util.ArrayDeque<>();
        float[] scores = new float[0];

        void update(Group g) {
            float[] e = g.embedding;
            if (byDimension == null) {
                byDimension = new float[e.length][64];
            }
            if (g.column < 0) {
                if (!free.isEmpty()) {
                    g.column = free.pop();
                } else {
                    if (columns == byDimension[0].length) {
                        for (int d = 0; d < byDimension.length; d++) {
                            byDimension[d] = Arrays.copyOf(byDimension[d], columns * 2);
                        }
                    }
                    g.column = columns++;
                }
            }
            float scale = g.embeddingNorm > 0 ? (float) (1 / g.embeddingNorm) : 0f;
            for (int d = 0; d < e.length; d++) {
                byDimension[d][g.column] = e[d] * scale;
            }
        }

        void release(Group g) {
            if (g.column >= 0) {
                for (float[] row : byDimension) {
                    row[g.column] = 0;
                }
                free.push(g.column);
                g.column = -1;
            }
        }

        /** Cosines of a unit vector to every column; valid until the next call. */
        float[] scores(float[] x) {
            if (scores.length < columns) {
                scores = new float[byDimension[0].length];
            }
            Arrays.fill(scores, 0, columns, 0f);
            int n = columns;
            for (int d = 0; d < x.length; d++) {
                float xd = x[d];
                float[] row = byDimension[d];
                for (int c = 0; c < n; c++) {
                    scores[c] += xd * row[c];
                }
            }
            return scores;
        }
    }

    private final Meanings meanings = new Meanings();
    /** While a text is compared with every group: its cosines to the groups' semantic centroids, by column. */
    private float[] textMeaning;

    /** Which term ids are lexicon concepts (their text starts with {@code ~}). */
    private boolean[] concept = new boolean[1024];

    private static double[] filled(int n) {
        double[] a = new double[n];
        Arrays.fill(a, 1.0);
        return a;
    }

    public OnlineGrouper(Settings settings, LongSupplier ids) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.ids = Objects.requireNonNull(ids, "ids");
    }

    public Settings settings() {
        return settings;
    }

    /**
     * Puts a text into the most similar group, or into a new one when none is similar enough, and updates that
     * group and the document frequencies.
     */
    public Assignment assign(AnalyzedText text) {
        Objects.requireNonNull(text, "text");
        lock.lock();
        try {
            count(text);
            Vector v = vectorise(text);
            Group best = null;
            double bestSimilarity = 0;
            if (v.terms().length > 0 || v.embedding() != null) {
                load(v);
                textMeaning = meaningOf(v);
                for (Group g : groups) {
                    double s = similarity(v, g);
                    if (s > bestSimilarity) {
                        bestSimilarity = s;
                        best = g;
                    }
                }
                textMeaning = null;
                unload(v);
            }
            bestSimilarity = Math.min(1.0, bestSimilarity);
            if (best != null && bestSimilarity >= settings.assignThreshold()) {
                addTo(best, v, 1);
                pruneIfFull();
                return new Assignment(best.id, false, bestSimilarity);
            }
            Group created = create(ids.getAsLong(), v, 1);
            pruneIfFull();
            return new Assignment(created.id, true, bestSimilarity);
        } finally {
            lock.unlock();
        }
    }

    /**
     * Whether a text's sentence embedding could change where it goes: false when semantic matching is off, or when its
     * words alone already match a group at least {@link Settings#semanticSkipThreshold()} similar (0.35 by default,
     * well above the assignment threshold): then the embedding, the expensive part of analysing a text, is not worth
     * computing.
     * Asked before the text is embedded (the caller embeds only the texts this says yes to); changes nothing.
     */
    public boolean wantsEmbedding(AnalyzedText text) {
        Objects.requireNonNull(text, "text");
        if (settings.semanticWeight() == 0) {
            return false;
        }
        if (settings.semanticSkipThreshold() >= 1) {
            return true; // 1 means: embed every text, even an exact repeat
        }
        lock.lock();
        try {
            Vector v = vectorise(text, false);
            if (v.terms().length == 0) {
                return true;
            }
            load(v);
            try {
                for (Group g : groups) {
                    if (similarity(v, g) >= settings.semanticSkipThreshold()) {
                        return false;
                    }
                }
            } finally {
                unload(v);
            }
            return true;
        } finally {
            lock.unlock();
        }
    }

    /**
     * The most similar group to a text other than {@code excludedGroupId}, without changing anything (for
     * re-homing: is there a better home for a member of a small group?). Empty when there is no other group or the
     * text has no features.
     */
    public Optional<Assignment> closest(AnalyzedText text, long excludedGroupId) {
        return closest(text, excludedGroupId, 1);
    }

    /** {@link #closest(AnalyzedText, long)} among the groups holding at least {@code minSize} texts. */
    public Optional<Assignment> closest(AnalyzedText text, long excludedGroupId, long minSize) {
        Objects.requireNonNull(text, "text");
        lock.lock();
        try {
            Vector v = vectorise(text, false);
            if (v.terms().length == 0 && v.embedding() == null) {
                return Optional.empty();
            }
            load(v);
            textMeaning = meaningOf(v);
            Group best = null;
            double bestSimilarity = -1;
            for (Group g : groups) {
                if (g.id == excludedGroupId || g.size < minSize) {
                    continue;
                }
                double s = similarity(v, g);
                if (s > bestSimilarity) {
                    bestSimilarity = s;
                    best = g;
                }
            }
            textMeaning = null;
            unload(v);
            return best == null ? Optional.empty()
                    : Optional.of(new Assignment(best.id, false, Math.max(0, Math.min(1.0, bestSimilarity))));
        } finally {
            lock.unlock();
        }
    }

    /**
     * Creates the group {@code groupId} from these texts, or extends it when it exists (analyst's split, re-homing a
     * signal, rebuilding a group). The texts are taken to be counted already by an earlier {@link #assign}, so the
     * document frequencies do not change.
     */
    public void add(long groupId, List<AnalyzedText> members) {
        Objects.requireNonNull(members, "members");
        if (members.isEmpty()) {
            throw new IllegalArgumentException("add needs at least one text for group " + groupId);
        }
        lock.lock();
        try {
            Group g = byId.get(groupId);
            for (AnalyzedText t : members) {
                Vector v = vectorise(t);
                if (g == null) {
                    g = create(groupId, v, 1);
                } else {
                    addTo(g, v, 1);
                }
            }
        } finally {
            lock.unlock();
        }
    }

    /**
     * Puts a text into the group {@code groupId} (created when absent) exactly as {@link #assign} put it there,
     * document frequencies included: replaying another grouper's assignments in their order this way leaves this
     * grouper equal to that one (several application instances keep their groupers alike so).
     */
    public void replay(long groupId, AnalyzedText text) {
        Objects.requireNonNull(text, "text");
        lock.lock();
        try {
            count(text);
            Vector v = vectorise(text);
            Group g = byId.get(groupId);
            if (g == null) {
                create(groupId, v, 1);
            } else {
                addTo(g, v, 1);
            }
            pruneIfFull();
        } finally {
            lock.unlock();
        }
    }

    /** Merges group {@code fromId} into {@code intoId}: centroids add up (so each weighs by its size), sizes too. */
    public void merge(long intoId, long fromId) {
        if (intoId == fromId) {
            throw new IllegalArgumentException("a group cannot be merged into itself: " + intoId);
        }
        lock.lock();
        try {
            Group into = group(intoId);
            Group from = group(fromId);
            absorb(into, from);
            groups.remove(from);
            byId.remove(fromId);
            meanings.release(from);
        } finally {
            lock.unlock();
        }
    }

    /** Forgets a group (its texts were deleted, or the caller rebuilds it with {@link #add}). */
    public void remove(long groupId) {
        lock.lock();
        try {
            Group removed = group(groupId);
            groups.remove(removed);
            byId.remove(groupId);
            meanings.release(removed);
        } finally {
            lock.unlock();
        }
    }

    /** A pinned group is never merged by {@link #consolidate} nor proposed by {@link #mergeCandidates}. */
    public void pin(long groupId, boolean pinned) {
        lock.lock();
        try {
            group(groupId).pinned = pinned;
        } finally {
            lock.unlock();
        }
    }

    public boolean isPinned(long groupId) {
        lock.lock();
        try {
            return group(groupId).pinned;
        } finally {
            lock.unlock();
        }
    }

    /** Cosine similarity of two groups' centroids, 0 to 1. */
    public double similarity(long a, long b) {
        lock.lock();
        try {
            return cosine(group(a), group(b));
        } finally {
            lock.unlock();
        }
    }

    /**
     * Pairs of unpinned groups whose centroids are at least {@code threshold} similar, most similar first; each pair
     * is {@code {larger group's id, smaller group's id}} (merge the second into the first to keep the bigger
     * problem's id). Compares every pair: meant for a periodic pass, not for every text.
     */
    public List<long[]> mergeCandidates(double threshold) {
        lock.lock();
        try {
            List<Candidate> found = candidates(threshold);
            List<long[]> pairs = new ArrayList<>(found.size());
            for (Candidate c : found) {
                pairs.add(new long[] {c.into().id, c.from().id});
            }
            return pairs;
        } finally {
            lock.unlock();
        }
    }

    private record Candidate(Group into, Group from, double similarity) {
    }

    private List<Candidate> candidates(double threshold) {
        if (!(threshold > 0 && threshold <= 1)) {
            throw new IllegalArgumentException("threshold must be within (0, 1], was " + threshold);
        }
        List<Candidate> found = new ArrayList<>();
        for (int i = 0; i < groups.size(); i++) {
            Group a = groups.get(i);
            if (a.pinned) {
                continue;
            }
            load(new Vector(a.terms, a.weights));
            for (int j = i + 1; j < groups.size(); j++) {
                Group b = groups.get(j);
                if (b.pinned) {
                    continue;
                }
                double s = dot(b) / (a.norm * b.norm);
                if (s < threshold && !a.language.equals(b.language) && a.conceptNorm > 0 && b.conceptNorm > 0) {
                    // the same problem found once per language: compare what the languages share, the concepts
                    double sc = conceptDot(b) / (a.conceptNorm * b.conceptNorm);
                    if (sc >= settings.crossLanguageThreshold()) {
                        s = threshold * Math.min(1.0, sc) / settings.crossLanguageThreshold();
                    }
                }
                s = withMeaning(s, a.embedding, a.embeddingNorm, b);
                if (s >= threshold) {
                    boolean aInto = a.size >= b.size; // ties: the older group keeps its id
                    found.add(new Candidate(aInto ? a : b, aInto ? b : a, Math.min(1.0, s)));
                }
            }
            unload(new Vector(a.terms, a.weights));
        }
        found.sort(Comparator.comparingDouble(Candidate::similarity).reversed());
        return found;
    }

    /**
     * The consolidation pass: merges unpinned groups whose centroids are at least {@link Settings#mergeThreshold()}
     * similar, most similar first, until no such pair is left (a merged centroid is compared again in the next
     * round). Returns the merges done, in order, for the caller to record and be able to undo.
     */
    public List<Merge> consolidate() {
        return consolidate(settings.mergeThreshold());
    }

    /** {@link #consolidate()} with another threshold. */
    public List<Merge> consolidate(double threshold) {
        lock.lock();
        try {
            List<Merge> done = new ArrayList<>();
            while (true) {
                List<Candidate> found = candidates(threshold);
                if (found.isEmpty()) {
                    if (settings.selfTraining() > 0) {
                        reweight();
                    }
                    return done;
                }
                Set<Group> touched = new HashSet<>();
                for (Candidate c : found) {
                    if (touched.contains(c.into()) || touched.contains(c.from())) {
                        continue; // its centroid changed in this round: compare it again in the next one
                    }
                    touched.add(c.into());
                    touched.add(c.from());
                    absorb(c.into(), c.from());
                    groups.remove(c.from());
                    byId.remove(c.from().id);
                    meanings.release(c.from());
                    done.add(new Merge(c.into().id, c.from().id, c.similarity()));
                }
            }
        } finally {
            lock.unlock();
        }
    }

    /**
     * Re-homing proposals: for each unpinned group with fewer than {@code belowSize} texts (oldest first), the most
     * similar unpinned group holding at least {@code belowSize} texts, when their centroids are at least {@code
     * minSimilarity} similar by cosine (ties: the older group). Online grouping starts a new group whenever a text is
     * unlike every group so far; most such starts are paraphrases of a known problem that had not formed yet, so a
     * small group is rather proposed into an established one than left alone. Sizes and centroids are those of now:
     * nothing changes here; the caller applies each proposal with {@link #merge} (and may refuse some, e.g. pairs an
     * analyst kept apart). Each {@link Merge} is {@code (large group, small group, similarity)}.
     */
    public List<Merge> rehomeCandidates(int belowSize, double minSimilarity) {
        if (belowSize < 2) {
            throw new IllegalArgumentException("belowSize must be at least 2, was " + belowSize);
        }
        if (!(minSimilarity >= 0 && minSimilarity <= 1)) {
            throw new IllegalArgumentException("minSimilarity must be within [0, 1], was " + minSimilarity);
        }
        lock.lock();
        try {
            List<Group> large = new ArrayList<>();
            for (Group g : groups) {
                if (!g.pinned && g.size >= belowSize) {
                    large.add(g);
                }
            }
            List<Merge> proposals = new ArrayList<>();
            for (Group small : groups) {
                if (small.pinned || small.size >= belowSize) {
                    continue;
                }
                Vector v = new Vector(small.terms, small.weights);
                load(v);
                Group best = null;
                double bestSimilarity = minSimilarity;
                for (Group l : large) {
                    double s = Math.min(1.0, Math.max(0,
                            withMeaning(dot(l) / (small.norm * l.norm), small.embedding, small.embeddingNorm, l)));
                    if (s > bestSimilarity || (best == null && s >= bestSimilarity)) {
                        best = l;
                        bestSimilarity = s;
                    }
                }
                unload(v);
                if (best != null) {
                    proposals.add(new Merge(best.id, small.id, bestSimilarity));
                }
            }
            return proposals;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Proposes splitting a group into two when its members form two clearly different problems (the consolidation
     * pass's counterpart of a merge): two-means over the members' vectors, seeded with the member least like the
     * rest and the member least like that one. Returns the members' indexes of each half, or empty when the halves'
     * centroids are at least {@code maxSimilarity} similar (one problem after all) or a half has fewer than {@code
     * minSize} members. Changes nothing; the caller applies a split with {@link #remove} and {@link #add}.
     */
    public Optional<List<List<Integer>>> proposeSplit(List<AnalyzedText> members, double maxSimilarity, int minSize) {
        Objects.requireNonNull(members, "members");
        if (minSize < 1) {
            throw new IllegalArgumentException("minSize must be at least 1");
        }
        if (members.size() < 2 * minSize) {
            return Optional.empty();
        }
        lock.lock();
        try {
            List<Vector> vectors = new ArrayList<>(members.size());
            for (AnalyzedText t : members) {
                vectors.add(vectorise(t, false));
            }
            Group all = centroidOf(vectors, null, true);
            int a = leastSimilar(vectors, all);
            Group seedA = centroidOf(List.of(vectors.get(a)), null, true);
            int b = leastSimilar(vectors, seedA);
            if (a == b) {
                return Optional.empty();
            }
            Group ca = seedA;
            Group cb = centroidOf(List.of(vectors.get(b)), null, true);
            boolean[] side = new boolean[vectors.size()];
            for (int round = 0; round < 6; round++) {
                boolean changed = false;
                for (int i = 0; i < vectors.size(); i++) {
                    Vector v = vectors.get(i);
                    load(v);
                    boolean toB = dot(cb) / cb.norm > dot(ca) / ca.norm;
                    unload(v);
                    changed |= toB != side[i];
                    side[i] = toB;
                }
                ca = centroidOf(vectors, side, false);
                cb = centroidOf(vectors, side, true);
                if (!changed && round > 0) {
                    break;
                }
            }
            List<Integer> left = new ArrayList<>();
            List<Integer> right = new ArrayList<>();
            for (int i = 0; i < side.length; i++) {
                (side[i] ? right : left).add(i);
            }
            if (left.size() < minSize || right.size() < minSize || cosine(ca, cb) >= maxSimilarity) {
                return Optional.empty();
            }
            return Optional.of(List.of(List.copyOf(left), List.copyOf(right)));
        } finally {
            lock.unlock();
        }
    }

    /** The (untruncated) centroid of the vectors on one side ({@code side == null}: all). */
    private Group centroidOf(List<Vector> vectors, boolean[] side, boolean which) {
        Group g = new Group(Long.MIN_VALUE, 1, false, new int[0], new double[0]);
        for (int i = 0; i < vectors.size(); i++) {
            if (side == null || side[i] == which) {
                merge(g, vectors.get(i));
            }
        }
        if (g.norm == 0) {
            g.norm = 1;
        }
        return g;
    }

    private int leastSimilar(List<Vector> vectors, Group to) {
        int worst = 0;
        double lowest = Double.MAX_VALUE;
        for (int i = 0; i < vectors.size(); i++) {
            Vector v = vectors.get(i);
            load(v);
            double s = dot(to);
            unload(v);
            if (s < lowest) {
                lowest = s;
                worst = i;
            }
        }
        return worst;
    }

    /**
     * Root causes: groups that are one problem written in other words or another language, found as communities of
     * the groups' similarity graph ({@link Communities}). Returns the communities of two or more unpinned groups, each
     * as its group ids, largest group first (ties: the older). Nothing changes here: the groups stay as they are (they
     * are the root cause's variants: its phrasings and languages) and the caller decides which group stands for
     * the root cause. Computed afresh from the groups each time, so the same groups give the same root causes.
     *
     * <p>The similarity of two groups here weighs each term of their centroids by how few groups use it ({@code
     * ln(G / groups using it)}): what every group has (greetings, "please", the merchant's name) says nothing about
     * the cause. Sentence embeddings do not take part: they are English-only, and a veto of English groups whose
     * embeddings disagree was measured worse (docs/grouping.md).
     */
    public List<List<Long>> rootCauses(RootCauseSettings rootSettings) {
        lock.lock();
        try {
            List<Group> nodes = new ArrayList<>();
            for (Group g : groups) {
                if (!g.pinned) {
                    nodes.add(g);
                }
            }
            if (nodes.size() > rootSettings.maxGroups()) {
                nodes.sort(Comparator.comparingLong((Group g) -> g.size).reversed());
                nodes = new ArrayList<>(nodes.subList(0, rootSettings.maxGroups()));
            }
            int n = nodes.size();
            if (n < 2) {
                return List.of();
            }
            int[] groupsUsing = new int[vocabulary];
            for (Group g : nodes) {
                for (int t : g.terms) {
                    groupsUsing[t]++;
                }
            }
            double[][] weights = new double[n][];
            for (int i = 0; i < n; i++) {
                Group g = nodes.get(i);
                double[] w = new double[g.terms.length];
                double norm = 0;
                for (int k = 0; k < w.length; k++) {
                    w[k] = g.weights[k] * Math.log((double) n / groupsUsing[g.terms[k]]);
                    norm += w[k] * w[k];
                }
                norm = Math.sqrt(norm);
                for (int k = 0; k < w.length && norm > 0; k++) {
                    w[k] /= norm;
                }
                weights[i] = w;
            }
            double[][] similarity = new double[n][n];
            for (int i = 0; i < n; i++) {
                Group a = nodes.get(i);
                for (int k = 0; k < a.terms.length; k++) {
                    scratch[a.terms[k]] = weights[i][k];
                }
                for (int j = i + 1; j < n; j++) {
                    Group b = nodes.get(j);
                    double s = 0;
                    for (int k = 0; k < b.terms.length; k++) {
                        s += scratch[b.terms[k]] * weights[j][k];
                    }
                    similarity[i][j] = s;
                    similarity[j][i] = s;
                }
                for (int t : a.terms) {
                    scratch[t] = 0;
                }
            }
            // Each group weighs √(its texts) in the graph: see Communities for why and what it bought.
            double[] weight = new double[n];
            for (int i = 0; i < n; i++) {
                weight[i] = Math.sqrt(Math.max(1, nodes.get(i).size));
            }
            int[] community = Communities.of(similarity, weight, rootSettings.neighbours(), rootSettings.percentile(),
                    rootSettings.resolution());
            Map<Integer, List<Group>> members = new java.util.TreeMap<>();
            for (int i = 0; i < n; i++) {
                members.computeIfAbsent(community[i], k -> new ArrayList<>()).add(nodes.get(i));
            }
            Map<Group, Integer> age = new HashMap<>();
            for (int i = 0; i < groups.size(); i++) {
                age.put(groups.get(i), i);
            }
            List<List<Long>> out = new ArrayList<>();
            for (List<Group> m : members.values()) {
                if (m.size() > 1) {
                    m.sort(Comparator.comparingLong((Group g) -> -g.size).thenComparing(age::get));
                    out.add(m.stream().map(g -> g.id).toList());
                }
            }
            return out;
        } finally {
            lock.unlock();
        }
    }

    /**
     * The {@code n} most distinctive terms of a group, heaviest first, as readable words: surface forms of stems
     * ("invoice", "fakturan") and bigrams ("exchange rate"); concept ids are left out (their words show), and a word
     * already shown inside a bigram is not repeated.
     */
    public List<String> topTerms(long groupId, int n) {
        if (n < 1) {
            throw new IllegalArgumentException("n must be at least 1");
        }
        lock.lock();
        try {
            Group g = group(groupId);
            Integer[] order = new Integer[g.terms.length];
            for (int i = 0; i < order.length; i++) {
                order[i] = i;
            }
            Arrays.sort(order, (x, y) -> Double.compare(g.weights[y], g.weights[x]));
            List<String> label = new ArrayList<>(n);
            Set<String> shownStems = new HashSet<>();
            for (int i : order) {
                if (label.size() == n) {
                    break;
                }
                String term = termText[g.terms[i]];
                if (term.startsWith("~")) {
                    continue;
                }
                String[] parts = term.split(" ");
                boolean allShown = true;
                for (String p : parts) {
                    allShown &= shownStems.contains(p);
                }
                if (allShown) {
                    continue;
                }
                shownStems.addAll(Arrays.asList(parts));
                String surface = termSurface[g.terms[i]];
                // A bigram replaces a single word of it that was shown before: "card" then "card arrive" -> keep both
                // words once, in the bigram.
                if (parts.length > 1) {
                    for (String p : parts) {
                        Integer pid = termIds.get(p);
                        if (pid != null) {
                            label.remove(termSurface[pid]);
                        }
                    }
                }
                label.add(surface);
            }
            return List.copyOf(label);
        } finally {
            lock.unlock();
        }
    }

    public long size(long groupId) {
        lock.lock();
        try {
            return group(groupId).size;
        } finally {
            lock.unlock();
        }
    }

    public boolean contains(long groupId) {
        lock.lock();
        try {
            return byId.containsKey(groupId);
        } finally {
            lock.unlock();
        }
    }

    /** The ids of all groups, oldest first. */
    public List<Long> groupIds() {
        lock.lock();
        try {
            return groups.stream().map(g -> g.id).toList();
        } finally {
            lock.unlock();
        }
    }

    public int groupCount() {
        lock.lock();
        try {
            return groups.size();
        } finally {
            lock.unlock();
        }
    }

    /** How many texts the document frequencies count. */
    public long documents() {
        lock.lock();
        try {
            return documents;
        } finally {
            lock.unlock();
        }
    }

    /** Everything the grouper knows, as plain data; {@link #restore} continues exactly from here. */
    public GrouperState snapshot() {
        lock.lock();
        try {
            List<GrouperState.TermStatistic> terms = new ArrayList<>(vocabulary);
            for (int i = 0; i < vocabulary; i++) {
                terms.add(new GrouperState.TermStatistic(termText[i], df[i], termSurface[i], termWeight[i]));
            }
            List<GrouperState.GroupState> out = new ArrayList<>(groups.size());
            for (Group g : groups) {
                Map<String, Double> centroid = new LinkedHashMap<>();
                for (int i = 0; i < g.terms.length; i++) {
                    centroid.put(termText[g.terms[i]], g.weights[i]);
                }
                out.add(new GrouperState.GroupState(g.id, g.size, g.pinned, centroid, g.languages,
                        g.embedding == null ? null : g.embedding.clone()));
            }
            return new GrouperState(documents, terms, out);
        } finally {
            lock.unlock();
        }
    }

    /** A grouper that continues from a {@link #snapshot()}; new groups get ids from {@code ids}. */
    public static OnlineGrouper restore(GrouperState state, Settings settings, LongSupplier ids) {
        Objects.requireNonNull(state, "state");
        var grouper = new OnlineGrouper(settings, ids);
        grouper.documents = state.documents();
        for (GrouperState.TermStatistic t : state.terms()) {
            if (grouper.termIds.containsKey(t.term())) {
                throw new IllegalArgumentException("term '" + t.term() + "' occurs twice in the state");
            }
            int id = grouper.newTerm(t.term(), t.surface());
            grouper.df[id] = t.documentFrequency();
            grouper.termWeight[id] = t.weight();
        }
        for (GrouperState.GroupState g : state.groups()) {
            if (grouper.byId.containsKey(g.id())) {
                throw new IllegalArgumentException("group " + g.id() + " occurs twice in the state");
            }
            int[] terms = new int[g.centroid().size()];
            int k = 0;
            for (String term : g.centroid().keySet()) {
                Integer id = grouper.termIds.get(term);
                terms[k++] = id != null ? id : grouper.newTerm(term, term);
            }
            Arrays.sort(terms);
            double[] weights = new double[terms.length];
            for (int i = 0; i < terms.length; i++) {
                weights[i] = g.centroid().get(grouper.termText[terms[i]]);
            }
            var group = new Group(g.id(), g.size(), g.pinned(), terms, weights);
            // in the snapshot's order, so that ties between languages resolve as they did before
            g.languages().forEach(group::countLanguage);
            grouper.addEmbedding(group, g.embedding());
            group.conceptNorm = grouper.conceptNorm(group);
            grouper.groups.add(group);
            grouper.byId.put(g.id(), group);
        }
        return grouper;
    }

    // ---- internals; callers hold the lock ----

    private Group group(long id) {
        Group g = byId.get(id);
        if (g == null) {
            throw new NoSuchElementException("no group " + id);
        }
        return g;
    }

    /** Counts a new text in the document frequencies (each distinct term once). */
    private void count(AnalyzedText text) {
        documents++;
        Set<String> seen = new HashSet<>();
        for (String term : text.terms()) {
            if (seen.add(term)) {
                Integer id = termIds.get(term);
                int i = id != null ? id : newTerm(term, text.surface(term));
                df[i]++;
            }
        }
    }

    /** Keeps the vocabulary bounded; called once a text's terms are in a centroid, so they are not the ones forgotten. */
    private void pruneIfFull() {
        if (vocabulary > settings.maxVocabulary()) {
            prune();
        }
    }

    private int newTerm(String term, String surface) {
        if (vocabulary == termText.length) {
            int n = vocabulary * 2;
            termText = Arrays.copyOf(termText, n);
            termSurface = Arrays.copyOf(termSurface, n);
            df = Arrays.copyOf(df, n);
            termWeight = Arrays.copyOf(termWeight, n);
            Arrays.fill(termWeight, vocabulary, n, 1.0);
            scratch = Arrays.copyOf(scratch, n);
            concept = Arrays.copyOf(concept, n);
        }
        int id = vocabulary++;
        termWeight[id] = 1.0;
        concept[id] = term.startsWith("~");
        termText[id] = term;
        termSurface[id] = surface;
        termIds.put(term, id);
        return id;
    }

    /**
     * Forgets the rarest terms that no centroid uses until the vocabulary is at three quarters of its cap, and
     * renumbers the rest (keeping their order, so that computations stay deterministic).
     */
    private void prune() {
        boolean[] used = new boolean[vocabulary];
        for (Group g : groups) {
            for (int t : g.terms) {
                used[t] = true;
            }
        }
        int target = settings.maxVocabulary() * 3 / 4;
        long[] sorted = Arrays.copyOf(df, vocabulary);
        Arrays.sort(sorted);
        long cutoff = sorted[Math.max(0, vocabulary - target)]; // keep terms with df above the cutoff
        int[] remap = new int[vocabulary];
        int next = 0;
        for (int i = 0; i < vocabulary; i++) {
            if (used[i] || df[i] > cutoff || (df[i] == cutoff && next < target)) {
                remap[i] = next;
                termText[next] = termText[i];
                termSurface[next] = termSurface[i];
                df[next] = df[i];
                termWeight[next] = termWeight[i];
                concept[next] = concept[i];
                next++;
            } else {
                remap[i] = -1;
                termIds.remove(termText[i]);
            }
        }
        for (int i = next; i < vocabulary; i++) {
            termText[i] = null;
            termSurface[i] = null;
            df[i] = 0;
            termWeight[i] = 1.0;
            concept[i] = false;
        }
        vocabulary = next;
        for (int i = 0; i < vocabulary; i++) {
            termIds.put(termText[i], i);
        }
        for (Group g : groups) {
            int[] terms = new int[g.terms.length];
            for (int i = 0; i < terms.length; i++) {
                terms[i] = remap[g.terms[i]];
            }
            g.set(terms, g.weights); // the order is kept, so the ids stay ascending
        }
    }

    /**
     * Self-training: weights each term by how concentrated its centroid mass is over the groups found so far ({@code
     * c = 1 - H / ln G}), as {@code 1 - s + 2 s c}, and rescales the centroids to the new weights so that they stay
     * comparable with the texts still to come. Unsupervised: the groups are the grouper's own. Terms in no centroid
     * keep their weight. Centroids store weight times mass, so the distribution over groups does not depend on the
     * weight in force.
     */
    /**
     * Recomputes the self-trained term weights now (what {@link #consolidate(double)} does at its end), for a caller
     * that runs the consolidation's merges itself (the product checks each one against analysts' decisions first).
     * Does nothing when self-training is off.
     */
    public void retrainTermWeights() {
        lock.lock();
        try {
            if (settings.selfTraining() > 0) {
                reweight();
            }
        } finally {
            lock.unlock();
        }
    }

    private void reweight() {
        int g = groups.size();
        if (g < 2) {
            return;
        }
        double[] mass = new double[vocabulary];
        double[] massLogMass = new double[vocabulary];
        for (Group group : groups) {
            for (int i = 0; i < group.terms.length; i++) {
                double w = group.weights[i];
                if (w > 0) {
                    mass[group.terms[i]] += w;
                    massLogMass[group.terms[i]] += w * Math.log(w);
                }
            }
        }
        double s = settings.selfTraining();
        double logG = Math.log(g);
        double[] ratio = new double[vocabulary];
        for (int t = 0; t < vocabulary; t++) {
            ratio[t] = 1.0;
            if (mass[t] > 0) {
                double entropy = Math.max(0, Math.log(mass[t]) - massLogMass[t] / mass[t]);
                double c = Math.max(0, 1 - entropy / logG);
                // never 0: a term may become concentrated again, and a ratio needs a positive old weight
                double weight = Math.max(0.05, 1 - s + 2 * s * c);
                ratio[t] = weight / termWeight[t];
                termWeight[t] = weight;
            }
        }
        for (Group group : groups) {
            double[] w = group.weights.clone();
            for (int i = 0; i < w.length; i++) {
                w[i] *= ratio[group.terms[i]];
            }
            group.set(group.terms, w);
            if (group.norm == 0) {
                group.norm = 1;
            }
            group.conceptNorm = conceptNorm(group);
        }
    }

    private double idf(int term) {
        return Math.log((1.0 + documents) / (1.0 + df[term])) + 1.0;
    }

    /** The text's unit TF-IDF vector with today's document frequencies; unknown terms are added with df 0. */
    private Vector vectorise(AnalyzedText text) {
        return vectorise(text, true);
    }

    /**
     * The text's unit TF-IDF vector. Unknown terms are added to the vocabulary with df 0 when {@code register};
     * otherwise they only count in the length (no centroid has them, so they add nothing to a dot product).
     */
    private Vector vectorise(AnalyzedText text, boolean register) {
        Map<Integer, Integer> tf = new HashMap<>();
        Map<String, Integer> unknown = null;
        for (String term : text.terms()) {
            Integer id = termIds.get(term);
            if (id == null && !register) {
                if (unknown == null) {
                    unknown = new HashMap<>();
                }
                unknown.merge(term, 1, Integer::sum);
                continue;
            }
            int i = id != null ? id : newTerm(term, text.surface(term));
            tf.merge(i, 1, Integer::sum);
        }
        int[] terms = new int[tf.size()];
        int k = 0;
        for (int t : tf.keySet()) {
            terms[k++] = t;
        }
        Arrays.sort(terms);
        double[] weights = new double[terms.length];
        double norm = 0;
        for (int i = 0; i < terms.length; i++) {
            String term = termText[terms[i]];
            double kind = term.startsWith("~") ? settings.conceptWeight()
                    : term.indexOf(' ') >= 0 ? settings.pairWeight() : 1.0;
            double w = (1.0 + Math.log(tf.get(terms[i]))) * idf(terms[i]) * kind * termWeight[terms[i]];
            weights[i] = w;
            norm += w * w;
        }
        if (unknown != null) {
            double unseen = Math.log(1.0 + documents) + 1.0;
            for (var e : unknown.entrySet()) {
                String term = e.getKey();
                double kind = term.startsWith("~") ? settings.conceptWeight()
                        : term.indexOf(' ') >= 0 ? settings.pairWeight() : 1.0;
                double w = (1.0 + Math.log(e.getValue())) * unseen * kind;
                norm += w * w;
            }
        }
        if (norm == 0) {
            return new Vector(new int[0], new double[0], text.language(), 0, embeddingOf(text));
        }
        norm = Math.sqrt(norm);
        int nonZero = 0;
        double conceptNorm = 0;
        for (int i = 0; i < weights.length; i++) {
            weights[i] /= norm;
            if (weights[i] > 0) {
                nonZero++;
            }
            if (concept[terms[i]]) {
                conceptNorm += weights[i] * weights[i];
            }
        }
        conceptNorm = Math.sqrt(conceptNorm);
        String language = text.language();
        if (nonZero < weights.length) { // a weight of 0 (pairWeight 0): drop those terms
            int[] t2 = new int[nonZero];
            double[] w2 = new double[nonZero];
            for (int i = 0, j = 0; i < weights.length; i++) {
                if (weights[i] > 0) {
                    t2[j] = terms[i];
                    w2[j++] = weights[i];
                }
            }
            return new Vector(t2, w2, language, conceptNorm, embeddingOf(text));
        }
        return new Vector(terms, weights, language, conceptNorm, embeddingOf(text));
    }

    private void load(Vector v) {
        for (int i = 0; i < v.terms().length; i++) {
            scratch[v.terms()[i]] = v.weights()[i];
        }
    }

    private void unload(Vector v) {
        for (int t : v.terms()) {
            scratch[t] = 0;
        }
    }

    /**
     * Similarity of the loaded text vector to a group. Within one language: the cosine to the centroid. A text in
     * another language than the group's shares almost no stems with it (they are different words), only lexicon
     * concepts, so its full cosine is low even for the same problem; it may then match on the concept parts alone,
     * when those are at least {@link Settings#crossLanguageThreshold()} similar, at a similarity scaled so that this
     * threshold maps onto the assignment threshold (a same-language match of the same strength wins).
     */
    private double similarity(Vector v, Group g) {
        double s = dot(g) / g.norm;
        if (!v.language().isEmpty() && !g.language.isEmpty() && !v.language().equals(g.language)
                && v.conceptNorm() > 0 && g.conceptNorm > 0) {
            double sc = conceptDot(g) / (v.conceptNorm() * g.conceptNorm);
            if (sc >= settings.crossLanguageThreshold()) {
                s = Math.max(s, settings.assignThreshold() * Math.min(1.0, sc) / settings.crossLanguageThreshold());
            }
        }
        if (v.embedding() != null && textMeaning != null && g.column >= 0 && g.embeddingNorm > 0) {
            s = combine(s, textMeaning[g.column]);
        }
        return s;
    }

    /**
     * The loaded text's embedding cosines to every group's semantic centroid, by column ({@link #similarity(Vector,
     * Group)} reads them while the text is compared with the groups); null when the text or every group has none.
     */
    private float[] meaningOf(Vector v) {
        return v.embedding() != null && meanings.byDimension != null ? meanings.scores(v.embedding()) : null;
    }

    /**
     * Combines a lexical similarity with the cosine of two sentence embeddings (a text's or a group's, and group
     * {@code g}'s), when both sides have one: {@code w m(cos) + (1 - w) lexical}, {@code w} the {@link
     * Settings#semanticWeight()}. The embedding cosines of unrelated texts are far from 0 (about 0.1 to 0.5) and of
     * paraphrases around 0.7 to 0.9, so {@code m} maps them linearly onto the lexical scale: {@link
     * Settings#semanticAssignThreshold()} onto {@link Settings#assignThreshold()} and {@link
     * Settings#semanticMergeThreshold()} onto {@link Settings#mergeThreshold()}. Every threshold of the grouper and its
     * callers (assignment, merging, re-homing) thus keeps its meaning whether or not a text has an embedding; texts
     * without one (languages the model does not know) are compared lexically, as before.
     */
    private double withMeaning(double lexical, float[] embedding, double embeddingNorm, Group g) {
        double w = settings.semanticWeight();
        if (w == 0 || embedding == null || g.embedding == null || embeddingNorm == 0 || g.embeddingNorm == 0) {
            return lexical;
        }
        return combine(lexical, dot(embedding, g.embedding) / (embeddingNorm * g.embeddingNorm));
    }

    /** {@code w m(cos) + (1 - w) lexical}: see {@link #withMeaning}. */
    private double combine(double lexical, double cos) {
        double w = settings.semanticWeight();
        if (w == 0) {
            return lexical;
        }
        double mapped = settings.assignThreshold() + (cos - settings.semanticAssignThreshold())
                * (settings.mergeThreshold() - settings.assignThreshold())
                / (settings.semanticMergeThreshold() - settings.semanticAssignThreshold());
        return w * mapped + (1 - w) * lexical;
    }

    /** Dot product of two dense vectors; four sums, so that the JIT keeps the multiply-adds in flight. */
    private static double dot(float[] a, float[] b) {
        int n = Math.min(a.length, b.length);
        float s0 = 0;
        float s1 = 0;
        float s2 = 0;
        float s3 = 0;
        int i = 0;
        for (; i + 3 < n; i += 4) {
            s0 += a[i] * b[i];
            s1 += a[i + 1] * b[i + 1];
            s2 += a[i + 2] * b[i + 2];
            s3 += a[i + 3] * b[i + 3];
        }
        for (; i < n; i++) {
            s0 += a[i] * b[i];
        }
        return (double) s0 + s1 + s2 + s3;
    }

    /** The text's embedding if semantic matching is on and it has one (a zero vector counts as none). */
    private float[] embeddingOf(AnalyzedText text) {
        float[] e = settings.semanticWeight() > 0 ? text.embedding() : null;
        if (e != null) {
            for (float x : e) {
                if (x != 0) {
                    return e;
                }
            }
        }
        return null;
    }

    /** Adds an embedding (a text's, or a group's sum) to a group's sum. */
    private void addEmbedding(Group g, float[] embedding) {
        if (embedding == null) {
            return;
        }
        if (g.embedding == null) {
            g.embedding = new float[embedding.length];
        } else if (g.embedding.length != embedding.length) {
            throw new IllegalArgumentException("embeddings of different lengths: group " + g.id + " has "
                    + g.embedding.length + ", the new one " + embedding.length);
        }
        double s = 0;
        for (int i = 0; i < embedding.length; i++) {
            g.embedding[i] += embedding[i];
            s += (double) g.embedding[i] * g.embedding[i];
        }
        g.embeddingNorm = Math.sqrt(s);
        meanings.update(g);
    }

    /** Dot product of the loaded vector with the concept part of a group's centroid. */
    private double conceptDot(Group g) {
        double s = 0;
        int[] t = g.terms;
        double[] w = g.weights;
        for (int i = 0; i < t.length; i++) {
            if (concept[t[i]]) {
                s += scratch[t[i]] * w[i];
            }
        }
        return s;
    }

    private double conceptNorm(Group g) {
        double s = 0;
        for (int i = 0; i < g.terms.length; i++) {
            if (concept[g.terms[i]]) {
                s += g.weights[i] * g.weights[i];
            }
        }
        return Math.sqrt(s);
    }

    /** Dot product of the loaded vector with a group's centroid. */
    private double dot(Group g) {
        double s = 0;
        int[] t = g.terms;
        double[] w = g.weights;
        for (int i = 0; i < t.length; i++) {
            s += scratch[t[i]] * w[i];
        }
        return s;
    }

    private double cosine(Group a, Group b) {
        if (a == b) {
            return 1.0;
        }
        Vector va = new Vector(a.terms, a.weights);
        load(va);
        double s = dot(b) / (a.norm * b.norm);
        unload(va);
        return Math.max(0, Math.min(1.0, withMeaning(s, a.embedding, a.embeddingNorm, b)));
    }

    private Group create(long id, Vector v, long size) {
        if (byId.containsKey(id)) {
            throw new IllegalStateException("the id supplier handed out group id " + id + " twice");
        }
        Group g = new Group(id, size, false, v.terms(), v.weights());
        if (g.norm == 0) {
            // A text without features still needs a home; a zero centroid is never similar to anything.
            g.norm = 1;
        }
        if (!v.language().isEmpty()) {
            g.countLanguage(v.language(), size);
        }
        addEmbedding(g, v.embedding());
        truncate(g);
        g.conceptNorm = conceptNorm(g);
        groups.add(g);
        byId.put(id, g);
        return g;
    }

    /** Adds a vector (a text, or another group's centroid standing for {@code size} texts) to a group. */
    private void addTo(Group g, Vector v, long size) {
        merge(g, v);
        addEmbedding(g, v.embedding());
        g.size += size;
        if (!v.language().isEmpty()) {
            g.countLanguage(v.language(), size);
        }
        truncate(g);
        if (g.norm == 0) {
            g.norm = 1;
        }
        g.conceptNorm = conceptNorm(g);
    }

    /** Merges group {@code from} into {@code into}: centroid, size and languages. */
    private void absorb(Group into, Group from) {
        addTo(into, new Vector(from.terms, from.weights, "", 0, from.embedding), from.size);
        from.languages.forEach(into::countLanguage);
    }

    /** Adds a vector's weights to a group's centroid, without truncating. */
    private static void merge(Group g, Vector v) {
        int[] a = g.terms;
        double[] aw = g.weights;
        int[] b = v.terms();
        double[] bw = v.weights();
        int[] terms = new int[a.length + b.length];
        double[] weights = new double[terms.length];
        int i = 0;
        int j = 0;
        int k = 0;
        while (i < a.length || j < b.length) {
            if (j == b.length || (i < a.length && a[i] < b[j])) {
                terms[k] = a[i];
                weights[k++] = aw[i++];
            } else if (i == a.length || b[j] < a[i]) {
                terms[k] = b[j];
                weights[k++] = bw[j++];
            } else {
                terms[k] = a[i];
                weights[k++] = aw[i++] + bw[j++];
            }
        }
        g.set(Arrays.copyOf(terms, k), Arrays.copyOf(weights, k));
    }

    /** Keeps the heaviest {@code maxTermsPerGroup} terms of a centroid (ids stay ascending). */
    private void truncate(Group g) {
        int max = settings.maxTermsPerGroup();
        if (g.terms.length <= max) {
            return;
        }
        double[] sorted = g.weights.clone();
        Arrays.sort(sorted);
        double cutoff = Math.max(sorted[sorted.length - max], sorted[sorted.length - 1] * NEGLIGIBLE);
        int[] terms = new int[max];
        double[] weights = new double[max];
        int k = 0;
        // Strictly heavier first, then ties at the cutoff in id order, so the result does not depend on anything else.
        int above = 0;
        for (double w : g.weights) {
            if (w > cutoff) {
                above++;
            }
        }
        int tiesAllowed = max - above;
        for (int i = 0; i < g.terms.length && k < max; i++) {
            double w = g.weights[i];
            if (w > cutoff || (w == cutoff && tiesAllowed-- > 0)) {
                terms[k] = g.terms[i];
                weights[k++] = w;
            }
        }
        g.set(Arrays.copyOf(terms, k), Arrays.copyOf(weights, k));
    }

    /**
     * How many of the texts counted in {@link #documents()} contain the term (0 when unknown or forgotten): the term
     * statistics problem names are chosen with.
     */
    public long documentFrequency(String term) {
        lock.lock();
        try {
            Integer id = termIds.get(term);
            return id == null ? 0 : df[id];
        } finally {
            lock.unlock();
        }
    }
}
