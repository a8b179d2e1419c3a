package com.zeromission.problems.grouping;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.zeromission.text.AnalyzedText;

/**
 * The grouper's vocabulary and term weights: term &lt;-&gt; dense int id, with document frequency, a surface form
 * for labels, the self-trained weight and whether it is a lexicon concept; turns a text into its TF-IDF {@link
 * Vector}, keeps itself bounded ({@link #prune}) and self-trains its weights ({@link #reweight}). Mutable, and only
 * ever touched under the grouper's lock.
 */
final class Vocabulary {

    private final Settings settings;
    private final Meanings meanings;

    final Map<String, Integer> termIds = new HashMap<>();
    String[] termText = new String[1024];
    String[] termSurface = new String[1024];
    long[] df = new long[1024];
    /** Self-trained weight per term (1 until the first consolidation with {@link Settings#selfTraining()} on). */
    double[] termWeight = filled(1024);
    /** How many terms there are (ids 0 to size - 1). */
    int size;
    long documents;

    /**
     * Scratch space: a text's weights by term id, while the lock is held ({@link Similarity} loads texts into it; it
     * grows with the vocabulary, so it lives here).
     */
    double[] scratch = new double[1024];

    /** Which term ids are lexicon concepts (their text starts with {@code ~}). */
    boolean[] concept = new boolean[1024];

    Vocabulary(Settings settings, Meanings meanings) {
        this.settings = settings;
        this.meanings = meanings;
    }

    private static double[] filled(int n) {
        double[] a = new double[n];
        Arrays.fill(a, 1.0);
        return a;
    }

    /** Counts a new text in the document frequencies (each distinct term once). */
    void count(AnalyzedText text) {
        documents++;
        Set<String> seen = new HashSet<>();
        for (String term : text.terms()) {
            if (seen.add(term)) {
                Integer id = termIds.get(term);
                int i = id != null ? id : newTerm(term, text.surface(term));
                df[i]++;
            }
        }
    }

    /** Keeps the vocabulary bounded; called once a text's terms are in a centroid, so they are not the ones forgotten. */
    void pruneIfFull(List<Group> groups) {
        if (size > settings.maxVocabulary()) {
            prune(groups);
        }
    }

    int newTerm(String term, String surface) {
        if (size == termText.length) {
            int n = size * 2;
            termText = Arrays.copyOf(termText, n);
            termSurface = Arrays.copyOf(termSurface, n);
            df = Arrays.copyOf(df, n);
            termWeight = Arrays.copyOf(termWeight, n);
            Arrays.fill(termWeight, size, n, 1.0);
            scratch = Arrays.copyOf(scratch, n);
            concept = Arrays.copyOf(concept, n);
        }
        int id = size++;
        termWeight[id] = 1.0;
        concept[id] = term.startsWith("~");
        termText[id] = term;
        termSurface[id] = surface;
        termIds.put(term, id);
        return id;
    }

    /**
     * Forgets the rarest terms that no centroid uses until the vocabulary is at three quarters of its cap, and
     * renumbers the rest (keeping their order, so that computations stay deterministic).
     */
    private void prune(List<Group> groups) {
        boolean[] used = new boolean[size];
        for (Group g : groups) {
            for (int t : g.terms) {
                used[t] = true;
            }
        }
        int target = settings.maxVocabulary() * 3 / 4;
        long[] sorted = Arrays.copyOf(df, size);
        Arrays.sort(sorted);
        long cutoff = sorted[Math.max(0, size - target)]; // keep terms with df above the cutoff
        int[] remap = new int[size];
        int next = 0;
        for (int i = 0; i < size; i++) {
            if (used[i] || df[i] > cutoff || (df[i] == cutoff && next < target)) {
                remap[i] = next;
                termText[next] = termText[i];
                termSurface[next] = termSurface[i];
                df[next] = df[i];
                termWeight[next] = termWeight[i];
                concept[next] = concept[i];
                next++;
            } else {
                remap[i] = -1;
                termIds.remove(termText[i]);
            }
        }
        for (int i = next; i < size; i++) {
            termText[i] = null;
            termSurface[i] = null;
            df[i] = 0;
            termWeight[i] = 1.0;
            concept[i] = false;
        }
        size = next;
        for (int i = 0; i < size; i++) {
            termIds.put(termText[i], i);
        }
        for (Group g : groups) {
            int[] terms = new int[g.terms.length];
            for (int i = 0; i < terms.length; i++) {
                terms[i] = remap[g.terms[i]];
            }
            g.set(terms, g.weights); // the order is kept, so the ids stay ascending
        }
    }

    /**
     * Self-training: weights each term by how concentrated its centroid mass is over the groups found so far ({@code
     * c = 1 - H / ln G}), as {@code 1 - s + 2 s c}, and rescales the centroids to the new weights so that they stay
     * comparable with the texts still to come. Unsupervised: the groups are the grouper's own. Terms in no centroid
     * keep their weight. Centroids store weight times mass, so the distribution over groups does not depend on the
     * weight in force.
     */
    void reweight(List<Group> groups) {
        int g = groups.size();
        if (g < 2) {
            return;
        }
        double[] mass = new double[size];
        double[] massLogMass = new double[size];
        for (Group group : groups) {
            for (int i = 0; i < group.terms.length; i++) {
                double w = group.weights[i];
                if (w > 0) {
                    mass[group.terms[i]] += w;
                    massLogMass[group.terms[i]] += w * Math.log(w);
                }
            }
        }
        double s = settings.selfTraining();
        double logG = Math.log(g);
        double[] ratio = new double[size];
        for (int t = 0; t < size; t++) {
            ratio[t] = 1.0;
            if (mass[t] > 0) {
                double entropy = Math.max(0, Math.log(mass[t]) - massLogMass[t] / mass[t]);
                double c = Math.max(0, 1 - entropy / logG);
                // never 0: a term may become concentrated again, and a ratio needs a positive old weight
                double weight = Math.max(0.05, 1 - s + 2 * s * c);
                ratio[t] = weight / termWeight[t];
                termWeight[t] = weight;
            }
        }
        for (Group group : groups) {
            double[] w = group.weights.clone();
            for (int i = 0; i < w.length; i++) {
                w[i] *= ratio[group.terms[i]];
            }
            group.set(group.terms, w);
            if (group.norm == 0) {
                group.norm = 1;
            }
            group.conceptNorm = conceptNorm(group);
        }
    }

    private double idf(int term) {
        return Math.log((1.0 + documents) / (1.0 + df[term])) + 1.0;
    }

    /** The text's unit TF-IDF vector with today's document frequencies; unknown terms are added with df 0. */
    Vector vectorise(AnalyzedText text) {
        return vectorise(text, true);
    }

    /**
     * The text's unit TF-IDF vector. Unknown terms are added to the vocabulary with df 0 when {@code register};
     * otherwise they only count in the length (no centroid has them, so they add nothing to a dot product).
     */
    Vector vectorise(AnalyzedText text, boolean register) {
        Map<Integer, Integer> tf = new HashMap<>();
        Map<String, Integer> unknown = null;
        for (String term : text.terms()) {
            Integer id = termIds.get(term);
            if (id == null && !register) {
                if (unknown == null) {
                    unknown = new HashMap<>();
                }
                unknown.merge(term, 1, Integer::sum);
                continue;
            }
            int i = id != null ? id : newTerm(term, text.surface(term));
            tf.merge(i, 1, Integer::sum);
        }
        int[] terms = new int[tf.size()];
        int k = 0;
        for (int t : tf.keySet()) {
            terms[k++] = t;
        }
        Arrays.sort(terms);
        double[] weights = new double[terms.length];
        double norm = 0;
        for (int i = 0; i < terms.length; i++) {
            String term = termText[terms[i]];
            double kind = term.startsWith("~") ? settings.conceptWeight()
                    : term.indexOf(' ') >= 0 ? settings.pairWeight() : 1.0;
            double w = (1.0 + Math.log(tf.get(terms[i]))) * idf(terms[i]) * kind * termWeight[terms[i]];
            weights[i] = w;
            norm += w * w;
        }
        if (unknown != null) {
            double unseen = Math.log(1.0 + documents) + 1.0;
            for (var e : unknown.entrySet()) {
                String term = e.getKey();
                double kind = term.startsWith("~") ? settings.conceptWeight()
                        : term.indexOf(' ') >= 0 ? settings.pairWeight() : 1.0;
                double w = (1.0 + Math.log(e.getValue())) * unseen * kind;
                norm += w * w;
            }
        }
        if (norm == 0) {
            return new Vector(new int[0], new double[0], text.language(), 0, meanings.embeddingOf(text));
        }
        norm = Math.sqrt(norm);
        int nonZero = 0;
        double conceptNorm = 0;
        for (int i = 0; i < weights.length; i++) {
            weights[i] /= norm;
            if (weights[i] > 0) {
                nonZero++;
            }
            if (concept[terms[i]]) {
                conceptNorm += weights[i] * weights[i];
            }
        }
        conceptNorm = Math.sqrt(conceptNorm);
        String language = text.language();
        if (nonZero < weights.length) { // a weight of 0 (pairWeight 0): drop those terms
            int[] t2 = new int[nonZero];
            double[] w2 = new double[nonZero];
            for (int i = 0, j = 0; i < weights.length; i++) {
                if (weights[i] > 0) {
                    t2[j] = terms[i];
                    w2[j++] = weights[i];
                }
            }
            return new Vector(t2, w2, language, conceptNorm, meanings.embeddingOf(text));
        }
        return new Vector(terms, weights, language, conceptNorm, meanings.embeddingOf(text));
    }

    /** Length of a group centroid's concept part. */
    double conceptNorm(Group g) {
        double s = 0;
        for (int i = 0; i < g.terms.length; i++) {
            if (concept[g.terms[i]]) {
                s += g.weights[i] * g.weights[i];
            }
        }
        return Math.sqrt(s);
    }

    /**
     * The {@code n} most distinctive terms of a group, heaviest first, as readable words: surface forms of stems
     * ("invoice", "fakturan") and bigrams ("exchange rate"); concept ids are left out (their words show), and a word
     * already shown inside a bigram is not repeated.
     */
    List<String> topTerms(Group g, int n) {
        Integer[] order = new Integer[g.terms.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (x, y) -> Double.compare(g.weights[y], g.weights[x]));
        List<String> label = new ArrayList<>(n);
        Set<String> shownStems = new HashSet<>();
        for (int i : order) {
            if (label.size() == n) {
                break;
            }
            String term = termText[g.terms[i]];
            if (term.startsWith("~")) {
                continue;
            }
            String[] parts = term.split(" ");
            boolean allShown = true;
            for (String p : parts) {
                allShown &= shownStems.contains(p);
            }
            if (allShown) {
                continue;
            }
            shownStems.addAll(Arrays.asList(parts));
            String surface = termSurface[g.terms[i]];
            // A bigram replaces a single word of it that was shown before: "card" then "card arrive" -> keep both
            // words once, in the bigram.
            if (parts.length > 1) {
                for (String p : parts) {
                    Integer pid = termIds.get(p);
                    if (pid != null) {
                        label.remove(termSurface[pid]);
                    }
                }
            }
            label.add(surface);
        }
        return List.copyOf(label);
    }

    /** How many counted texts contain the term (0 when unknown or forgotten). */
    long documentFrequency(String term) {
        Integer id = termIds.get(term);
        return id == null ? 0 : df[id];
    }
}
