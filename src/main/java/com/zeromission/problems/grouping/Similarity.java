package com.zeromission.problems.grouping;

/**
 * How similar a text or a group is to a group: one vector is loaded into the vocabulary's dense scratch space
 * ({@link #load}), then its dot products with sparse centroids cost one pass over each centroid. Mutable (the loaded
 * vector and {@link #textMeaning}), and only ever touched under the grouper's lock.
 */
final class Similarity {

    private final Settings settings;
    private final Vocabulary vocabulary;
    private final Meanings meanings;

    /** While a text is compared with every group: its cosines to the groups' semantic centroids, by column. */
    float[] textMeaning;

    Similarity(Settings settings, Vocabulary vocabulary, Meanings meanings) {
        this.settings = settings;
        this.vocabulary = vocabulary;
        this.meanings = meanings;
    }

    void load(Vector v) {
        double[] scratch = vocabulary.scratch;
        for (int i = 0; i < v.terms().length; i++) {
            scratch[v.terms()[i]] = v.weights()[i];
        }
    }

    void unload(Vector v) {
        double[] scratch = vocabulary.scratch;
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
    double similarity(Vector v, Group g) {
        double s = dot(g) / g.norm;
        if (!v.language().isEmpty() && !g.language.isEmpty() && !v.language().equals(g.language)
                && v.conceptNorm() > 0 && g.conceptNorm > 0) {
            double sc = conceptDot(g) / (v.conceptNorm() * g.conceptNorm);
            if (sc >= settings.crossLanguageThreshold()) {
                s = Math.max(s, settings.assignThreshold() * Math.min(1.0, sc) / settings.crossLanguageThreshold());
            }
        }
        if (v.embedding() != null && textMeaning != null && g.column >= 0 && g.embeddingNorm > 0) {
            s = meanings.combine(s, textMeaning[g.column]);
        }
        return s;
    }

    /** Dot product of the loaded vector with the concept part of a group's centroid. */
    double conceptDot(Group g) {
        double[] scratch = vocabulary.scratch;
        boolean[] concept = vocabulary.concept;
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

    /** Dot product of the loaded vector with a group's centroid. */
    double dot(Group g) {
        double[] scratch = vocabulary.scratch;
        double s = 0;
        int[] t = g.terms;
        double[] w = g.weights;
        for (int i = 0; i < t.length; i++) {
            s += scratch[t[i]] * w[i];
        }
        return s;
    }

    /** Cosine similarity of two groups' centroids (their semantic centroids taking part), 0 to 1. */
    double cosine(Group a, Group b) {
        if (a == b) {
            return 1.0;
        }
        Vector va = new Vector(a.terms, a.weights);
        load(va);
        double s = dot(b) / (a.norm * b.norm);
        unload(va);
        return Math.max(0, Math.min(1.0, meanings.withMeaning(s, a.embedding, a.embeddingNorm, b)));
    }
}
