package com.zeromission.insights;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import com.zeromission.insights.internal.DelegationOutbox;
import com.zeromission.insights.internal.InsightRepository;
import com.zeromission.intake.IntakeService;
import com.zeromission.intake.SignalId;
import com.zeromission.markets.Scope;
import com.zeromission.metrics.CpmService;
import com.zeromission.outbound.WebhookOutbox;
import com.zeromission.privacy.FreeText;
import com.zeromission.privacy.TextMasker;
import com.zeromission.problems.ProblemId;
import com.zeromission.problems.Problems;

/**
 * Insights and teams: drafts written from problems, the quality gate in front of delegation, the workflow with
 * every step recorded, and the ranked list. Delegation is refused, naming every missing element, until the insight
 * passes the gate; the refusal itself is recorded in the insight's history.
 *
 * <p>This class is the module's API and the insights' workflow; package-private collaborators own the rest: {@link
 * TeamRoster} (teams), {@link EffectMeasurement} (did the fix work) and {@link ImpactMeasurement} (occurrences,
 * probability, the ranked list).
 */
@Service
public class Insights implements TeamDirectory {

    /** States whose insights are still to be done, and so ranked. */
    public static final Set<InsightState> OPEN = EnumSet.of(InsightState.DRAFT, InsightState.ACTIONABLE,
            InsightState.DELEGATED, InsightState.IN_PROGRESS, InsightState.REGRESSED);
    /** Steps a person may take; verification and regression come from the effect measurement, not from a click. */
    static final Set<InsightState> BY_HAND = EnumSet.of(InsightState.DRAFT, InsightState.ACTIONABLE, InsightState.IN_PROGRESS,
            InsightState.RESOLVED);

    private final InsightRepository repository;
    private final Problems problems;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final QualityGate gate;

    private final DelegationOutbox outbox;

    private final IntakeService intake;
    private final TextMasker masker;
    private final TeamRoster roster;
    private final EffectMeasurement effects;
    private final ImpactMeasurement measures;
    /** The replay module's answer to "is this replay stored, how long is it" (see {@link ReplayLookup}); may be absent. */
    private final ObjectProvider<ReplayLookup> replays;

    Insights(InsightRepository repository, Problems problems, CpmService cpm, TransactionTemplate tx, Clock clock,
            DelegationOutbox outbox, IntakeService intake,
            TextMasker masker, ObjectProvider<ReplayLookup> replays) {
        this.replays = replays;
        this.intake = intake;
        this.masker = masker;
        this.outbox = outbox;
        this.repository = repository;
        this.problems = problems;
        this.tx = tx;
        this.clock = clock;
        this.gate = new QualityGate(this);
        this.roster = new TeamRoster(repository, tx, clock, masker);
        this.effects = new EffectMeasurement(this, repository, problems, cpm, tx, clock);
        this.measures = new ImpactMeasurement(repository, problems, cpm, clock);
    }

    // ---- teams -------------------------------------------------------------------------------------------------

    public boolean saveTeam(Team team) {
        return roster.saveTeam(team);
    }

    /**
     * Imports teams from CSV ({@code team,area,person}, a header row, one row per member; a team without members is
     * one row with an empty person). All or nothing: a bad row refuses the whole file, naming its line. Each team in
     * the file replaces the team of that name.
     */
    public List<Team> importTeams(String csv) {
        return roster.importTeams(csv);
    }

    public List<Team> teams() {
        return roster.teams();
    }

    /** The team of that name, if there is one. */
    public java.util.Optional<Team> team(String name) {
        return roster.team(name);
    }

    /**
     * The teams {@code user} is a member of, by name. The team directory is the one record of who belongs to which
     * team (the sign-in accounts carry roles only): moving a person between teams takes effect at once, and the
     * quality gate's "responsible person belongs to the owner team" reads the same rows.
     */
    public List<Team> teamsOf(String user) {
        return roster.teamsOf(user);
    }

    /**
     * The insights owned by (delegated to, or to be delegated to) any of {@code teams}, in {@code states} (every state
     * when empty), oldest first. An unknown team name is refused, naming it, rather than answered with nothing.
     */
    public List<Insight> ownedBy(java.util.Collection<String> teams, Set<InsightState> states) {
        for (String t : teams) {
            if (t == null || !teamExists(t)) {
                throw new UnknownTeamException(t);
            }
        }
        if (teams.isEmpty()) {
            return List.of();
        }
        return repository.ownedBy(List.copyOf(teams),
                List.copyOf(states.isEmpty() ? EnumSet.allOf(InsightState.class) : states)).stream().map(this::view).toList();
    }

    @Override
    public boolean teamExists(String team) {
        return repository.teamExists(team);
    }

    @Override
    public boolean isMember(String team, String person) {
        return repository.isMember(team, person);
    }

    // ---- insights ----------------------------------------------------------------------------------------------

    /** A new draft; its linked problems must exist. */
    public Insight create(InsightContent content, String actor) {
        checkProblems(content);
        checkReplayMoments(List.of(), content);
        var resolved = measures.withMeasuredImpact(content, null);
        return tx.execute(s -> {
            Instant now = clock.instant();
            long id = repository.create(resolved, actor, now);
            var impact = resolved.impact();
            // an override of the measured occurrences is said where the insight starts, as every later edit says it
            repository.recordTransition(id, null, InsightState.DRAFT, actor, now, impact == null || !impact.overridden()
                    ? "created" : "created; " + overrideNote(impact));
            return load(id);
        });
    }

    /**
     * Replaces a draft's or an actionable insight's content, as an API client's PUT does. The replacement must carry
     * every piece of evidence the insight has: one that leaves any out is refused ({@link EvidenceWouldBeLostException},
     * nothing changed), because a client that did not send the evidence back would otherwise drop a screenshot
     * silently; {@link #patch} changes some fields, or removes evidence on purpose. Otherwise as {@link #update}.
     */
    public Insight replace(InsightId insightId, InsightContent content, String actor) {
        long id = insightId.value();
        return edit(id, current -> {
            var kept = content.evidence().stream().map(Insights::evidenceKey).collect(java.util.stream.Collectors.toSet());
            var lost = current.evidence().stream().filter(e -> !kept.contains(evidenceKey(e))).map(Insights::describe).toList();
            if (!lost.isEmpty()) {
                throw new EvidenceWouldBeLostException(id, lost);
            }
            return content;
        }, actor, "PUT");
    }

    /**
     * Sets a draft's or an actionable insight's content to one its caller built from the current content on purpose
     * (the insight page's form, which replaces the first session-replay link; the demo): evidence it leaves out is
     * removed, and the history says how much. An actionable insight whose new content no longer passes the gate goes
     * back to draft (recorded). The edit is in the history and the audit trail, by field name.
     */
    public Insight update(InsightId insightId, InsightContent content, String actor) {
        long id = insightId.value();
        return edit(id, current -> content, actor, null);
    }

    /**
     * Changes part of a draft's or an actionable insight's content (PATCH): {@code change} gets the current content
     * and returns the new one (the web edge applies a JSON merge patch). Read, changed and saved under the insight's
     * lock; the result is checked by the same rules as a replacement (typed text, linked problems, the gate). Evidence
     * the change leaves out is removed on purpose, and recorded.
     */
    public Insight patch(InsightId insightId, java.util.function.UnaryOperator<InsightContent> change, String actor) {
        long id = insightId.value();
        return edit(id, change, actor, "PATCH");
    }

    private Insight edit(long id, java.util.function.UnaryOperator<InsightContent> change, String actor, String how) {
        return tx.execute(s -> {
            var row = repository.find(id, true).orElseThrow(() -> new InsightNotFoundException(id));
            if (row.state() != InsightState.DRAFT && row.state() != InsightState.ACTIONABLE) {
                throw new InsightTransitionRefusedException(id, row.state(), row.state(),
                        "only a draft or an actionable insight can be edited; it was delegated already");
            }
            var content = change.apply(row.content());
            checkProblems(content);
            checkReplayMoments(row.content().evidence(), content);
            content = measures.withMeasuredImpact(content, row.content());
            var changed = InsightContent.changes(row.content(), content);
            if (changed.isEmpty()) {
                return load(id); // nothing to save, nothing to record
            }
            Instant now = clock.instant();
            repository.update(id, content, now);
            repository.recordEdit(id, row.state(), actor, now, editNote(how, changed, row.content(), content));
            if (row.state() == InsightState.ACTIONABLE && !gate.check(content).passed()) {
                repository.setState(id, InsightState.DRAFT, now);
                repository.recordTransition(id, InsightState.ACTIONABLE, InsightState.DRAFT, actor, now,
                        "edited: " + gate.check(content).describeMissing());
            }
            return load(id);
        });
    }

    /**
     * What an edit's history entry says: how, and the names of the fields that changed, never their values (typed
     * text may quote a customer); an override of the measured occurrences says both numbers and its (masked) reason.
     */
    private static String editNote(String how, List<String> changed, InsightContent before, InsightContent after) {
        var note = new StringBuilder((how == null ? "edited: " : "edited (" + how + "): ") + String.join(", ", changed));
        var was = before.evidence().stream().map(Insights::evidenceKey).toList();
        var now = after.evidence().stream().map(Insights::evidenceKey).toList();
        long removed = was.stream().filter(k -> !now.contains(k)).count(), added = now.stream().filter(k -> !was.contains(k)).count();
        if (removed + added > 0) {
            note.append("; evidence: ").append(added).append(" added, ").append(removed).append(" removed");
        }
        var i = after.impact();
        if (i != null && i.overridden() && changed.stream().anyMatch(f -> f.startsWith("impact.occurrences"))) {
            note.append("; ").append(overrideNote(i));
        }
        return note.toString();
    }

    private static String overrideNote(ImpactModel i) {
        return String.format(java.util.Locale.ROOT, "occurrences a year typed as %,d instead of the measured %,d (reason: %s)",
                i.occurrencesPerYear(), i.measuredOccurrencesPerYear(), i.occurrencesReason());
    }

    /** What identifies a piece of evidence: its stored file, its link, its replay and moment, or its call. */
    private static String evidenceKey(Evidence e) {
        return switch (e) {
            case Evidence.Screenshot s -> "screenshot " + s.attachmentId();
            case Evidence.ReplayLink r -> "replay " + r.uri();
            case Evidence.ReplayMoment m -> "replay-moment " + m.replayId() + " " + m.atMillis();
            case Evidence.CallNote c -> "call " + c.callId();
        };
    }

    /** A piece of evidence in words (generated file names, checked links, replay ids and call ids: no personal data). */
    private static String describe(Evidence e) {
        return switch (e) {
            case Evidence.Screenshot s -> "screenshot " + s.fileName() + " (attachment " + s.attachmentId() + ")";
            case Evidence.ReplayLink r -> "session-replay link " + r.uri();
            case Evidence.ReplayMoment m -> "replay moment " + m.replayId() + " at " + m.time();
            case Evidence.CallNote c -> "call-back note of call " + c.callId();
        };
    }

    /**
     * Every replay moment {@code content} adds to {@code before} must be playable: its replay stored, the moment within
     * it. Moments already there are not asked about again (their replay may have expired since; the insight keeps
     * what it showed). Refused, naming the moment, when the replay store says no or there is no replay store.
     */
    private void checkReplayMoments(List<Evidence> before, InsightContent content) {
        var added = content.evidence().stream().filter(Evidence.ReplayMoment.class::isInstance)
                .map(Evidence.ReplayMoment.class::cast).filter(m -> !before.contains(m)).toList();
        if (added.isEmpty()) {
            return;
        }
        ReplayLookup lookup = replays.getIfAvailable();
        for (var moment : added) {
            if (lookup == null) {
                throw new ReplayMomentRefusedException(moment, "this installation has no replay store to check it "
                        + "against (no ReplayLookup bean)");
            }
            var length = lookup.durationMillis(moment.replayId());
            if (length.isEmpty()) {
                throw new ReplayMomentRefusedException(moment, "no replay " + moment.replayId() + " is stored (never "
                        + "recorded, expired or erased)");
            }
            if (moment.atMillis() > length.getAsLong()) {
                throw new ReplayMomentRefusedException(moment, "the replay is only "
                        + Evidence.ReplayMoment.time(length.getAsLong()) + " long");
            }
        }
    }

    public Insight get(InsightId insightId) {
        long id = insightId.value();
        return load(id);
    }

    public List<Insight> list(Set<InsightState> states) {
        return repository.all(List.copyOf(states.isEmpty() ? EnumSet.allOf(InsightState.class) : states)).stream()
                .map(r -> view(r)).toList();
    }

    /**
     * Delegates an insight to its owner team, through the gate: a draft that passes becomes actionable and then
     * delegated (both steps recorded); one that does not is refused with everything it lacks, and the refusal is
     * recorded.
     */
    public Insight delegate(InsightId insightId, String actor) {
        long id = insightId.value();
        var refusal = new DelegationRefusedException[1];
        var result = tx.execute(s -> {
            var row = repository.find(id, true).orElseThrow(() -> new InsightNotFoundException(id));
            if (row.state() != InsightState.DRAFT && row.state() != InsightState.ACTIONABLE) {
                throw new InsightTransitionRefusedException(id, row.state(), InsightState.DELEGATED,
                        "it is " + row.state().code());
            }
            Instant now = clock.instant();
            var check = gate.check(row.content());
            if (!check.passed()) {
                // recorded and committed: who tried to delegate what, and what was missing
                repository.recordTransition(id, row.state(), row.state(), actor, now, "delegation refused: " + check.describeMissing());
                refusal[0] = new DelegationRefusedException(id, check);
                return null;
            }
            if (row.state() == InsightState.DRAFT) {
                repository.recordTransition(id, InsightState.DRAFT, InsightState.ACTIONABLE, actor, now, "passed the quality gate");
            }
            repository.setState(id, InsightState.DELEGATED, now);
            repository.recordTransition(id, InsightState.ACTIONABLE, InsightState.DELEGATED, actor, now,
                    "delegated to " + row.content().ownerTeam() + " (" + row.content().responsiblePerson() + ")");
            Insight delegated = load(id);
            outbox.enqueue(delegated, actor, now); // same transaction: told if and only if it was delegated
            return delegated;
        });
        if (refusal[0] != null) {
            throw refusal[0];
        }
        return result;
    }

    /**
     * An insight whose fix shipped before this product tracked it, moved over from another tracker: created and
     * delegated at {@code delegatedAt}, resolved at {@code resolvedAt}, both in the past and in that order, so that
     * its effect can be measured from the real date of the fix. Its content must pass the quality gate, as any
     * delegated insight's must. The owner's tracker is not told again (it had the work already).
     */
    public Insight importResolved(InsightContent typed, Instant delegatedAt, Instant resolvedAt, String actor) {
        checkProblems(typed);
        var content = measures.withMeasuredImpact(typed, null);
        Instant now = clock.instant();
        if (!delegatedAt.isBefore(resolvedAt) || resolvedAt.isAfter(now)) {
            throw new IllegalArgumentException("an imported insight is delegated before it is resolved, and resolved in the "
                    + "past; was delegated " + delegatedAt + ", resolved " + resolvedAt + " (now " + now + ")");
        }
        var check = gate.check(content);
        if (!check.passed()) {
            throw new DelegationRefusedException(0, check);
        }
        return tx.execute(s -> {
            long id = repository.create(content, actor, delegatedAt);
            repository.recordTransition(id, null, InsightState.DRAFT, actor, delegatedAt, "moved over from another tracker");
            repository.recordTransition(id, InsightState.DRAFT, InsightState.ACTIONABLE, actor, delegatedAt, "passed the quality gate");
            repository.recordTransition(id, InsightState.ACTIONABLE, InsightState.DELEGATED, actor, delegatedAt,
                    "delegated to " + content.ownerTeam() + " (" + content.responsiblePerson() + ")");
            repository.recordTransition(id, InsightState.DELEGATED, InsightState.IN_PROGRESS, actor, delegatedAt, null);
            repository.recordTransition(id, InsightState.IN_PROGRESS, InsightState.RESOLVED, actor, resolvedAt, "fix shipped");
            repository.setState(id, InsightState.RESOLVED, resolvedAt);
            return load(id);
        });
    }

    /** A step by hand along the workflow (marking actionable goes through the gate). */
    public Insight move(InsightId insightId, InsightState to, String actor, String note) {
        long id = insightId.value();
        return move(insightId, to, actor, note, false);
    }

    /**
     * As {@link #move(InsightId, InsightState, String, String)}; with {@code ownerTeamOnly} (a team member, not an
     * analyst) only a member of the insight's owner team may take the step: a team moves its own work along, not
     * another team's.
     */
    public Insight move(InsightId insightId, InsightState to, String actor, String note, boolean ownerTeamOnly) {
        long id = insightId.value();
        if (!BY_HAND.contains(to)) {
            throw new InsightTransitionRefusedException(id, to, to, to == InsightState.DELEGATED
                    ? "use delegate, which applies the quality gate"
                    : "verified and regressed are decided by the effect measurement, not by hand");
        }
        // the note is typed by a person: masked and limited like every other typed text, before anything is read
        String typedNote = FreeText.optional("note", note,
                FreeText.Kind.TEXT);
        var refusal = new DelegationRefusedException[1];
        var result = tx.execute(s -> {
            var row = repository.find(id, true).orElseThrow(() -> new InsightNotFoundException(id));
            String owner = row.content().ownerTeam();
            if (ownerTeamOnly && (owner == null || !repository.isMember(owner, actor))) {
                throw new OwnerTeamMembershipRequiredException(id, row.state(), to, owner, actor,
                        repository.teamsOf(actor));
            }
            if (!row.state().canBecome(to)) {
                throw new InsightTransitionRefusedException(id, row.state(), to, "the workflow goes from "
                        + row.state().code() + " to " + row.state().next().stream().map(InsightState::code).sorted().toList());
            }
            Instant now = clock.instant();
            if (to == InsightState.ACTIONABLE) {
                var check = gate.check(row.content());
                if (!check.passed()) {
                    repository.recordTransition(id, row.state(), row.state(), actor, now, "refused: " + check.describeMissing());
                    refusal[0] = new DelegationRefusedException(id, check);
                    return null;
                }
            }
            repository.setState(id, to, now);
            repository.recordTransition(id, row.state(), to, actor, now, typedNote);
            return load(id);
        });
        if (refusal[0] != null) {
            throw refusal[0];
        }
        return result;
    }

    /**
     * Stores a checked screenshot and adds it to the insight's evidence. Only while the insight is still being
     * written (draft or actionable), like every other change of its content. The file name is masked.
     */
    public Insight attach(InsightId insightId, Attachment attachment, String actor) {
        long id = insightId.value();
        return tx.execute(s -> {
            var row = repository.find(id, true).orElseThrow(() -> new InsightNotFoundException(id));
            if (row.state() != InsightState.DRAFT && row.state() != InsightState.ACTIONABLE) {
                throw new InsightTransitionRefusedException(id, row.state(), row.state(),
                        "evidence is added while the insight is a draft or actionable; it was delegated already");
            }
            var named = attachment; // checked and masked when it was made
            var attachmentId = java.util.UUID.randomUUID();
            Instant now = clock.instant();
            repository.saveAttachment(attachmentId, id, named, actor, now);
            var c = row.content();
            var evidence = new ArrayList<>(c.evidence());
            evidence.add(new Evidence.Screenshot(attachmentId.toString(), named.fileName(), named.contentType(), named.data().length));
            repository.update(id, new InsightContent(c.title(), c.problemIds(), evidence, c.exampleSignalIds(),
                    c.problemDefinition(), c.proposedSolution(), c.impact(), c.effortPersonDays(), c.ownerTeam(),
                    c.responsiblePerson(), c.teamsNeeded(), c.approvalsNeeded(), c.riceImpact(), c.confidence()), now);
            repository.recordTransition(id, row.state(), row.state(), actor, now, "screenshot attached: " + named.fileName());
            return load(id);
        });
    }

    /**
     * Adds a reached call-back's note to the insight's evidence (masked again here: the insight is what gets
     * delegated). Once per call: a call attached before is not added twice. Only while the insight is still being
     * written (draft or actionable), like a screenshot.
     */
    public Insight attachCallNote(InsightId insightId, Evidence.CallNote note, String actor) {
        long id = insightId.value();
        return tx.execute(s -> {
            var row = repository.find(id, true).orElseThrow(() -> new InsightNotFoundException(id));
            var c = row.content();
            if (c.evidence().stream().anyMatch(e -> e instanceof Evidence.CallNote n && n.callId() == note.callId())) {
                return load(id);
            }
            if (row.state() != InsightState.DRAFT && row.state() != InsightState.ACTIONABLE) {
                throw new InsightTransitionRefusedException(id, row.state(), row.state(),
                        "evidence is added while the insight is a draft or actionable; it was delegated already");
            }
            Instant now = clock.instant();
            var evidence = new ArrayList<>(c.evidence());
            evidence.add(new Evidence.CallNote(note.callId(), note.agent(), note.calledAt(), masker.mask(note.note()).text()));
            repository.update(id, new InsightContent(c.title(), c.problemIds(), evidence, c.exampleSignalIds(),
                    c.problemDefinition(), c.proposedSolution(), c.impact(), c.effortPersonDays(), c.ownerTeam(),
                    c.responsiblePerson(), c.teamsNeeded(), c.approvalsNeeded(), c.riceImpact(), c.confidence()), now);
            repository.recordTransition(id, row.state(), row.state(), actor, now, "call-back note attached: call " + note.callId());
            return load(id);
        });
    }

    /** The delegation events of an insight sent (or still to be sent) to the owner's tracker. */
    public List<WebhookOutbox.Delivery> deliveries(InsightId insightId) {
        long id = insightId.value();
        load(id);
        return outbox.deliveries(id);
    }

    /** Sends the delegation events that are due now (normally the background does, every 30 s). */
    public int deliverDue() {
        return outbox.deliverDue();
    }

    /** A stored screenshot of an insight; an unknown insight and an unknown attachment are told apart. */
    public Attachment attachment(InsightId insightId, String attachmentId) {
        long id = insightId.value();
        repository.find(id, false).orElseThrow(() -> new InsightNotFoundException(id));
        java.util.UUID uuid;
        try {
            uuid = java.util.UUID.fromString(attachmentId);
        } catch (IllegalArgumentException e) {
            throw new AttachmentNotFoundException(id, null);
        }
        return repository.attachment(id, uuid).orElseThrow(() -> new AttachmentNotFoundException(id, uuid));
    }

    /** Weeks before the fix that make its baseline, and the least full weeks after it before anything is decided. */
    public static final int BASELINE_WEEKS = 8;
    public static final int MIN_WEEKS_AFTER = 4;
    /** Recent weeks that must still show the drop for a verified fix to stay verified. */
    public static final int RECENT_WEEKS = 4;

    /** What a measurement found and did. */
    public record Measurement(Insight insight, Effect effect, String outcome) {
    }

    /**
     * Measures whether the fix worked: the linked problems' complaint rate in the {@link #BASELINE_WEEKS} full weeks
     * before the resolution week against the full weeks since (at least {@link #MIN_WEEKS_AFTER}), per purchase.
     * A resolved insight becomes verified only when the drop is real ({@link Effect}); a verified one becomes regressed
     * when its last {@link #RECENT_WEEKS} weeks no longer show a real drop against the baseline. Each decision is
     * recorded with its figures.
     */
    public Measurement measure(InsightId insightId, String actor) {
        long id = insightId.value();
        return effects.measure(id, actor);
    }

    /** Measures every resolved and verified insight (the daily job). */
    public List<Measurement> measureAll(String actor) {
        return effects.measureAll(actor);
    }

    /**
     * The ranked list of the insights still to be done, scored from the data: occurrences a year are the linked
     * problems' complaints in the last 52 full weeks unless a person overrode them with a reason, and probability is
     * their share of all complaints in the last {@link #RECENT_FREQUENCY_WEEKS} full weeks (not all time: a problem
     * fixed long ago must not keep its old weight). Each row explains its factors in words.
     */
    public List<Ranking.Ranked> ranked(Ranking.Scoring scoring) {
        return measures.ranked(scoring);
    }

    /** Weeks of the probability and frequency window (the last full weeks), and of the occurrences window. */
    public static final int RECENT_FREQUENCY_WEEKS = 12, OCCURRENCE_WEEKS = 52;

    /**
     * The measured defaults of an insight's impact and priority for a set of problems (a root cause with its
     * variants, each signal once): occurrences a year are their complaints in the last 52 full weeks; probability is
     * their share of all complaints in the last 12 full weeks; frequency is in how many of those 12 weeks they had
     * complaints. What the insight form fills in before a person types anything.
     */
    public record ImpactDefaults(List<Long> problemIds, LocalDate from, LocalDate to, long occurrencesPerYear,
            LocalDate recentFrom, long recentComplaints, long allRecentComplaints, int weeksWithComplaints, int recentWeeks,
            double probability, String explanation) {
    }

    public ImpactDefaults impactDefaults(List<Long> problemIds) {
        return measures.impactDefaults(problemIds);
    }

    private void checkProblems(InsightContent content) {
        for (long p : content.problemIds()) {
            problems.get(ProblemId.lookup(p)); // throws ProblemNotFoundException naming the id
        }
        for (String s : content.exampleSignalIds()) {
            SignalId id;
            try {
                id = SignalId.parse(s);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("exampleSignalIds: '" + masker.mask(String.valueOf(s)).text() + "' is not a signal id");
            }
            if (intake.find(id).isEmpty()) {
                throw new IllegalArgumentException("exampleSignalIds: no signal with id " + s);
            }
        }
    }

    /** How often the linked problems happen: what the impact model's occurrences a year can start from. */
    public record Frequency(List<Long> problemIds, LocalDate from, LocalDate to, long complaints, long perYear) {
    }

    /** The linked problems' complaints in the last 52 full weeks. */
    public Frequency frequency(List<Long> problemIds) {
        return measures.frequency(problemIds);
    }

    Insight load(long id) {
        return view(repository.find(id, false).orElseThrow(() -> new InsightNotFoundException(id)));
    }

    private Insight view(InsightRepository.Row row) {
        return new Insight(InsightId.of(row.id()), row.state(), row.content(), gate.check(row.content()), row.createdBy(),
                row.createdAt(), row.updatedAt(), repository.history(row.id()));
    }
}
