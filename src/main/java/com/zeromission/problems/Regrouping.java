package com.zeromission.problems;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.zeromission.problems.ProblemEvent.Kind;
import com.zeromission.problems.ProblemViews.Consolidation;
import com.zeromission.problems.grouping.OnlineGrouper;
import com.zeromission.problems.grouping.RootCauseSettings;
import com.zeromission.problems.internal.GroupingEngine;
import com.zeromission.problems.internal.ProblemRepository;
import com.zeromission.problems.internal.ProblemsProperties;

/**
 * Re-grouping for {@link Problems}: the consolidation pass (automatic merges of close problems, re-homing of small
 * ones) and the root causes, always within the analysts' decisions (pinned, kept apart, named) and never moving a
 * problem other modules' work refers to.
 */
final class Regrouping {

    // Logged as Problems, as before the split: log settings and readers of the log name that class.
    private static final Logger log = LoggerFactory.getLogger(Problems.class);

    private final GroupingEngine engine;
    private final ProblemRepository repository;
    private final ProblemsProperties properties;
    private final Clock clock;
    private final List<ProblemReferences> references;
    private final AnalystActions actions;
    private final ProblemNaming naming;
    private final GroupingLocks locks;

    Regrouping(GroupingEngine engine, ProblemRepository repository, ProblemsProperties properties, Clock clock,
            List<ProblemReferences> references, AnalystActions actions, ProblemNaming naming, GroupingLocks locks) {
        this.engine = engine;
        this.repository = repository;
        this.properties = properties;
        this.clock = clock;
        this.references = references;
        this.actions = actions;
        this.naming = naming;
        this.locks = locks;
    }

    /** Candidates a consolidation pass left alone: a pinned problem, or a pair kept apart (or named) by an analyst. */
    private static final class Skipped {
        int pinned;
        int keptApart;
    }

    /**
     * The consolidation pass: merges problems whose centroids turned out to be close. Never touches a pinned problem
     * or a pair an analyst kept apart, and never merges an analyst-named problem into another (the other way round
     * keeps the analyst's name). Every merge is recorded and can be undone.
     */
    Consolidation consolidate(String actor) {
        return locks.changed(() -> {
            Instant now = clock.instant();
            OnlineGrouper grouper = engine.grouper();
            var merges = new ArrayList<ProblemEvent>();
            var refused = new HashSet<List<Long>>();
            var skipped = new Skipped();
            Set<Long> referenced = referencedProblems();
            int candidates = 0;
            // Rounds until nothing merges, most similar pair first, as OnlineGrouper.consolidate does (and the
            // evaluation measures): a problem that merged in a round waits for the next, its centroid changed.
            for (int round = 0; round < 100; round++) {
                var touched = new HashSet<Long>();
                boolean merged = false;
                for (long[] pair : grouper.mergeCandidates(properties.consolidationSimilarity())) {
                    var key = List.of(Math.min(pair[0], pair[1]), Math.max(pair[0], pair[1]));
                    if (refused.contains(key) || touched.contains(pair[0]) || touched.contains(pair[1])) {
                        continue;
                    }
                    candidates++;
                    var event = autoMerge(pair[0], pair[1], actor, skipped, "similar", referenced);
                    if (event == null) {
                        refused.add(key);
                        continue;
                    }
                    merges.add(event);
                    touched.add(pair[0]);
                    touched.add(pair[1]);
                    merged = true;
                }
                if (!merged) {
                    break;
                }
            }
            grouper.retrainTermWeights();
            merges.addAll(rehome(grouper, actor, skipped, referenced));
            if (!merges.isEmpty()) {
                log.info("Consolidation merged {} problems ({} candidates)", merges.size(), candidates);
                log.debug("Since start-up {} namings took {} ms of CPU, the process {} ms", naming.namings.get(),
                        naming.namingNanos.get() / 1_000_000, ProblemNaming.processCpuMillis());
            }
            if (properties.rootCauses()) {
                rootCauses(grouper, actor, now, referenced);
            }
            return new Consolidation(now, candidates, merges, skipped.pinned, skipped.keptApart);
        });
    }

    /**
     * Root causes, afresh from the groups as they are now ({@link OnlineGrouper#rootCauses}): each community's
     * problems become variants of one of them, which stands for the root cause. Which one: a problem that already is
     * the root cause of most of the community's problems (so root causes keep their id, name and links from pass to
     * pass), else the largest. Never made a variant: a pinned problem, one an analyst named (it is what the analyst
     * calls a problem of its own), a problem an insight or a squad refers to ({@link ProblemReferences}: re-grouping
     * must not move what people work on), and one kept apart from the root cause by an analyst. Every change is
     * recorded as an event of both problems.
     */
    private void rootCauses(OnlineGrouper grouper, String actor, Instant now, Set<Long> referenced) {
        Map<Long, Long> before = repository.roots();
        Map<Long, Long> after = new HashMap<>();
        for (List<Long> community : grouper.rootCauses(RootCauseSettings.defaults())) {
            var members = new HashMap<Long, Problem>();
            repository.findAll(community).forEach(p -> members.put(p.id(), p));
            Map<Long, Integer> votes = new HashMap<>();
            for (long id : community) {
                Long old = before.get(id);
                if (old != null && members.containsKey(old)) {
                    votes.merge(old, 1, Integer::sum);
                }
            }
            long root = votes.entrySet().stream().max(Map.Entry.<Long, Integer>comparingByValue()
                    .thenComparing(e -> -community.indexOf(e.getKey()))).map(Map.Entry::getKey).orElse(community.getFirst());
            for (long id : community) {
                Problem p = members.get(id);
                if (id == root || p == null || p.state() == ProblemState.MERGED || p.pinned() || p.customLabel() != null
                        || referenced.contains(id) || repository.keptApart(id, root)) {
                    continue;
                }
                after.put(id, root);
            }
        }
        // Only what changed is written and recorded: a variant that joined, moved to another root cause, or left one.
        int joined = 0;
        int left = 0;
        var changed = new java.util.TreeSet<Long>(before.keySet());
        changed.addAll(after.keySet());
        for (long id : changed) {
            Long was = before.get(id);
            Long is = after.get(id);
            if (java.util.Objects.equals(was, is)) {
                continue;
            }
            repository.setRoot(id, is);
            if (is != null) {
                repository.record(Kind.ROOT_CAUSE, id, is, AnalystActions.actor(actor), now, "a variant of root cause " + is
                        + (was == null ? "" : " (was of " + was + ")"));
                joined++;
            } else {
                repository.record(Kind.ROOT_CAUSE, id, was, AnalystActions.actor(actor), now, "no longer a variant of root cause " + was);
                left++;
            }
        }
        if (joined + left > 0) {
            log.info("Root causes: {} problems joined one, {} left one ({} variants in all)", joined, left, after.size());
            after.values().stream().distinct().forEach(naming::relabelRootCause);
        }
    }

    /**
     * Re-homes small problems: one with fewer than {@code rehome-below} signals moves into the most similar problem
     * that has at least that many, when they are at least {@code rehome-similarity} similar. Online grouping starts
     * a new problem whenever a text is unlike every group so far; most such starts are paraphrases of a known
     * problem, and an analyst would rather see them there. Recorded as automatic merges, so each can be undone.
     */
    private List<ProblemEvent> rehome(OnlineGrouper grouper, String actor, Skipped skipped, Set<Long> referenced) {
        var events = new ArrayList<ProblemEvent>();
        if (properties.rehomeBelow() < 2) {
            return events;
        }
        for (var proposal : grouper.rehomeCandidates(properties.rehomeBelow(), properties.rehomeSimilarity())) {
            var small = repository.find(proposal.fromId());
            if (small.isEmpty() || small.get().customLabel() != null) {
                skipped.keptApart++; // an analyst named it: it stays a problem of its own
                continue;
            }
            var event = autoMerge(proposal.intoId(), proposal.fromId(), actor, skipped, "re-homed", referenced);
            if (event != null) {
                events.add(event);
            }
        }
        return events;
    }

    /**
     * One automatic merge of two problems, if the analysts' decisions allow it: never a pinned problem or a pair kept
     * apart, never an analyst-named problem into another (the other way round keeps the analyst's name). The larger
     * one absorbs the smaller. Null when refused.
     */
    private @Nullable ProblemEvent autoMerge(long first, long second, String actor, Skipped skipped, String why, Set<Long> referenced) {
        var found = repository.findAll(List.of(first, second));
        if (found.size() != 2) {
            return null;
        }
        Problem a = found.get(0), b = found.get(1);
        if (a.state() == ProblemState.MERGED || b.state() == ProblemState.MERGED) {
            return null;
        }
        if (a.pinned() || b.pinned()) {
            skipped.pinned++;
            return null;
        }
        if (repository.keptApart(a.id(), b.id()) || (a.customLabel() != null && b.customLabel() != null)) {
            skipped.keptApart++;
            return null;
        }
        // A problem an insight or a squad refers to is never merged away automatically (others may join it).
        boolean aKept = a.customLabel() != null || referenced.contains(a.id());
        boolean bKept = b.customLabel() != null || referenced.contains(b.id());
        if (aKept && bKept) {
            skipped.keptApart++;
            return null;
        }
        boolean aFirst = aKept || (!bKept
                && (a.signals() > b.signals() || (a.signals() == b.signals() && a.id() < b.id())));
        return actions.merge(aFirst ? a : b, aFirst ? b : a, AnalystActions.actor(actor), Kind.AUTO_MERGE, why);
    }

    /** The problems other modules' work refers to ({@link ProblemReferences}). */
    private Set<Long> referencedProblems() {
        Set<Long> referenced = new HashSet<>();
        references.forEach(r -> referenced.addAll(r.referencedProblems()));
        return referenced;
    }
}
