package com.zeromission.problems.grouping;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds root causes among the grouper's groups: the groups' similarity graph, with each term weighed by how few
 * groups use it, cut into {@link Communities}. Reads the groups, changes nothing; callers hold the grouper's lock.
 */
final class RootCauses {

    private final Vocabulary vocabulary;
    private final Groups groups;

    RootCauses(Vocabulary vocabulary, Groups groups) {
        this.vocabulary = vocabulary;
        this.groups = groups;
    }

    /** See {@link OnlineGrouper#rootCauses(RootCauseSettings)}. */
    List<List<Long>> of(RootCauseSettings rootSettings) {
        List<Group> groups = this.groups.all;
        double[] scratch = vocabulary.scratch;
        List<Group> nodes = new ArrayList<>();
        for (Group g : groups) {
            if (!g.pinned) {
                nodes.add(g);
            }
        }
        if (nodes.size() > rootSettings.maxGroups()) {
            nodes.sort(Comparator.comparingLong((Group g) -> g.size).reversed());
            nodes = new ArrayList<>(nodes.subList(0, rootSettings.maxGroups()));
        }
        int n = nodes.size();
        if (n < 2) {
            return List.of();
        }
        int[] groupsUsing = new int[vocabulary.size];
        for (Group g : nodes) {
            for (int t : g.terms) {
                groupsUsing[t]++;
            }
        }
        double[][] weights = new double[n][];
        for (int i = 0; i < n; i++) {
            Group g = nodes.get(i);
            double[] w = new double[g.terms.length];
            double norm = 0;
            for (int k = 0; k < w.length; k++) {
                w[k] = g.weights[k] * Math.log((double) n / groupsUsing[g.terms[k]]);
                norm += w[k] * w[k];
            }
            norm = Math.sqrt(norm);
            for (int k = 0; k < w.length && norm > 0; k++) {
                w[k] /= norm;
            }
            weights[i] = w;
        }
        double[][] similarity = new double[n][n];
        for (int i = 0; i < n; i++) {
            Group a = nodes.get(i);
            for (int k = 0; k < a.terms.length; k++) {
                scratch[a.terms[k]] = weights[i][k];
            }
            for (int j = i + 1; j < n; j++) {
                Group b = nodes.get(j);
                double s = 0;
                for (int k = 0; k < b.terms.length; k++) {
                    s += scratch[b.terms[k]] * weights[j][k];
                }
                similarity[i][j] = s;
                similarity[j][i] = s;
            }
            for (int t : a.terms) {
                scratch[t] = 0;
            }
        }
        // Each group weighs √(its texts) in the graph: see Communities for why and what it bought.
        double[] weight = new double[n];
        for (int i = 0; i < n; i++) {
            weight[i] = Math.sqrt(Math.max(1, nodes.get(i).size));
        }
        int[] community = Communities.of(similarity, weight, rootSettings.neighbours(), rootSettings.percentile(),
                rootSettings.resolution());
        Map<Integer, List<Group>> members = new java.util.TreeMap<>();
        for (int i = 0; i < n; i++) {
            members.computeIfAbsent(community[i], k -> new ArrayList<>()).add(nodes.get(i));
        }
        Map<Group, Integer> age = new HashMap<>();
        for (int i = 0; i < groups.size(); i++) {
            age.put(groups.get(i), i);
        }
        List<List<Long>> out = new ArrayList<>();
        for (List<Group> m : members.values()) {
            if (m.size() > 1) {
                m.sort(Comparator.comparingLong((Group g) -> -g.size).thenComparing(age::get));
                out.add(m.stream().map(g -> g.id).toList());
            }
        }
        return out;
    }
}
