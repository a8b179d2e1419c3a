package com.zeromission.problems.grouping;

/**
 * How {@link OnlineGrouper} groups.
 *
 * @param assignThreshold   a text joins the most similar group when its cosine similarity to the group's centroid is
 *                          at least this; otherwise it starts a new group. Higher: more, purer groups
 * @param mergeThreshold    {@link OnlineGrouper#mergeCandidates} and {@link OnlineGrouper#consolidate} pair groups
 *                          whose centroids are at least this similar (the same problem found twice)
 * @param maxTermsPerGroup  a centroid keeps only its heaviest terms, which bounds memory per group and keeps the
 *                          similarity computation fast; its long tail barely moves a cosine
 * @param maxVocabulary     distinct terms kept with document frequencies; beyond it the rarest terms that no centroid
 *                          uses are forgotten (they count as new when they come back)
 * @param bigramWeight      weight of a bigram feature ("card arrive") relative to a single stem
 * @param conceptWeight     weight of a lexicon concept ({@code ~invoice}) relative to a single stem: concepts are what
 *                          texts in different languages share, so they may count more
 */
public record Settings(double assignThreshold, double mergeThreshold, int maxTermsPerGroup, int maxVocabulary,
        double bigramWeight, double conceptWeight) {

    public Settings {
        if (!(assignThreshold > 0 && assignThreshold < 1)) {
            throw new IllegalArgumentException("assignThreshold must be within (0, 1), was " + assignThreshold);
        }
        if (!(mergeThreshold > 0 && mergeThreshold <= 1)) {
            throw new IllegalArgumentException("mergeThreshold must be within (0, 1], was " + mergeThreshold);
        }
        if (maxTermsPerGroup < 4) {
            throw new IllegalArgumentException("maxTermsPerGroup must be at least 4, was " + maxTermsPerGroup);
        }
        if (maxVocabulary < 1_000) {
            throw new IllegalArgumentException("maxVocabulary must be at least 1000, was " + maxVocabulary);
        }
        if (!(bigramWeight >= 0 && bigramWeight <= 10)) {
            throw new IllegalArgumentException("bigramWeight must be within [0, 10], was " + bigramWeight);
        }
        if (!(conceptWeight >= 0 && conceptWeight <= 10)) {
            throw new IllegalArgumentException("conceptWeight must be within [0, 10], was " + conceptWeight);
        }
    }

    /** The settings measured on BANKING77 and the demo data (see the evaluation command's output). */
    public static Settings defaults() {
        return new Settings(0.30, 0.50, Integer.getInteger("zm.maxterms", 64), 200_000, 1.0, 1.0);
    }

    public Settings withAssignThreshold(double value) {
        return new Settings(value, mergeThreshold, maxTermsPerGroup, maxVocabulary, bigramWeight, conceptWeight);
    }

    public Settings withMergeThreshold(double value) {
        return new Settings(assignThreshold, value, maxTermsPerGroup, maxVocabulary, bigramWeight, conceptWeight);
    }

    public Settings withMaxTermsPerGroup(int value) {
        return new Settings(assignThreshold, mergeThreshold, value, maxVocabulary, bigramWeight, conceptWeight);
    }

    public Settings withBigramWeight(double value) {
        return new Settings(assignThreshold, mergeThreshold, maxTermsPerGroup, maxVocabulary, value, conceptWeight);
    }

    public Settings withConceptWeight(double value) {
        return new Settings(assignThreshold, mergeThreshold, maxTermsPerGroup, maxVocabulary, bigramWeight, value);
    }
}
