package com.zeromission.cadence;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import com.zeromission.audit.AuditLog;
import com.zeromission.cadence.Formation.AlreadyFormed;
import com.zeromission.cadence.Formation.Formed;
import com.zeromission.cadence.Formation.PassedOver;
import com.zeromission.cadence.WeeklyReview.FinishedInsight;
import com.zeromission.cadence.WeeklyReview.ResolvedProblem;
import com.zeromission.cadence.WeeklyReview.SquadWork;
import com.zeromission.cadence.internal.CadenceProperties;
import com.zeromission.cadence.internal.SquadRepository;
import com.zeromission.insights.Insight;
import com.zeromission.insights.InsightContent;
import com.zeromission.insights.InsightId;
import com.zeromission.insights.InsightNotFoundException;
import com.zeromission.insights.InsightState;
import com.zeromission.insights.Insights;
import com.zeromission.insights.Team;
import com.zeromission.insights.UnknownTeamException;
import com.zeromission.privacy.FreeText;
import com.zeromission.problems.ProblemId;
import com.zeromission.problems.ProblemNotFoundException;
import com.zeromission.problems.ProblemState;
import com.zeromission.problems.Problems;
import com.zeromission.problems.TopOrder;

/**
 * The program's weekly rhythm. At each week's start, last week's top problems by complaints that nobody owns get a
 * squad each, with a draft insight for the squad to write; "owned" means an active squad works on the problem, or an
 * open insight with an owner team links it: the owners are at it already, a second team would only compete.
 * A week is formed once: the forming transaction first claims the week in {@code cadence_run}, so a second instance,
 * a retry or a second click finds it claimed and answers with what the first one formed.
 */
@Service
public class Cadence {


    private static final Logger log = LoggerFactory.getLogger(Cadence.class);

    /** Insights that count as owned when they have an owner team: everything but a verified fix. */
    static final Set<InsightState> OWNING = EnumSet.complementOf(EnumSet.of(InsightState.VERIFIED));

    private final SquadRepository repository;
    private final CadenceProperties properties;
    private final Problems problems;
    private final Insights insights;
    private final AuditLog audit;
    private final TransactionTemplate tx;
    private final Clock clock;

    Cadence(SquadRepository repository, CadenceProperties properties, Problems problems, Insights insights, AuditLog audit,
            TransactionTemplate tx, Clock clock) {
        this.repository = repository;
        this.properties = properties;
        this.problems = problems;
        this.insights = insights;
        this.audit = audit;
        this.tx = tx;
        this.clock = clock;
    }

    /** The Monday (UTC) of the week the clock is in: the week the job forms squads for when it runs now. */
    public LocalDate thisWeek() {
        return Weeks.startOf(clock.instant());
    }

    /** The last complete week: what the Monday review looks back on. */
    public LocalDate lastWeek() {
        return thisWeek().minusWeeks(1);
    }

    /** What the weekly job does: forms this week's squads from last week's ranking. */
    public Formation formThisWeek(String actor) {
        return form(thisWeek(), actor);
    }

    /**
     * Forms the squads of the week starting on {@code week} (a Monday) from the ranking of the week before. Once per
     * week: a week formed before answers {@link AlreadyFormed} with its squads and forms nothing.
     */
    public Formation form(LocalDate week, String actor) {
        requireMonday(week);
        if (week.isAfter(thisWeek())) {
            throw new IllegalArgumentException("week " + week + " (" + Weeks.label(week) + ") has not started yet; its "
                    + "squads are formed on that Monday, from the week before's ranking");
        }
        String by = actor == null || actor.isBlank() ? Problems.SYSTEM : actor.strip();
        try {
            return tx.execute(s -> formClaimed(week, by));
        } catch (DataIntegrityViolationException | ConcurrencyFailureException e) {
            // Claimed by somebody else first (the primary key of cadence_run, or the unique (week, problem) guard).
            var run = repository.run(week).orElseThrow(() -> e);
            return new AlreadyFormed(week, repository.ofWeek(week), run.formedAt(), run.formedBy());
        }
    }

    private Formation formClaimed(LocalDate week, String actor) {
        Instant now = clock.instant();
        repository.claim(week, actor, now); // first: the second one for this week stops here
        LocalDate problemWeek = week.minusWeeks(1);
        String problemWeekLabel = Weeks.label(problemWeek);
        var top = problems.top(problemWeek, TopOrder.COMPLAINTS, properties.searchDepth());
        var owners = owners();
        // A person who forms squads by hand leads them until they name somebody else; the job's get the configured lead.
        String lead = Squad.USER.matcher(actor).matches() && !actor.equals(Problems.SYSTEM) ? actor : properties.lead();
        LocalDate due = week.plusDays(properties.dueDays());
        var formed = new ArrayList<Squad>();
        var passedOver = new ArrayList<PassedOver>();
        for (var t : top.problems()) {
            if (formed.size() == properties.squads()) {
                break;
            }
            var problem = t.problem();
            String owner = owners.get(problem.id());
            if (owner != null) {
                passedOver.add(new PassedOver(t.rank(), problem.id(), problem.label(), t.complaints(), owner));
                continue;
            }
            String label = shorten(problem.label(), 160);
            var insight = insights.create(new InsightContent(shorten("Top problem of " + problemWeekLabel + ": " + label, 200),
                    List.of(problem.id()), List.of(), List.of(), null, null, null, null, null, null, List.of(), List.of(),
                    null, null), actor);
            String mandate = "Find out why \"" + label + "\" made " + t.complaints() + " complaint"
                    + (t.complaints() == 1 ? "" : "s") + " in week " + problemWeekLabel + " and propose a fix by " + due;
            long id = repository.insert(new SquadRepository.NewSquad(week, problemWeek, problem.id(), t.rank(),
                    t.complaints(), "W" + Weeks.label(week).substring(6) + " squad: " + shorten(problem.label(), 60), lead,
                    List.of(), mandate, due, insight.id().value(), actor, now));
            owners.put(problem.id(), "squad " + id);
            audit.record(actor, "squad.form", "squad " + id, "problem " + problem.id() + " (rank " + t.rank() + ", "
                    + t.complaints() + " complaints in " + problemWeekLabel + "), draft insight " + insight.id() + ", lead "
                    + lead + ", due " + due);
            formed.add(repository.find(id, false).orElseThrow());
        }
        repository.setRunSquads(week, formed.size());
        audit.record(actor, "cadence.form", "week " + Weeks.label(week), formed.size() + " squads from "
                + problemWeekLabel + "'s top " + top.problems().size() + ", " + passedOver.size() + " owned problems passed over");
        log.info("Week {}: {} squads formed from {}'s ranking, {} owned problems passed over", Weeks.label(week),
                formed.size(), problemWeekLabel, passedOver.size());
        return new Formed(week, problemWeek, formed, passedOver);
    }

    /** Who owns which problem now: an active squad, or an open insight with an owner team. */
    private Map<Long, String> owners() {
        var owners = new HashMap<Long, String>();
        for (Insight i : insights.list(OWNING)) {
            String team = i.content().ownerTeam();
            if (team != null && !team.isBlank()) {
                for (long p : i.content().problemIds()) {
                    owners.putIfAbsent(p, "insight " + i.id() + " (team " + team + ", " + i.state().code() + ")");
                }
            }
        }
        for (Squad s : repository.active()) {
            owners.putIfAbsent(s.problemId(), "squad " + s.id() + " (" + Weeks.label(s.week()) + ")");
        }
        return owners;
    }

    // ---- squads ------------------------------------------------------------------------------------------------

    /** The squads formed on {@code week}; without a week, every active squad, newest week first. */
    public List<Squad> squads(LocalDate week) {
        if (week == null) {
            return repository.active();
        }
        requireMonday(week);
        return repository.ofWeek(week);
    }

    /**
     * The active squads a team works in: one of its members leads the squad or is on it, or the team owns the squad's
     * insight. {@code team} is a team's name, or {@link com.zeromission.insights.Team#MINE} for {@code user}'s teams,
     * where {@code user}'s own squads count too (somebody on a squad but in no team still sees it). An unknown team
     * is refused, naming it.
     */
    public List<Squad> squadsOf(String team, String user) {
        List<Team> teams;
        var people = new java.util.HashSet<String>();
        if (Team.MINE.equals(team)) {
            teams = insights.teamsOf(user);
            people.add(user);
        } else {
            teams = insights.teams().stream().filter(t -> t.name().equals(team)).toList();
            if (teams.isEmpty()) {
                throw new UnknownTeamException(team);
            }
        }
        teams.forEach(t -> people.addAll(t.members()));
        var owned = new java.util.HashSet<Long>();
        insights.ownedBy(teams.stream().map(Team::name).toList(), Set.of())
                .forEach(i -> owned.add(i.id().value()));
        return repository.active().stream().filter(sq -> people.contains(sq.lead())
                || sq.members().stream().anyMatch(people::contains) || (sq.insightId() != null && owned.contains(sq.insightId())))
                .toList();
    }

    public Squad get(long id) {
        return repository.find(id, false).orElseThrow(() -> new SquadNotFoundException(id));
    }

    /** Changes an active squad's lead, members, mandate or due date (the parts given). */
    public Squad update(long id, SquadChange change, String actor) {
        return tx.execute(s -> {
            var squad = repository.find(id, true).orElseThrow(() -> new SquadNotFoundException(id));
            if (!squad.active()) {
                throw new SquadClosedException(id, squad.closedAt());
            }
            LocalDate due = change.due() == null ? squad.due() : change.due();
            if (due.isBefore(squad.week())) {
                throw new IllegalArgumentException("due must not be before the squad's week start " + squad.week()
                        + ", was " + due);
            }
            String lead = change.lead() == null ? squad.lead() : change.lead();
            var members = change.members() == null ? squad.members() : change.members();
            // free text typed by people: masked like every other text, a mandate may quote a customer
            String mandate = change.mandate() == null ? squad.mandate() : change.mandate(); // masked by SquadChange
            repository.update(id, lead, members, mandate, due);
            audit.record(actor, "squad.update", "squad " + id, "lead " + lead + ", " + members.size() + " members, due " + due);
            return repository.find(id, false).orElseThrow();
        });
    }

    /**
     * Closes an active squad with a note saying how it ended (fixed, handed over, not a real problem, ...), for an
     * actor who acts for the whole program (an analyst, an admin, the system).
     */
    public Squad close(long id, String outcome, String actor) {
        return close(id, outcome, actor, false);
    }

    /**
     * As {@link #close(long, String, String)}; with {@code membersOnly} (a team member, not an analyst) only the
     * squad's lead or one of its members may close it: a squad decides when its own work is done, not another's.
     */
    public Squad close(long id, String outcome, String actor, boolean membersOnly) {
        // saying how the squad ended (fixed, handed over, ...): typed, so masked and limited by the one policy
        String note = FreeText.required("outcome", outcome, FreeText.Kind.TEXT);
        return tx.execute(s -> {
            var squad = repository.find(id, true).orElseThrow(() -> new SquadNotFoundException(id));
            if (membersOnly && !squad.lead().equals(actor) && !squad.members().contains(actor)) {
                throw new SquadMembershipRequiredException(id, actor, squad.lead(), squad.members());
            }
            if (!squad.active()) {
                throw new SquadClosedException(id, squad.closedAt());
            }
            repository.close(id, note, actor, clock.instant());
            audit.record(actor, "squad.close", "squad " + id, note);
            return repository.find(id, false).orElseThrow();
        });
    }

    // ---- the weekly review -------------------------------------------------------------------------------------

    public WeeklyReview review(LocalDate week) {
        requireMonday(week);
        Instant from = week.atStartOfDay(ZoneOffset.UTC).toInstant(), to = week.plusWeeks(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        var squads = repository.ofWeek(week).stream().map(s -> work(s, today)).toList();
        var formedNext = repository.ofWeek(week.plusWeeks(1)).stream().map(s -> work(s, today)).toList();
        var resolved = problems.list(List.of(ProblemState.RESOLVED), Problems.MAX_LIST).stream()
                .filter(p -> within(p.resolvedAt(), from, to))
                .map(p -> new ResolvedProblem(p.id(), p.label(), p.resolvedAt())).toList();
        var finished = new ArrayList<FinishedInsight>();
        var regressed = new ArrayList<FinishedInsight>();
        for (Insight i : insights.list(EnumSet.of(InsightState.RESOLVED, InsightState.VERIFIED, InsightState.REGRESSED,
                InsightState.IN_PROGRESS))) {
            for (var t : i.history()) {
                if (t.from() == t.to() || !within(t.at(), from, to)) {
                    continue;
                }
                var f = new FinishedInsight(i.id().value(), i.content().title(), t.to(), i.content().ownerTeam(), t.at());
                if (t.to() == InsightState.RESOLVED || t.to() == InsightState.VERIFIED) {
                    finished.add(f);
                } else if (t.to() == InsightState.REGRESSED) {
                    regressed.add(f);
                }
            }
        }
        var regressions = problems.regressions().stream().filter(r -> within(r.regressedAt(), from, to)).toList();
        return new WeeklyReview(week, Weeks.label(week), week.minusWeeks(1), week.plusWeeks(1), squads, formedNext, resolved,
                finished, problems.emerging(week).problems(), regressions, regressed);
    }

    private SquadWork work(Squad s, LocalDate today) {
        String label;
        try {
            label = problems.get(ProblemId.of(s.problemId())).label();
        } catch (ProblemNotFoundException e) {
            label = "problem " + s.problemId();
        }
        Insight insight = null;
        if (s.insightId() != null) {
            try {
                insight = insights.get(InsightId.of(s.insightId()));
            } catch (InsightNotFoundException e) {
                // gone: the squad still shows, without its insight
            }
        }
        return new SquadWork(s, label, insight == null ? null : insight.content().title(),
                insight == null ? null : insight.state(),
                insight == null || insight.history().isEmpty() ? null : insight.history().getLast(),
                s.active() && s.due().isBefore(today));
    }

    private static boolean within(Instant at, Instant from, Instant to) {
        return at != null && !at.isBefore(from) && at.isBefore(to);
    }

    private static void requireMonday(LocalDate week) {
        if (week == null) {
            throw new IllegalArgumentException("week is required: a Monday (YYYY-MM-DD) or an ISO week (YYYY-Www)");
        }
        if (week.getDayOfWeek() != DayOfWeek.MONDAY) {
            throw new IllegalArgumentException("week must start on a Monday, was " + week + " (a "
                    + week.getDayOfWeek().getDisplayName(java.time.format.TextStyle.FULL, java.util.Locale.ENGLISH) + ")");
        }
    }

    private static String shorten(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }
}
