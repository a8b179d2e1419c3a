package com.zeromission.insights;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Set;

import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import com.zeromission.insights.internal.InsightRepository;
import com.zeromission.metrics.CpmService;
import com.zeromission.metrics.Scope;
import com.zeromission.problems.ProblemNotFoundException;
import com.zeromission.problems.Problems;

/**
 * Insights and teams: drafts written from problems, the quality gate in front of delegation, the workflow with
 * every step recorded, and the ranked list. Delegation is refused, naming every missing element, until the insight
 * passes the gate; the refusal itself is recorded in the insight's history.
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
    private final CpmService cpm;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final QualityGate gate;

    private final com.zeromission.insights.internal.DelegationOutbox outbox;

    private final com.zeromission.intake.IntakeService intake;
    private final com.zeromission.privacy.TextMasker masker;

    Insights(InsightRepository repository, Problems problems, CpmService cpm, TransactionTemplate tx, Clock clock,
            com.zeromission.insights.internal.DelegationOutbox outbox, com.zeromission.intake.IntakeService intake,
            com.zeromission.privacy.TextMasker masker) {
        this.intake = intake;
        this.masker = masker;
        this.outbox = outbox;
        this.repository = repository;
        this.problems = problems;
        this.cpm = cpm;
        this.tx = tx;
        this.clock = clock;
        this.gate = new QualityGate(this);
    }

    // ---- teams -------------------------------------------------------------------------------------------------

    public boolean saveTeam(Team team) {
        return Boolean.TRUE.equals(tx.execute(s -> repository.saveTeam(team, clock.instant())));
    }

    /**
     * Imports teams from CSV ({@code team,area,person}, a header row, one row per member; a team without members is
     * one row with an empty person). All or nothing: a bad row refuses the whole file, naming its line. Each team in
     * the file replaces the team of that name.
     */
    public List<Team> importTeams(String csv) {
        var members = new java.util.LinkedHashMap<String, List<String>>();
        var areas = new HashMap<String, String>();
        var errors = new ArrayList<String>();
        try (var reader = de.siegmar.fastcsv.reader.CsvReader.builder().allowExtraFields(true).allowMissingFields(true)
                .skipEmptyLines(true).ofCsvRecord(csv)) {
            boolean header = true;
            for (var record : reader) {
                long line = record.getStartingLineNumber();
                if (header) {
                    header = false;
                    var names = record.getFields().stream().map(f -> f.strip().toLowerCase(java.util.Locale.ROOT)).toList();
                    if (!names.equals(List.of("team", "area", "person"))) {
                        throw new IllegalArgumentException("line 1: the header must be team,area,person, was " + String.join(",", names));
                    }
                    continue;
                }
                if (record.getFieldCount() != 3) {
                    errors.add("line " + line + ": 3 fields expected, found " + record.getFieldCount());
                    continue;
                }
                String team = record.getField(0).strip(), area = record.getField(1).strip(), person = record.getField(2).strip();
                try {
                    new Team(team, area, person.isEmpty() ? List.of() : List.of(person)); // validates both names
                } catch (IllegalArgumentException e) {
                    errors.add("line " + line + ": " + e.getMessage());
                    continue;
                }
                String known = areas.putIfAbsent(team, area);
                if (known != null && !known.equals(area)) {
                    // areas are typed text: echoed masked, like everywhere else they are shown
                    errors.add("line " + line + ": team " + team + " has area '" + masker.mask(known).text()
                            + "' on an earlier line, here '" + masker.mask(area).text() + "'");
                }
                var list = members.computeIfAbsent(team, k -> new ArrayList<>());
                if (!person.isEmpty()) {
                    list.add(person);
                }
            }
        } catch (java.io.IOException | de.siegmar.fastcsv.reader.CsvParseException e) {
            throw new IllegalArgumentException("team import refused: the CSV cannot be read (" + e.getMessage() + ")");
        }
        if (!errors.isEmpty()) {
            throw new IllegalArgumentException("team import refused, nothing stored: " + String.join("; ", errors.subList(0,
                    Math.min(20, errors.size()))) + (errors.size() > 20 ? "; and " + (errors.size() - 20) + " more" : ""));
        }
        if (members.isEmpty()) {
            throw new IllegalArgumentException("team import refused: the file has no team rows");
        }
        var teams = members.entrySet().stream().map(e -> new Team(e.getKey(), areas.get(e.getKey()), e.getValue())).toList();
        tx.executeWithoutResult(s -> teams.forEach(t -> repository.saveTeam(t, clock.instant())));
        return teams;
    }

    public List<Team> teams() {
        return repository.teams();
    }

    /**
     * The teams {@code user} is a member of, by name. The team directory is the one record of who belongs to which
     * team (the sign-in accounts carry roles only): moving a person between teams takes effect at once, and the
     * quality gate's "responsible person belongs to the owner team" reads the same rows.
     */
    public List<Team> teamsOf(String user) {
        var names = java.util.Set.copyOf(repository.teamsOf(user));
        return names.isEmpty() ? List.of() : teams().stream().filter(t -> names.contains(t.name())).toList();
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
        return tx.execute(s -> {
            Instant now = clock.instant();
            long id = repository.create(content, actor, now);
            repository.recordTransition(id, null, InsightState.DRAFT, actor, now, "created");
            return load(id);
        });
    }

    /**
     * Replaces a draft's or an actionable insight's content. An actionable insight whose new content no longer
     * passes the gate goes back to draft (recorded).
     */
    public Insight update(long id, InsightContent content, String actor) {
        checkProblems(content);
        return tx.execute(s -> {
            var row = repository.find(id, true).orElseThrow(() -> new InsightNotFoundException(id));
            if (row.state() != InsightState.DRAFT && row.state() != InsightState.ACTIONABLE) {
                throw new InsightTransitionRefusedException(id, row.state(), row.state(),
                        "only a draft or an actionable insight can be edited; it was delegated already");
            }
            Instant now = clock.instant();
            repository.update(id, content, now);
            if (row.state() == InsightState.ACTIONABLE && !gate.check(content).passed()) {
                repository.setState(id, InsightState.DRAFT, now);
                repository.recordTransition(id, InsightState.ACTIONABLE, InsightState.DRAFT, actor, now,
                        "edited: " + gate.check(content).describeMissing());
            }
            return load(id);
        });
    }

    public Insight get(long id) {
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
    public Insight delegate(long id, String actor) {
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
    public Insight importResolved(InsightContent content, Instant delegatedAt, Instant resolvedAt, String actor) {
        checkProblems(content);
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
    public Insight move(long id, InsightState to, String actor, String note) {
        return move(id, to, actor, note, false);
    }

    /**
     * As {@link #move(long, InsightState, String, String)}; with {@code ownerTeamOnly} (a team member, not an
     * analyst) only a member of the insight's owner team may take the step: a team moves its own work along, not
     * another team's.
     */
    public Insight move(long id, InsightState to, String actor, String note, boolean ownerTeamOnly) {
        if (!BY_HAND.contains(to)) {
            throw new InsightTransitionRefusedException(id, to, to, to == InsightState.DELEGATED
                    ? "use delegate, which applies the quality gate"
                    : "verified and regressed are decided by the effect measurement, not by hand");
        }
        // the note is typed by a person: masked and limited like every other typed text, before anything is read
        String typedNote = com.zeromission.privacy.FreeText.optional("note", note,
                com.zeromission.privacy.FreeText.Kind.TEXT);
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
    public Insight attach(long id, Attachment attachment, String actor) {
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
    public Insight attachCallNote(long id, Evidence.CallNote note, String actor) {
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
    public List<com.zeromission.insights.internal.DelegationOutbox.Delivery> deliveries(long id) {
        load(id);
        return outbox.deliveries(id);
    }

    /** Sends the delegation events that are due now (normally the background does, every 30 s). */
    public int deliverDue() {
        return outbox.deliverDue();
    }

    /** A stored screenshot of an insight; an unknown insight and an unknown attachment are told apart. */
    public Attachment attachment(long id, String attachmentId) {
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
    public Measurement measure(long id, String actor) {
        return tx.execute(s -> {
            var row = repository.find(id, true).orElseThrow(() -> new InsightNotFoundException(id));
            if (row.state() != InsightState.RESOLVED && row.state() != InsightState.VERIFIED) {
                throw new InsightTransitionRefusedException(id, row.state(), InsightState.VERIFIED,
                        "only a resolved or verified insight is measured; it is " + row.state().code());
            }
            if (row.content().problemIds().isEmpty()) {
                return new Measurement(load(id), null, "not measurable: no linked problem");
            }
            var resolvedAt = repository.history(id).stream().filter(t -> t.to() == InsightState.RESOLVED)
                    .reduce((a, b) -> b).orElseThrow().at();
            LocalDate fixWeek = monday(LocalDate.ofInstant(resolvedAt, java.time.ZoneOffset.UTC));
            LocalDate lastFullWeek = monday(LocalDate.now(clock)).minusWeeks(1);
            long weeksAfter = java.time.temporal.ChronoUnit.WEEKS.between(fixWeek, lastFullWeek);
            if (weeksAfter < MIN_WEEKS_AFTER) {
                return new Measurement(load(id), null, "too early: " + Math.max(0, weeksAfter) + " of the "
                        + MIN_WEEKS_AFTER + " full weeks after the fix's week have passed");
            }
            LocalDate baselineFrom = fixWeek.minusWeeks(BASELINE_WEEKS);
            LocalDate afterFrom = row.state() == InsightState.RESOLVED ? fixWeek.plusWeeks(1)
                    : lastFullWeek.minusWeeks(RECENT_WEEKS - 1L);
            var weekly = problems.weeklyComplaints(row.content().problemIds(), baselineFrom, lastFullWeek);
            long before = sum(weekly, baselineFrom, fixWeek.minusWeeks(1)), after = sum(weekly, afterFrom, lastFullWeek);
            long purchasesBefore = cpm.totals(Scope.GLOBAL, baselineFrom, fixWeek.minusDays(1)).purchases();
            long purchasesAfter = cpm.totals(Scope.GLOBAL, afterFrom, lastFullWeek.plusDays(6)).purchases();
            var effect = Effect.of(before, purchasesBefore, after, purchasesAfter);
            Instant now = clock.instant();
            String outcome;
            if (row.state() == InsightState.RESOLVED && effect.real()) {
                repository.setState(id, InsightState.VERIFIED, now);
                repository.recordTransition(id, InsightState.RESOLVED, InsightState.VERIFIED, actor, now, effect.describe());
                outcome = "verified";
            } else if (row.state() == InsightState.VERIFIED && !effect.real()) {
                repository.setState(id, InsightState.REGRESSED, now);
                repository.recordTransition(id, InsightState.VERIFIED, InsightState.REGRESSED, actor, now,
                        "complaints came back in the last " + RECENT_WEEKS + " weeks: " + effect.describe());
                outcome = "regressed";
            } else {
                outcome = row.state() == InsightState.RESOLVED ? "not verified yet: " + effect.describe()
                        : "still verified: " + effect.describe();
            }
            return new Measurement(load(id), effect, outcome);
        });
    }

    /** Measures every resolved and verified insight (the daily job). */
    public List<Measurement> measureAll(String actor) {
        var result = new ArrayList<Measurement>();
        for (var row : repository.all(List.of(InsightState.RESOLVED, InsightState.VERIFIED))) {
            result.add(measure(row.id(), actor));
        }
        return result;
    }

    private static LocalDate monday(LocalDate day) {
        return day.with(java.time.temporal.TemporalAdjusters.previousOrSame(java.time.DayOfWeek.MONDAY));
    }

    private static long sum(java.util.Map<LocalDate, Long> weekly, LocalDate from, LocalDate to) {
        return weekly.entrySet().stream().filter(e -> !e.getKey().isBefore(from) && !e.getKey().isAfter(to))
                .mapToLong(java.util.Map.Entry::getValue).sum();
    }

    /** The ranked list of the insights still to be done. */
    public List<Ranking.Ranked> ranked(Ranking.Scoring scoring) {
        long allComplaints = cpm.totals(Scope.GLOBAL, LocalDate.of(1900, 1, 1), LocalDate.now(clock)).complaints();
        var candidates = new ArrayList<Ranking.Candidate>();
        for (var row : repository.all(List.copyOf(OPEN))) {
            var c = row.content();
            Double probability = null;
            if (!c.problemIds().isEmpty() && allComplaints > 0) {
                long complaints = 0;
                for (long p : c.problemIds()) {
                    try {
                        complaints += problems.get(p).complaints();
                    } catch (ProblemNotFoundException e) {
                        // a problem that is gone counts nothing
                    }
                }
                probability = Math.min(1.0, (double) complaints / allComplaints);
            }
            candidates.add(new Ranking.Candidate(row.id(), c.title(), row.createdAt(),
                    c.impact() == null ? null : c.impact().valuePerYear(), c.effortPersonDays(), probability,
                    c.impact() == null ? null : c.impact().occurrencesPerYear(), c.riceImpact(), c.confidence()));
        }
        return Ranking.rank(candidates, scoring);
    }

    private void checkProblems(InsightContent content) {
        for (long p : content.problemIds()) {
            problems.get(p); // throws ProblemNotFoundException naming the id
        }
        for (String s : content.exampleSignalIds()) {
            com.zeromission.intake.SignalId id;
            try {
                id = com.zeromission.intake.SignalId.parse(s);
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
        for (long p : problemIds) {
            problems.get(p);
        }
        LocalDate to = monday(LocalDate.now(clock)).minusWeeks(1), from = to.minusWeeks(51);
        long complaints = problems.weeklyComplaints(problemIds, from, to).values().stream().mapToLong(Long::longValue).sum();
        return new Frequency(List.copyOf(problemIds), from, to.plusDays(6), complaints, complaints);
    }

    private Insight load(long id) {
        return view(repository.find(id, false).orElseThrow(() -> new InsightNotFoundException(id)));
    }

    private Insight view(InsightRepository.Row row) {
        return new Insight(row.id(), row.state(), row.content(), gate.check(row.content()), row.createdBy(), row.createdAt(),
                row.updatedAt(), repository.history(row.id()));
    }
}
