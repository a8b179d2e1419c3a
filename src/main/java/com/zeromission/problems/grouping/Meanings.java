package com.zeromission.problems.grouping;

import java.util.Arrays;

import org.jspecify.annotations.Nullable;

import com.zeromission.text.AnalyzedText;

/**
 * The grouper's use of sentence embeddings: which embedding a text brings, each group's semantic centroid (the sum of
 * its members' embeddings), and how an embedding cosine is combined with a lexical similarity.
 *
 * <p>The groups' semantic centroids are kept as unit vectors, stored by dimension ({@code byDimension[d][column]}),
 * so that a text's cosines to all groups at once are a sum of scaled rows: loops without a reduction, which the JIT
 * turns into SIMD instructions (several times faster than one dot product per group).
 */
final class Meanings {
    private final Settings settings;
    float[][] byDimension;
    int columns;
    final java.util.ArrayDeque<Integer> free = new java.util.ArrayDeque<>();
    float[] scores = new float[0];

    Meanings(Settings settings) {
        this.settings = settings;
    }

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

    /**
     * The loaded text's embedding cosines to every group's semantic centroid, by column ({@link
     * Similarity#similarity(Vector, Group)} reads them while the text is compared with the groups); null when the
     * text or every group has none.
     */
    float[] meaningOf(Vector v) {
        return v.embedding() != null && byDimension != null ? scores(v.embedding()) : null;
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
    double withMeaning(double lexical, float[] embedding, double embeddingNorm, Group g) {
        double w = settings.semanticWeight();
        if (w == 0 || embedding == null || g.embedding == null || embeddingNorm == 0 || g.embeddingNorm == 0) {
            return lexical;
        }
        return combine(lexical, dot(embedding, g.embedding) / (embeddingNorm * g.embeddingNorm));
    }

    /** {@code w m(cos) + (1 - w) lexical}: see {@link #withMeaning}. */
    double combine(double lexical, double cos) {
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
    float @Nullable [] embeddingOf(AnalyzedText text) {
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
    void addEmbedding(Group g, float[] embedding) {
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
        update(g);
    }
}
