package com.zeromission.problems.grouping;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * The grouper's groups, in creation order (ties go to the older group) and by id, and how a group's centroid grows:
 * creating a group from a text, adding a text or another group to it (centroids add up, so each weighs by its size),
 * and truncating the centroid to its heaviest terms. Mutable, and only ever touched under the grouper's lock.
 */
final class Groups {

    /** Weights in a centroid below this fraction of its heaviest one are dropped (they are rounding noise). */
    private static final double NEGLIGIBLE = 1e-9;

    private final Settings settings;
    private final Vocabulary vocabulary;
    private final Meanings meanings;

    /** The groups in creation order (ties go to the older group) and by id. */
    final List<Group> all = new ArrayList<>();
    final Map<Long, Group> byId = new HashMap<>();

    Groups(Settings settings, Vocabulary vocabulary, Meanings meanings) {
        this.settings = settings;
        this.vocabulary = vocabulary;
        this.meanings = meanings;
    }

    Group group(long id) {
        Group g = byId.get(id);
        if (g == null) {
            throw new NoSuchElementException("no group " + id);
        }
        return g;
    }

    /** Forgets a group: out of the list, the index and the semantic centroids. */
    void discard(Group g) {
        all.remove(g);
        byId.remove(g.id);
        meanings.release(g);
    }

    /** Adds a restored group as it was (its centroid, languages and embedding already set). */
    void restored(Group g) {
        all.add(g);
        byId.put(g.id, g);
    }

    Group create(long id, Vector v, long size) {
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
        meanings.addEmbedding(g, v.embedding());
        truncate(g);
        g.conceptNorm = vocabulary.conceptNorm(g);
        all.add(g);
        byId.put(id, g);
        return g;
    }

    /** Adds a vector (a text, or another group's centroid standing for {@code size} texts) to a group. */
    void addTo(Group g, Vector v, long size) {
        merge(g, v);
        meanings.addEmbedding(g, v.embedding());
        g.size += size;
        if (!v.language().isEmpty()) {
            g.countLanguage(v.language(), size);
        }
        truncate(g);
        if (g.norm == 0) {
            g.norm = 1;
        }
        g.conceptNorm = vocabulary.conceptNorm(g);
    }

    /** Merges group {@code from} into {@code into}: centroid, size and languages. */
    void absorb(Group into, Group from) {
        addTo(into, new Vector(from.terms, from.weights, "", 0, from.embedding), from.size);
        from.languages.forEach(into::countLanguage);
    }

    /** Adds a vector's weights to a group's centroid, without truncating. */
    static void merge(Group g, Vector v) {
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
}
