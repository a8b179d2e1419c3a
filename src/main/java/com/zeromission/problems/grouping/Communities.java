package com.zeromission.problems.grouping;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Root causes among groups: community detection on the groups' similarity graph.
 *
 * <p>Why a graph and not a threshold: one root cause is written in many phrasings and languages, and two of its
 * phrasings are often hardly similar in absolute terms (a complaint about the post being slow in January and one
 * about a reminder fee share few words), yet each is more similar to other phrasings of the same cause than to
 * anything else. Measured on groups of the demo data: a group's nearest neighbour has the same true problem 88 % of
 * the time, while the median similarity within a problem (0.09) is barely above the one between problems (0.02), so
 * no single threshold separates them. Communities of the nearest-neighbour graph do.
 *
 * <p>How: each group is linked to its {@code neighbours} most similar groups when their similarity is unusually high
 * for this collection (at least the {@code percentile} of all pairs' similarities: what counts as similar adapts to
 * how alike the collection's texts are), and the graph is partitioned by maximising modularity with the Louvain
 * method (Blondel et al. 2008: move single nodes to the neighbouring community that gains most, then treat each
 * community as a node and repeat). Deterministic: nodes are visited in index order.
 *
 * <p>Nodes may carry a weight: a link between two nodes counts {@code similarity × √(weight_a × weight_b)}. The
 * grouper passes √(texts in the group): a group of 400 texts and one of 3 are not equally good evidence of where a
 * root cause lies, yet with equal weights the small groups, which are many and noisy, bridge causes and decide the
 * partition. The square root (not the size itself) keeps the largest groups from pulling everything into one
 * community. Measured on three data sets (docs/grouping.md): NMI of the root causes, equal weights → √size, demo
 * 0.676 → 0.719, xSID 0.671 → 0.688, BANKING77 0.559 → 0.581; log(1 + size) was a little worse, size and size²
 * worse than equal weights.
 */
final class Communities {

    private Communities() {
    }

    /**
     * The community of each node.
     *
     * @param similarity  symmetric pairwise similarities (the diagonal is ignored)
     * @param weight      each node's weight (positive), or {@code null} for equal weights
     * @param neighbours  each node keeps edges to at most this many most similar nodes
     * @param percentile  0 to 100: edges weaker than this percentile of all pairs' similarities are dropped
     * @param resolution  modularity resolution: above 1 more, smaller communities; below 1 fewer, larger ones
     * @return for each node, the index of its community (0, 1, ...; numbered by each community's first node)
     */
    static int[] of(double[][] similarity, double[] weight, int neighbours, double percentile, double resolution) {
        int n = similarity.length;
        if (n == 0) {
            return new int[0];
        }
        if (weight != null) {
            if (weight.length != n) {
                throw new IllegalArgumentException("weights must be one per node: " + weight.length + " for " + n);
            }
            for (int i = 0; i < n; i++) {
                if (!(weight[i] > 0) || Double.isInfinite(weight[i])) {
                    throw new IllegalArgumentException("weight of node " + i + " must be positive, was " + weight[i]);
                }
            }
        }
        if (neighbours < 1) {
            throw new IllegalArgumentException("neighbours must be at least 1, was " + neighbours);
        }
        if (!(percentile >= 0 && percentile <= 100)) {
            throw new IllegalArgumentException("percentile must be within [0, 100], was " + percentile);
        }
        if (!(resolution > 0)) {
            throw new IllegalArgumentException("resolution must be positive, was " + resolution);
        }
        double floor = percentile(similarity, percentile);
        // The k-nearest-neighbour graph, symmetrised (an edge if either end chose it), as adjacency maps.
        List<Map<Integer, Double>> edges = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            edges.add(new HashMap<>());
        }
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            final int row = i;
            for (int j = 0; j < n; j++) {
                order[j] = j;
            }
            Arrays.sort(order, (a, b) -> Double.compare(similarity[row][b], similarity[row][a]));
            int kept = 0;
            for (int k = 0; k < n && kept < neighbours; k++) {
                int j = order[k];
                if (j == i) {
                    continue;
                }
                double s = similarity[i][j];
                if (!(s > 0) || s < floor) {
                    break;
                }
                // The percentile and the nearest neighbours are chosen by similarity alone; weights scale the link.
                double w = weight == null ? s : s * Math.sqrt(weight[i] * weight[j]);
                edges.get(i).put(j, w);
                edges.get(j).put(i, w);
                kept++;
            }
        }
        int[] community = louvain(edges, resolution);
        // Renumber by first appearance, so that the result does not depend on internal labels.
        Map<Integer, Integer> names = new HashMap<>();
        for (int i = 0; i < n; i++) {
            community[i] = names.computeIfAbsent(community[i], k -> names.size());
        }
        return community;
    }

    /** The {@code p}-th percentile of the off-diagonal similarities (nearest rank). */
    static double percentile(double[][] similarity, double p) {
        int n = similarity.length;
        if (n < 2) {
            return 0;
        }
        double[] all = new double[n * (n - 1) / 2];
        int k = 0;
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                all[k++] = similarity[i][j];
            }
        }
        Arrays.sort(all);
        int rank = (int) Math.ceil(p / 100.0 * all.length) - 1;
        return all[Math.max(0, Math.min(all.length - 1, rank))];
    }

    /** Louvain on a weighted undirected graph; returns each node's community. */
    static int[] louvain(List<Map<Integer, Double>> graph, double resolution) {
        int n = graph.size();
        int[] membership = new int[n];
        for (int i = 0; i < n; i++) {
            membership[i] = i;
        }
        List<Map<Integer, Double>> level = graph;
        while (true) {
            int[] local = oneLevel(level, resolution);
            int communities = Arrays.stream(local).max().orElse(-1) + 1;
            for (int i = 0; i < n; i++) {
                membership[i] = local[membership[i]];
            }
            if (communities == level.size()) {
                return membership; // no node moved: modularity cannot grow further
            }
            // Aggregate: one node per community, edge weights summed (self-loops carry the inside weight).
            List<Map<Integer, Double>> next = new ArrayList<>(communities);
            for (int c = 0; c < communities; c++) {
                next.add(new HashMap<>());
            }
            for (int u = 0; u < level.size(); u++) {
                for (var e : level.get(u).entrySet()) {
                    next.get(local[u]).merge(local[e.getKey()], e.getValue(), Double::sum);
                }
            }
            level = next;
        }
    }

    /**
     * One level of Louvain: nodes move to the neighbouring community with the largest modularity gain until none
     * does. Returns communities numbered 0..c-1. Self-loops ({@code graph.get(u).get(u)}) count as inside weight.
     */
    private static int[] oneLevel(List<Map<Integer, Double>> graph, double resolution) {
        int n = graph.size();
        double[] degree = new double[n];
        double total = 0; // 2m
        for (int u = 0; u < n; u++) {
            for (var e : graph.get(u).entrySet()) {
                degree[u] += e.getValue();
            }
            total += degree[u];
        }
        int[] community = new int[n];
        double[] communityDegree = new double[n];
        for (int u = 0; u < n; u++) {
            community[u] = u;
            communityDegree[u] = degree[u];
        }
        if (total == 0) {
            return community;
        }
        boolean moved = true;
        int rounds = 0;
        while (moved && rounds++ < 100) {
            moved = false;
            for (int u = 0; u < n; u++) {
                int own = community[u];
                Map<Integer, Double> toCommunity = new HashMap<>();
                for (var e : graph.get(u).entrySet()) {
                    if (e.getKey() != u) {
                        toCommunity.merge(community[e.getKey()], e.getValue(), Double::sum);
                    }
                }
                communityDegree[own] -= degree[u];
                int best = own;
                double bestGain = toCommunity.getOrDefault(own, 0.0) - resolution * communityDegree[own] * degree[u] / total;
                for (var e : toCommunity.entrySet()) {
                    double gain = e.getValue() - resolution * communityDegree[e.getKey()] * degree[u] / total;
                    if (gain > bestGain + 1e-12 || (Math.abs(gain - bestGain) <= 1e-12 && e.getKey() < best
                            && best != own)) {
                        best = e.getKey();
                        bestGain = gain;
                    }
                }
                communityDegree[best] += degree[u];
                if (best != own) {
                    community[u] = best;
                    moved = true;
                }
            }
        }
        Map<Integer, Integer> names = new HashMap<>();
        int[] out = new int[n];
        for (int u = 0; u < n; u++) {
            out[u] = names.computeIfAbsent(community[u], k -> names.size());
        }
        return out;
    }
}
