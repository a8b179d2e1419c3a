package com.zeromission.problems.grouping;

/**
 * A text as a sparse unit vector, term ids ascending, with its language, the length of its concept part and its
 * sentence embedding (null when it has none or semantic matching is off).
 */
record Vector(int[] terms, double[] weights, String language, double conceptNorm, float[] embedding) {

    Vector(int[] terms, double[] weights) {
        this(terms, weights, "", 0, null);
    }
}
