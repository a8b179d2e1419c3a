package com.zeromission.problems.grouping;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Everything an {@link OnlineGrouper} knows, as plain data (to store as JSON or in tables) so that grouping goes on
 * after a restart exactly where it stopped: {@link OnlineGrouper#restore} of a {@link OnlineGrouper#snapshot()} makes
 * the same assignments as the original would have.
 *
 * @param documents the number of texts counted in the document frequencies
 * @param terms     the vocabulary in the grouper's internal order (which keeps restored computations identical)
 * @param groups    the groups in creation order (ties go to the older group)
 */
public record GrouperState(long documents, List<TermStatistic> terms, List<GroupState> groups) {

    public GrouperState {
        if (documents < 0) {
            throw new IllegalArgumentException("documents must not be negative");
        }
        terms = List.copyOf(Objects.requireNonNull(terms, "terms"));
        groups = List.copyOf(Objects.requireNonNull(groups, "groups"));
    }

    /**
     * @param term              the feature (a stem, a bigram "stem stem" or a concept id "~invoice")
     * @param documentFrequency in how many texts it occurred
     * @param surface           the word form shown in labels (the term itself when none is known)
     * @param weight            its self-trained weight ({@link Settings#selfTraining()}); 0 in snapshots written
     *                          before there were such weights, which means 1
     */
    public record TermStatistic(String term, long documentFrequency, String surface, double weight) {

        public TermStatistic(String term, long documentFrequency, String surface) {
            this(term, documentFrequency, surface, 1);
        }

        public TermStatistic {
            if (weight == 0) {
                weight = 1;
            }
            if (!(weight > 0) || Double.isInfinite(weight)) {
                throw new IllegalArgumentException("weight of '" + term + "' must be positive and finite, was " + weight);
            }
            Objects.requireNonNull(term, "term");
            Objects.requireNonNull(surface, "surface");
            if (term.isEmpty()) {
                throw new IllegalArgumentException("term must not be empty");
            }
            if (documentFrequency < 0) {
                throw new IllegalArgumentException("documentFrequency must not be negative");
            }
        }
    }

    /**
     * @param id       the group's id
     * @param size     how many texts it holds
     * @param pinned   true when automatic merges leave it alone
     * @param centroid  the heaviest terms of the sum of its members' unit vectors (at most the settings' maximum)
     * @param languages how many members were written in each language (the most frequent is the group's language)
     * @param embedding the sum of its members' sentence embeddings, or null when none had one (or in snapshots written
     *                  before there were embeddings)
     */
    public record GroupState(long id, long size, boolean pinned, Map<String, Double> centroid,
            Map<String, Long> languages, float[] embedding) {

        public GroupState(long id, long size, boolean pinned, Map<String, Double> centroid, Map<String, Long> languages) {
            this(id, size, pinned, centroid, languages, null);
        }

        // Records compare arrays by identity; two snapshots of the same state are equal, embedding sums included.
        @Override
        public boolean equals(Object o) {
            return o instanceof GroupState g && id == g.id && size == g.size && pinned == g.pinned
                    && centroid.equals(g.centroid) && languages.equals(g.languages)
                    && java.util.Arrays.equals(embedding, g.embedding);
        }

        @Override
        public int hashCode() {
            return Objects.hash(id, size, pinned, centroid, languages) * 31 + java.util.Arrays.hashCode(embedding);
        }

        @Override
        public String toString() {
            return "GroupState[id=" + id + ", size=" + size + ", pinned=" + pinned + ", centroid=" + centroid
                    + ", languages=" + languages + (embedding == null ? "" : ", embedding of " + embedding.length) + "]";
        }

        public GroupState {
            if (embedding != null) {
                for (float x : embedding) {
                    if (!Float.isFinite(x)) {
                        throw new IllegalArgumentException("the embedding of group " + id + " must hold finite numbers, had " + x);
                    }
                }
            }
            // insertion order kept: it decides ties between languages after a restore
            languages = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(
                    Objects.requireNonNull(languages, "languages")));
            if (size < 1) {
                throw new IllegalArgumentException("a group holds at least one text, group " + id + " had " + size);
            }
            centroid = Map.copyOf(Objects.requireNonNull(centroid, "centroid"));
            for (var e : centroid.entrySet()) {
                if (!(e.getValue() > 0) || e.getValue().isInfinite()) {
                    throw new IllegalArgumentException("centroid weight of '" + e.getKey() + "' in group " + id
                            + " must be positive and finite, was " + e.getValue());
                }
            }
        }
    }
}
