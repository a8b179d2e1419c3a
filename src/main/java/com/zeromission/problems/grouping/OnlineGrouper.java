package com.zeromission.problems.grouping;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongSupplier;

import com.zeromission.text.AnalyzedText;

/**
 * Groups texts into problems online, one text at a time, without being told how many problems there are.
 *
 * <p>How: each text becomes a TF-IDF vector over its features (sublinear term frequency {@code 1 + ln tf}, times
 * the smoothed inverse document frequency {@code ln((1 + N) / (1 + df)) + 1} from running counts, times the
 * {@link Settings#pairWeight()} or {@link Settings#conceptWeight()} for those kinds of feature), normalised to
 * length 1. A group is the sum of its members' unit vectors (its centroid, proportional to their mean, truncated to
 * the heaviest {@link Settings#maxTermsPerGroup()} terms). A text joins the group whose centroid is most similar by
 * cosine if that similarity reaches {@link Settings#assignThreshold()}, and starts a new group otherwise: the number
 * of groups follows from the data. Leader clustering like this depends on the order texts come in; {@link
 * #consolidate} (run periodically by the caller) repairs the typical failure, one problem found as several groups
 * early on, by merging groups whose centroids are similar.
 *
 * <p>Across languages: a text in another language than a group's shares only lexicon concepts with it, so it may
 * also join on the concept parts alone ({@link Settings#crossLanguageThreshold()}); consolidation merges groups of
 * different languages the same way.
 *
 * <p>Ids: new groups get their id from the {@link LongSupplier} given to the constructor (the caller's database
 * sequence), so ids are stable across restarts via {@link #snapshot()} and {@link #restore}.
 *
 * <p>Memory: per group at most {@code maxTermsPerGroup} weights and a count per language; the vocabulary with its
 * document frequencies is capped at {@link Settings#maxVocabulary()} terms (plus those the centroids use) by
 * forgetting rare ones that no centroid uses.
 *
 * <p>Thread-safety: every public method takes one lock, so the grouper may be shared between threads; assignments
 * are serialised, which is what online grouping needs anyway (each assignment changes the groups the next sees).
 * Pure Java: no Spring, no database.
 *
 * <p>This class is the lock and the public face; the work is done by package-private collaborators, each owning one
 * part: {@link Vocabulary} (terms, document frequencies, TF-IDF and self-trained weights), {@link Groups} (the groups
 * and how centroids grow), {@link Similarity} (comparing a text or group with groups), {@link Meanings} (sentence
 * embeddings), {@link Consolidation} (merging, re-homing, splitting), {@link RootCauses} and {@link Snapshots}.
 */
public final class OnlineGrouper {

    private final Settings settings;
    private final LongSupplier ids;
    private final ReentrantLock lock = new ReentrantLock();

    private final Meanings meanings;
    private final Vocabulary vocabulary;
    private final Groups groups;
    private final Similarity similarity;
    private final Consolidation consolidation;
    private final RootCauses rootCauses;

    public OnlineGrouper(Settings settings, LongSupplier ids) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.ids = Objects.requireNonNull(ids, "ids");
        this.meanings = new Meanings(settings);
        this.vocabulary = new Vocabulary(settings, meanings);
        this.groups = new Groups(settings, vocabulary, meanings);
        this.similarity = new Similarity(settings, vocabulary, meanings);
        this.consolidation = new Consolidation(settings, vocabulary, groups, similarity, meanings);
        this.rootCauses = new RootCauses(vocabulary, groups);
    }

    public Settings settings() {
        return settings;
    }

    /**
     * Puts a text into the most similar group, or into a new one when none is similar enough, and updates that
     * group and the document frequencies.
     */
    public Assignment assign(AnalyzedText text) {
        Objects.requireNonNull(text, "text");
        lock.lock();
        try {
            vocabulary.count(text);
            Vector v = vocabulary.vectorise(text);
            Group best = null;
            double bestSimilarity = 0;
            if (v.terms().length > 0 || v.embedding() != null) {
                similarity.load(v);
                similarity.textMeaning = meanings.meaningOf(v);
                for (Group g : groups.all) {
                    double s = similarity.similarity(v, g);
                    if (s > bestSimilarity) {
                        bestSimilarity = s;
                        best = g;
                    }
                }
                similarity.textMeaning = null;
                similarity.unload(v);
            }
            bestSimilarity = Math.min(1.0, bestSimilarity);
            if (best != null && bestSimilarity >= settings.assignThreshold()) {
                groups.addTo(best, v, 1);
                vocabulary.pruneIfFull(groups.all);
                return new Assignment(best.id, false, bestSimilarity);
            }
            Group created = groups.create(ids.getAsLong(), v, 1);
            vocabulary.pruneIfFull(groups.all);
            return new Assignment(created.id, true, bestSimilarity);
        } finally {
            lock.unlock();
        }
    }

    /**
     * Whether a text's sentence embedding could change where it goes: false when semantic matching is off, or when its
     * words alone already match a group at least {@link Settings#semanticSkipThreshold()} similar (0.35 by default,
     * well above the assignment threshold): then the embedding, the expensive part of analysing a text, is not worth
     * computing.
     * Asked before the text is embedded (the caller embeds only the texts this says yes to); changes nothing.
     */
    public boolean wantsEmbedding(AnalyzedText text) {
        Objects.requireNonNull(text, "text");
        if (settings.semanticWeight() == 0) {
            return false;
        }
        if (settings.semanticSkipThreshold() >= 1) {
            return true; // 1 means: embed every text, even an exact repeat
        }
        lock.lock();
        try {
            Vector v = vocabulary.vectorise(text, false);
            if (v.terms().length == 0) {
                return true;
            }
            similarity.load(v);
            try {
                for (Group g : groups.all) {
                    if (similarity.similarity(v, g) >= settings.semanticSkipThreshold()) {
                        return false;
                    }
                }
            } finally {
                similarity.unload(v);
            }
            return true;
        } finally {
            lock.unlock();
        }
    }

    /**
     * The most similar group to a text other than {@code excludedGroupId}, without changing anything (for
     * re-homing: is there a better home for a member of a small group?). Empty when there is no other group or the
     * text has no features.
     */
    public Optional<Assignment> closest(AnalyzedText text, long excludedGroupId) {
        return closest(text, excludedGroupId, 1);
    }

    /** {@link #closest(AnalyzedText, long)} among the groups holding at least {@code minSize} texts. */
    public Optional<Assignment> closest(AnalyzedText text, long excludedGroupId, long minSize) {
        Objects.requireNonNull(text, "text");
        lock.lock();
        try {
            Vector v = vocabulary.vectorise(text, false);
            if (v.terms().length == 0 && v.embedding() == null) {
                return Optional.empty();
            }
            similarity.load(v);
            similarity.textMeaning = meanings.meaningOf(v);
            Group best = null;
            double bestSimilarity = -1;
            for (Group g : groups.all) {
                if (g.id == excludedGroupId || g.size < minSize) {
                    continue;
                }
                double s = similarity.similarity(v, g);
                if (s > bestSimilarity) {
                    bestSimilarity = s;
                    best = g;
                }
            }
            similarity.textMeaning = null;
            similarity.unload(v);
            return best == null ? Optional.empty()
                    : Optional.of(new Assignment(best.id, false, Math.max(0, Math.min(1.0, bestSimilarity))));
        } finally {
            lock.unlock();
        }
    }

    /**
     * Creates the group {@code groupId} from these texts, or extends it when it exists (analyst's split, re-homing a
     * signal, rebuilding a group). The texts are taken to be counted already by an earlier {@link #assign}, so the
     * document frequencies do not change.
     */
    public void add(long groupId, List<AnalyzedText> members) {
        Objects.requireNonNull(members, "members");
        if (members.isEmpty()) {
            throw new IllegalArgumentException("add needs at least one text for group " + groupId);
        }
        lock.lock();
        try {
            Group g = groups.byId.get(groupId);
            for (AnalyzedText t : members) {
                Vector v = vocabulary.vectorise(t);
                if (g == null) {
                    g = groups.create(groupId, v, 1);
                } else {
                    groups.addTo(g, v, 1);
                }
            }
        } finally {
            lock.unlock();
        }
    }

    /**
     * Puts a text into the group {@code groupId} (created when absent) exactly as {@link #assign} put it there,
     * document frequencies included: replaying another grouper's assignments in their order this way leaves this
     * grouper equal to that one (several application instances keep their groupers alike so).
     */
    public void replay(long groupId, AnalyzedText text) {
        Objects.requireNonNull(text, "text");
        lock.lock();
        try {
            vocabulary.count(text);
            Vector v = vocabulary.vectorise(text);
            Group g = groups.byId.get(groupId);
            if (g == null) {
                groups.create(groupId, v, 1);
            } else {
                groups.addTo(g, v, 1);
            }
            vocabulary.pruneIfFull(groups.all);
        } finally {
            lock.unlock();
        }
    }

    /** Merges group {@code fromId} into {@code intoId}: centroids add up (so each weighs by its size), sizes too. */
    public void merge(long intoId, long fromId) {
        if (intoId == fromId) {
            throw new IllegalArgumentException("a group cannot be merged into itself: " + intoId);
        }
        lock.lock();
        try {
            Group into = groups.group(intoId);
            Group from = groups.group(fromId);
            groups.absorb(into, from);
            groups.discard(from);
        } finally {
            lock.unlock();
        }
    }

    /** Forgets a group (its texts were deleted, or the caller rebuilds it with {@link #add}). */
    public void remove(long groupId) {
        lock.lock();
        try {
            groups.discard(groups.group(groupId));
        } finally {
            lock.unlock();
        }
    }

    /** A pinned group is never merged by {@link #consolidate} nor proposed by {@link #mergeCandidates}. */
    public void pin(long groupId, boolean pinned) {
        lock.lock();
        try {
            groups.group(groupId).pinned = pinned;
        } finally {
            lock.unlock();
        }
    }

    public boolean isPinned(long groupId) {
        lock.lock();
        try {
            return groups.group(groupId).pinned;
        } finally {
            lock.unlock();
        }
    }

    /** Cosine similarity of two groups' centroids, 0 to 1. */
    public double similarity(long a, long b) {
        lock.lock();
        try {
            return similarity.cosine(groups.group(a), groups.group(b));
        } finally {
            lock.unlock();
        }
    }

    /**
     * Pairs of unpinned groups whose centroids are at least {@code threshold} similar, most similar first; each pair
     * is {@code {larger group's id, smaller group's id}} (merge the second into the first to keep the bigger
     * problem's id). Compares every pair: meant for a periodic pass, not for every text.
     */
    public List<long[]> mergeCandidates(double threshold) {
        lock.lock();
        try {
            List<Consolidation.Candidate> found = consolidation.candidates(threshold);
            List<long[]> pairs = new ArrayList<>(found.size());
            for (Consolidation.Candidate c : found) {
                pairs.add(new long[] {c.into().id, c.from().id});
            }
            return pairs;
        } finally {
            lock.unlock();
        }
    }

    /**
     * The consolidation pass: merges unpinned groups whose centroids are at least {@link Settings#mergeThreshold()}
     * similar, most similar first, until no such pair is left (a merged centroid is compared again in the next
     * round). Returns the merges done, in order, for the caller to record and be able to undo.
     */
    public List<Merge> consolidate() {
        return consolidate(settings.mergeThreshold());
    }

    /** {@link #consolidate()} with another threshold. */
    public List<Merge> consolidate(double threshold) {
        lock.lock();
        try {
            return consolidation.consolidate(threshold);
        } finally {
            lock.unlock();
        }
    }

    /**
     * Re-homing proposals: for each unpinned group with fewer than {@code belowSize} texts (oldest first), the most
     * similar unpinned group holding at least {@code belowSize} texts, when their centroids are at least {@code
     * minSimilarity} similar by cosine (ties: the older group). Online grouping starts a new group whenever a text is
     * unlike every group so far; most such starts are paraphrases of a known problem that had not formed yet, so a
     * small group is rather proposed into an established one than left alone. Sizes and centroids are those of now:
     * nothing changes here; the caller applies each proposal with {@link #merge} (and may refuse some, e.g. pairs an
     * analyst kept apart). Each {@link Merge} is {@code (large group, small group, similarity)}.
     */
    public List<Merge> rehomeCandidates(int belowSize, double minSimilarity) {
        if (belowSize < 2) {
            throw new IllegalArgumentException("belowSize must be at least 2, was " + belowSize);
        }
        if (!(minSimilarity >= 0 && minSimilarity <= 1)) {
            throw new IllegalArgumentException("minSimilarity must be within [0, 1], was " + minSimilarity);
        }
        lock.lock();
        try {
            return consolidation.rehomeCandidates(belowSize, minSimilarity);
        } finally {
            lock.unlock();
        }
    }

    /**
     * Proposes splitting a group into two when its members form two clearly different problems (the consolidation
     * pass's counterpart of a merge): two-means over the members' vectors, seeded with the member least like the
     * rest and the member least like that one. Returns the members' indexes of each half, or empty when the halves'
     * centroids are at least {@code maxSimilarity} similar (one problem after all) or a half has fewer than {@code
     * minSize} members. Changes nothing; the caller applies a split with {@link #remove} and {@link #add}.
     */
    public Optional<List<List<Integer>>> proposeSplit(List<AnalyzedText> members, double maxSimilarity, int minSize) {
        Objects.requireNonNull(members, "members");
        if (minSize < 1) {
            throw new IllegalArgumentException("minSize must be at least 1");
        }
        if (members.size() < 2 * minSize) {
            return Optional.empty();
        }
        lock.lock();
        try {
            return consolidation.proposeSplit(members, maxSimilarity, minSize);
        } finally {
            lock.unlock();
        }
    }

    /**
     * Root causes: groups that are one problem written in other words or another language, found as communities of
     * the groups' similarity graph ({@link Communities}). Returns the communities of two or more unpinned groups, each
     * as its group ids, largest group first (ties: the older). Nothing changes here: the groups stay as they are (they
     * are the root cause's variants: its phrasings and languages) and the caller decides which group stands for
     * the root cause. Computed afresh from the groups each time, so the same groups give the same root causes.
     *
     * <p>The similarity of two groups here weighs each term of their centroids by how few groups use it ({@code
     * ln(G / groups using it)}): what every group has (greetings, "please", the merchant's name) says nothing about
     * the cause. Sentence embeddings do not take part: they are English-only, and a veto of English groups whose
     * embeddings disagree was measured worse (docs/grouping.md).
     */
    public List<List<Long>> rootCauses(RootCauseSettings rootSettings) {
        lock.lock();
        try {
            return rootCauses.of(rootSettings);
        } finally {
            lock.unlock();
        }
    }

    /**
     * The {@code n} most distinctive terms of a group, heaviest first, as readable words: surface forms of stems
     * ("invoice", "fakturan") and bigrams ("exchange rate"); concept ids are left out (their words show), and a word
     * already shown inside a bigram is not repeated.
     */
    public List<String> topTerms(long groupId, int n) {
        if (n < 1) {
            throw new IllegalArgumentException("n must be at least 1");
        }
        lock.lock();
        try {
            return vocabulary.topTerms(groups.group(groupId), n);
        } finally {
            lock.unlock();
        }
    }

    public long size(long groupId) {
        lock.lock();
        try {
            return groups.group(groupId).size;
        } finally {
            lock.unlock();
        }
    }

    public boolean contains(long groupId) {
        lock.lock();
        try {
            return groups.byId.containsKey(groupId);
        } finally {
            lock.unlock();
        }
    }

    /** The ids of all groups, oldest first. */
    public List<Long> groupIds() {
        lock.lock();
        try {
            return groups.all.stream().map(g -> g.id).toList();
        } finally {
            lock.unlock();
        }
    }

    public int groupCount() {
        lock.lock();
        try {
            return groups.all.size();
        } finally {
            lock.unlock();
        }
    }

    /** How many texts the document frequencies count. */
    public long documents() {
        lock.lock();
        try {
            return vocabulary.documents;
        } finally {
            lock.unlock();
        }
    }

    /** Everything the grouper knows, as plain data; {@link #restore} continues exactly from here. */
    public GrouperState snapshot() {
        lock.lock();
        try {
            return Snapshots.take(vocabulary, groups);
        } finally {
            lock.unlock();
        }
    }

    /** A grouper that continues from a {@link #snapshot()}; new groups get ids from {@code ids}. */
    public static OnlineGrouper restore(GrouperState state, Settings settings, LongSupplier ids) {
        Objects.requireNonNull(state, "state");
        var grouper = new OnlineGrouper(settings, ids);
        Snapshots.restore(state, grouper.vocabulary, grouper.groups, grouper.meanings);
        return grouper;
    }

    /**
     * Recomputes the self-trained term weights now (what {@link #consolidate(double)} does at its end), for a caller
     * that runs the consolidation's merges itself (the product checks each one against analysts' decisions first).
     * Does nothing when self-training is off.
     */
    public void retrainTermWeights() {
        lock.lock();
        try {
            if (settings.selfTraining() > 0) {
                vocabulary.reweight(groups.all);
            }
        } finally {
            lock.unlock();
        }
    }

    /**
     * How many of the texts counted in {@link #documents()} contain the term (0 when unknown or forgotten): the term
     * statistics problem names are chosen with.
     */
    public long documentFrequency(String term) {
        lock.lock();
        try {
            return vocabulary.documentFrequency(term);
        } finally {
            lock.unlock();
        }
    }
}
