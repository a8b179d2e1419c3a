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
 * @param maxVocabulary     distinct terms kept with document frequencies, besides those the centroids use (at most
 *                          groups × maxTermsPerGroup); beyond it the rarest terms that no centroid uses are forgotten
 *                          (they count as new when they come back)
 * @param pairWeight        weight of a word-pair feature ("card arriv": two stems near each other in a text) relative
 *                          to a single stem. Pairs carry what short complaints differ in: not the words but which
 *                          come together (a pending transfer, a pending cash withdrawal, a transfer fee)
 * @param conceptWeight     weight of a lexicon concept ({@code ~invoice}) relative to a single stem: concepts are what
 *                          texts in different languages share, so they may count more
 * @param crossLanguageThreshold a text may join a group of another language (and two groups of different languages
 *                          may be merged) when their lexicon-concept parts alone are at least this similar by cosine:
 *                          across languages the words differ, so only the concepts can tell it is the same problem.
 *                          1 turns matching across languages off except for identical concept profiles
 * @param selfTraining      strength of the self-trained term weights, 0 (off) to 1: at each consolidation every term
 *                          is weighted by how concentrated it is in the groups found so far ({@code 1 - H/ln G}, the
 *                          entropy of its centroid mass over the G groups), as {@code 1 - s + 2 s c}: a term that
 *                          marks one problem ("arriv" with "card") counts more than one spread over many ("card")
 * @param semanticWeight    0 to 1: how much the sentence embeddings count against the lexical features when a text
 *                          and a group both have one (English texts, with the bundled model); 0 ignores embeddings
 * @param semanticAssignThreshold the embedding cosine that counts as much as {@code assignThreshold} does lexically
 * @param semanticMergeThreshold  the embedding cosine that counts as much as {@code mergeThreshold} does lexically;
 *                          together the two anchor the linear map from embedding cosines onto the lexical scale
 * @param semanticSkipThreshold a text whose words alone already match a group at least this similar is not embedded
 *                          (embedding is by far the most expensive step of grouping); 1 embeds every text
 */
public record Settings(double assignThreshold, double mergeThreshold, int maxTermsPerGroup, int maxVocabulary,
        double pairWeight, double conceptWeight, double crossLanguageThreshold, double selfTraining,
        double semanticWeight, double semanticAssignThreshold, double semanticMergeThreshold,
        double semanticSkipThreshold) {

    /** The default weight of sentence embeddings and its two anchors (measured: docs/grouping.md). */
    static final double SEMANTIC_WEIGHT = 0.8;
    static final double SEMANTIC_ASSIGN = 0.70;
    static final double SEMANTIC_MERGE = 0.85;
    static final double SEMANTIC_SKIP = 0.35;

    /** With the default semantic part (which only matters for texts that have embeddings). */
    public Settings(double assignThreshold, double mergeThreshold, int maxTermsPerGroup, int maxVocabulary,
            double pairWeight, double conceptWeight, double crossLanguageThreshold, double selfTraining) {
        this(assignThreshold, mergeThreshold, maxTermsPerGroup, maxVocabulary, pairWeight, conceptWeight,
                crossLanguageThreshold, selfTraining, SEMANTIC_WEIGHT, SEMANTIC_ASSIGN, SEMANTIC_MERGE, SEMANTIC_SKIP);
    }

    /** Without self-trained term weights. */
    public Settings(double assignThreshold, double mergeThreshold, int maxTermsPerGroup, int maxVocabulary,
            double pairWeight, double conceptWeight, double crossLanguageThreshold) {
        this(assignThreshold, mergeThreshold, maxTermsPerGroup, maxVocabulary, pairWeight, conceptWeight,
                crossLanguageThreshold, 0);
    }

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
        if (!(pairWeight >= 0 && pairWeight <= 10)) {
            throw new IllegalArgumentException("pairWeight must be within [0, 10], was " + pairWeight);
        }
        if (!(conceptWeight >= 0 && conceptWeight <= 10)) {
            throw new IllegalArgumentException("conceptWeight must be within [0, 10], was " + conceptWeight);
        }
        if (!(crossLanguageThreshold > 0 && crossLanguageThreshold <= 1)) {
            throw new IllegalArgumentException("crossLanguageThreshold must be within (0, 1], was " + crossLanguageThreshold);
        }
        if (!(selfTraining >= 0 && selfTraining <= 1)) {
            throw new IllegalArgumentException("selfTraining must be within [0, 1], was " + selfTraining);
        }
        if (!(semanticWeight >= 0 && semanticWeight <= 1)) {
            throw new IllegalArgumentException("semanticWeight must be within [0, 1], was " + semanticWeight);
        }
        if (!(semanticAssignThreshold > -1 && semanticAssignThreshold < semanticMergeThreshold
                && semanticMergeThreshold <= 1)) {
            throw new IllegalArgumentException("semantic thresholds must satisfy -1 < assign < merge <= 1, were "
                    + semanticAssignThreshold + " and " + semanticMergeThreshold);
        }
        if (!(semanticSkipThreshold > 0 && semanticSkipThreshold <= 1)) {
            throw new IllegalArgumentException("semanticSkipThreshold must be within (0, 1], was " + semanticSkipThreshold);
        }
    }

    /**
     * The settings measured with {@code zm problems eval} on BANKING77 and on the demo data (figures in
     * docs/grouping.md): a low assignment threshold because pair features make texts' vectors long;
     * concepts at half weight because on one-language data they mostly repeat a stem that is already a feature;
     * full-strength self-trained term weights (BANKING77 0.685 → 0.707 NMI with the product's consolidation, demo
     * data unchanged at 0.526).
     */
    public static Settings defaults() {
        // The semantic part (weight 0.8, anchors 0.70/0.85, skip at 0.35) comes with the constructor: see
        // docs/grouping.md, "Sentence embeddings" (BANKING77 0.707 -> 0.774 NMI at about 2,100 texts/s).
        return new Settings(0.20, 0.50, 256, 200_000, 2.0, 0.5, 0.80, 1.0);
    }

    public Settings withAssignThreshold(double value) {
        return new Settings(value, mergeThreshold, maxTermsPerGroup, maxVocabulary, pairWeight, conceptWeight,
                crossLanguageThreshold, selfTraining, semanticWeight, semanticAssignThreshold, semanticMergeThreshold,
                semanticSkipThreshold);
    }

    public Settings withMergeThreshold(double value) {
        return new Settings(assignThreshold, value, maxTermsPerGroup, maxVocabulary, pairWeight, conceptWeight,
                crossLanguageThreshold, selfTraining, semanticWeight, semanticAssignThreshold, semanticMergeThreshold,
                semanticSkipThreshold);
    }

    public Settings withMaxTermsPerGroup(int value) {
        return new Settings(assignThreshold, mergeThreshold, value, maxVocabulary, pairWeight, conceptWeight,
                crossLanguageThreshold, selfTraining, semanticWeight, semanticAssignThreshold, semanticMergeThreshold,
                semanticSkipThreshold);
    }

    public Settings withPairWeight(double value) {
        return new Settings(assignThreshold, mergeThreshold, maxTermsPerGroup, maxVocabulary, value, conceptWeight,
                crossLanguageThreshold, selfTraining, semanticWeight, semanticAssignThreshold, semanticMergeThreshold,
                semanticSkipThreshold);
    }

    public Settings withCrossLanguageThreshold(double value) {
        return new Settings(assignThreshold, mergeThreshold, maxTermsPerGroup, maxVocabulary, pairWeight, conceptWeight,
                value, selfTraining, semanticWeight, semanticAssignThreshold, semanticMergeThreshold,
                semanticSkipThreshold);
    }

    public Settings withConceptWeight(double value) {
        return new Settings(assignThreshold, mergeThreshold, maxTermsPerGroup, maxVocabulary, pairWeight, value,
                crossLanguageThreshold, selfTraining, semanticWeight, semanticAssignThreshold, semanticMergeThreshold,
                semanticSkipThreshold);
    }

    public Settings withSelfTraining(double value) {
        return new Settings(assignThreshold, mergeThreshold, maxTermsPerGroup, maxVocabulary, pairWeight, conceptWeight,
                crossLanguageThreshold, value, semanticWeight, semanticAssignThreshold, semanticMergeThreshold,
                semanticSkipThreshold);
    }

    public Settings withSemantic(double weight, double assignThreshold, double mergeThreshold) {
        return new Settings(this.assignThreshold, this.mergeThreshold, maxTermsPerGroup, maxVocabulary, pairWeight,
                conceptWeight, crossLanguageThreshold, selfTraining, weight, assignThreshold, mergeThreshold,
                semanticSkipThreshold);
    }

    public Settings withSemanticSkipThreshold(double value) {
        return new Settings(assignThreshold, mergeThreshold, maxTermsPerGroup, maxVocabulary, pairWeight, conceptWeight,
                crossLanguageThreshold, selfTraining, semanticWeight, semanticAssignThreshold, semanticMergeThreshold,
                value);
    }
}
