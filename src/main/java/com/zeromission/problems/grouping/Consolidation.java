package com.zeromission.problems.grouping;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import com.zeromission.text.AnalyzedText;

/**
 * The grouper's periodic passes over all groups: merge candidates and the consolidation that merges them, re-homing
 * proposals for small groups, and proposed splits of a group into two. Callers hold the grouper's lock.
 */
final class Consolidation {

    private final Settings settings;
    private final Vocabulary vocabulary;
    private final Groups groups;
    private final Similarity similarity;
    private final Meanings meanings;

    Consolidation(Settings settings, Vocabulary vocabulary, Groups groups, Similarity similarity, Meanings meanings) {
        this.settings = settings;
        this.vocabulary = vocabulary;
        this.groups = groups;
        this.similarity = similarity;
        this.meanings = meanings;
    }

    record Candidate(Group into, Group from, double similarity) {
    }

    List<Candidate> candidates(double threshold) {
        if (!(threshold > 0 && threshold <= 1)) {
            throw new IllegalArgumentException("threshold must be within (0, 1], was " + threshold);
        }
        List<Group> groups = this.groups.all;
        List<Candidate> found = new ArrayList<>();
        for (int i = 0; i < groups.size(); i++) {
            Group a = groups.get(i);
            if (a.pinned) {
                continue;
            }
            similarity.load(new Vector(a.terms, a.weights));
            for (int j = i + 1; j < groups.size(); j++) {
                Group b = groups.get(j);
                if (b.pinned) {
                    continue;
                }
                double s = similarity.dot(b) / (a.norm * b.norm);
                if (s < threshold && !a.language.equals(b.language) && a.conceptNorm > 0 && b.conceptNorm > 0) {
                    // the same problem found once per language: compare what the languages share, the concepts
                    double sc = similarity.conceptDot(b) / (a.conceptNorm * b.conceptNorm);
                    if (sc >= settings.crossLanguageThreshold()) {
                        s = threshold * Math.min(1.0, sc) / settings.crossLanguageThreshold();
                    }
                }
                s = meanings.withMeaning(s, a.embedding, a.embeddingNorm, b);
                if (s >= threshold) {
                    boolean aInto = a.size >= b.size; // ties: the older group keeps its id
                    found.add(new Candidate(aInto ? a : b, aInto ? b : a, Math.min(1.0, s)));
                }
            }
            similarity.unload(new Vector(a.terms, a.weights));
        }
        found.sort(Comparator.comparingDouble(Candidate::similarity).reversed());
        return found;
    }

    /** See {@link OnlineGrouper#consolidate(double)}. */
    List<Merge> consolidate(double threshold) {
        List<Merge> done = new ArrayList<>();
        while (true) {
            List<Candidate> found = candidates(threshold);
            if (found.isEmpty()) {
                if (settings.selfTraining() > 0) {
                    vocabulary.reweight(groups.all);
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
                groups.absorb(c.into(), c.from());
                groups.discard(c.from());
                done.add(new Merge(c.into().id, c.from().id, c.similarity()));
            }
        }
    }

    /** See {@link OnlineGrouper#rehomeCandidates(int, double)}. */
    List<Merge> rehomeCandidates(int belowSize, double minSimilarity) {
        List<Group> large = new ArrayList<>();
        for (Group g : groups.all) {
            if (!g.pinned && g.size >= belowSize) {
                large.add(g);
            }
        }
        List<Merge> proposals = new ArrayList<>();
        for (Group small : groups.all) {
            if (small.pinned || small.size >= belowSize) {
                continue;
            }
            Vector v = new Vector(small.terms, small.weights);
            similarity.load(v);
            Group best = null;
            double bestSimilarity = minSimilarity;
            for (Group l : large) {
                double s = Math.min(1.0, Math.max(0, meanings.withMeaning(
                        similarity.dot(l) / (small.norm * l.norm), small.embedding, small.embeddingNorm, l)));
                if (s > bestSimilarity || (best == null && s >= bestSimilarity)) {
                    best = l;
                    bestSimilarity = s;
                }
            }
            similarity.unload(v);
            if (best != null) {
                proposals.add(new Merge(best.id, small.id, bestSimilarity));
            }
        }
        return proposals;
    }

    /** See {@link OnlineGrouper#proposeSplit(List, double, int)}; the caller checked the sizes. */
    Optional<List<List<Integer>>> proposeSplit(List<AnalyzedText> members, double maxSimilarity, int minSize) {
        List<Vector> vectors = new ArrayList<>(members.size());
        for (AnalyzedText t : members) {
            vectors.add(vocabulary.vectorise(t, false));
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
                similarity.load(v);
                boolean toB = similarity.dot(cb) / cb.norm > similarity.dot(ca) / ca.norm;
                similarity.unload(v);
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
        if (left.size() < minSize || right.size() < minSize || similarity.cosine(ca, cb) >= maxSimilarity) {
            return Optional.empty();
        }
        return Optional.of(List.of(List.copyOf(left), List.copyOf(right)));
    }

    /** The (untruncated) centroid of the vectors on one side ({@code side == null}: all). */
    private Group centroidOf(List<Vector> vectors, boolean[] side, boolean which) {
        Group g = new Group(Long.MIN_VALUE, 1, false, new int[0], new double[0]);
        for (int i = 0; i < vectors.size(); i++) {
            if (side == null || side[i] == which) {
                Groups.merge(g, vectors.get(i));
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
            similarity.load(v);
            double s = similarity.dot(to);
            similarity.unload(v);
            if (s < lowest) {
                lowest = s;
                worst = i;
            }
        }
        return worst;
    }
}
