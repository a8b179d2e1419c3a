package com.zeromission.problems.grouping;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The grouper's state as plain data ({@link GrouperState}) and back: term statistics by term text and centroids by
 * term, so that a snapshot does not depend on the dense term ids of the grouper that took it. Callers hold the
 * grouper's lock (or own a grouper nobody else sees yet).
 */
final class Snapshots {

    private Snapshots() {
    }

    /** See {@link OnlineGrouper#snapshot()}. */
    static GrouperState take(Vocabulary vocabulary, Groups groups) {
        List<GrouperState.TermStatistic> terms = new ArrayList<>(vocabulary.size);
        for (int i = 0; i < vocabulary.size; i++) {
            terms.add(new GrouperState.TermStatistic(vocabulary.termText[i], vocabulary.df[i],
                    vocabulary.termSurface[i], vocabulary.termWeight[i]));
        }
        List<GrouperState.GroupState> out = new ArrayList<>(groups.all.size());
        for (Group g : groups.all) {
            Map<String, Double> centroid = new LinkedHashMap<>();
            for (int i = 0; i < g.terms.length; i++) {
                centroid.put(vocabulary.termText[g.terms[i]], g.weights[i]);
            }
            out.add(new GrouperState.GroupState(g.id, g.size, g.pinned, centroid, g.languages,
                    g.embedding == null ? null : g.embedding.clone()));
        }
        return new GrouperState(vocabulary.documents, terms, out);
    }

    /** Fills a new grouper's empty vocabulary and groups from a state; see {@link OnlineGrouper#restore}. */
    static void restore(GrouperState state, Vocabulary vocabulary, Groups groups, Meanings meanings) {
        vocabulary.documents = state.documents();
        for (GrouperState.TermStatistic t : state.terms()) {
            if (vocabulary.termIds.containsKey(t.term())) {
                throw new IllegalArgumentException("term '" + t.term() + "' occurs twice in the state");
            }
            int id = vocabulary.newTerm(t.term(), t.surface());
            vocabulary.df[id] = t.documentFrequency();
            vocabulary.termWeight[id] = t.weight();
        }
        for (GrouperState.GroupState g : state.groups()) {
            if (groups.byId.containsKey(g.id())) {
                throw new IllegalArgumentException("group " + g.id() + " occurs twice in the state");
            }
            int[] terms = new int[g.centroid().size()];
            int k = 0;
            for (String term : g.centroid().keySet()) {
                Integer id = vocabulary.termIds.get(term);
                terms[k++] = id != null ? id : vocabulary.newTerm(term, term);
            }
            Arrays.sort(terms);
            double[] weights = new double[terms.length];
            for (int i = 0; i < terms.length; i++) {
                weights[i] = g.centroid().get(vocabulary.termText[terms[i]]);
            }
            var group = new Group(g.id(), g.size(), g.pinned(), terms, weights);
            // in the snapshot's order, so that ties between languages resolve as they did before
            g.languages().forEach(group::countLanguage);
            meanings.addEmbedding(group, g.embedding());
            group.conceptNorm = vocabulary.conceptNorm(group);
            groups.restored(group);
        }
    }
}
