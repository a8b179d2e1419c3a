package com.zeromission.problems.grouping;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One group of the {@link OnlineGrouper}: its id, size and centroid (sorted term ids with the summed weights), its
 * semantic centroid and its members' languages. Mutable, and only ever touched under the grouper's lock.
 */
final class Group {
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
