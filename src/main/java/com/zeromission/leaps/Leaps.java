package com.zeromission.leaps;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import com.zeromission.audit.AuditLog;
import com.zeromission.insights.Insight;
import com.zeromission.insights.InsightContent;
import com.zeromission.insights.InsightId;
import com.zeromission.insights.InsightNotFoundException;
import com.zeromission.insights.InsightState;
import com.zeromission.insights.Insights;
import com.zeromission.leaps.internal.LeapRepository;
import com.zeromission.privacy.FreeText;
import com.zeromission.privacy.TextMasker;
import com.zeromission.problems.ProblemId;
import com.zeromission.problems.ProblemNotFoundException;
import com.zeromission.problems.Problems;

/**
 * Leaps: set up by analysts (a mandate, dates, members from several teams, the problems they look at), run by their
 * members (the log), and closed when the deliverable is in. Each recommendation becomes an insight owned by a known
 * team, created in the same transaction, so a recommendation never exists without the insight that carries it out.
 * Dates are UTC days: a leap is RUNNING from its start day on, and its log takes entries only between its start and
 * end days (as the clock says), never dated in the future. Free texts (mandate, log, recommendations) are masked
 * before they are stored, since people paste customer details into notes.
 */
@Service
public class Leaps {

    /** Insight states that mean the owner team has it: delegated, or any step after. */
    static final Set<InsightState> HANDED_OVER = EnumSet.of(InsightState.DELEGATED, InsightState.IN_PROGRESS,
            InsightState.RESOLVED, InsightState.VERIFIED, InsightState.REGRESSED);
    public static final int MAX_LOG_TEXT = FreeText.Kind.TEXT.max();

    private final LeapRepository repository;
    private final Insights insights;
    private final Problems problems;
    private final AuditLog audit;
    private final TransactionTemplate tx;
    private final Clock clock;
    // the product's masker (as the brief asks: the standard one, the same for every caller)
    private final TextMasker masker = TextMasker.standard();

    Leaps(LeapRepository repository, Insights insights, Problems problems, AuditLog audit, TransactionTemplate tx, Clock clock) {
        this.repository = repository;
        this.insights = insights;
        this.problems = problems;
        this.audit = audit;
        this.tx = tx;
        this.clock = clock;
    }

    /** Today in UTC, by the clock: the day that decides PLANNED or RUNNING and whether the log is open. */
    public LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    public List<Leap> list() {
        return repository.all().stream().map(this::view).toList();
    }

    public Leap get(long id) {
        return view(repository.find(id, false).orElseThrow(() -> new LeapNotFoundException(id)));
    }

    public Leap create(LeapDraft draft, String actor) {
        checkMembers(draft.members());
        checkProblems(draft.problemIds());
        return tx.execute(s -> {
            long id = repository.insert(draft.name(), mask(draft.mandate()), draft.start(), draft.end(), draft.members(),
                    draft.problemIds(), actor, clock.instant());
            audit.record(actor, "leap.create", "leap " + id, draft.start() + " to " + draft.end() + ", "
                    + draft.members().size() + " members, " + draft.problemIds().size() + " problems");
            return get(id);
        });
    }

    /** Changes the parts given; {@code state: CLOSED} closes the leap, which needs at least one recommendation. */
    public Leap update(long id, LeapChange change, String actor) {
        if (change.members() != null) {
            checkMembers(change.members());
        }
        if (change.problemIds() != null) {
            checkProblems(change.problemIds());
        }
        return tx.execute(s -> {
            var row = repository.find(id, true).orElseThrow(() -> new LeapNotFoundException(id));
            if (row.closedAt() != null) {
                throw new LeapRefusedException(id, "it was closed on " + row.closedAt() + " by " + row.closedBy()
                        + "; a closed leap is not changed");
            }
            LocalDate start = change.start() == null ? row.start() : change.start();
            LocalDate end = change.end() == null ? row.end() : change.end();
            LeapDates.check(start, end);
            String name = change.name() == null ? row.name() : change.name();
            String mandate = change.mandate() == null ? row.mandate() : mask(change.mandate());
            var members = change.members() == null ? row.members() : change.members();
            var problemIds = change.problemIds() == null ? row.problemIds() : change.problemIds();
            repository.update(id, name, mandate, start, end, members, problemIds);
            audit.record(actor, "leap.update", "leap " + id, start + " to " + end + ", " + members.size() + " members");
            if (change.closes()) {
                int recommendations = repository.recommendations(id).size();
                if (recommendations == 0) {
                    throw new LeapRefusedException(id, "a leap closes with its deliverable: add at least one "
                            + "recommendation (POST /api/v1/leaps/" + id + "/recommendations) before closing it");
                }
                repository.close(id, actor, clock.instant());
                audit.record(actor, "leap.close", "leap " + id, recommendations + " recommendations");
            }
            return get(id);
        });
    }

    /** Writes a log entry dated {@code date} (null: today); only while the leap runs, never dated ahead of today. */
    public LogEntry log(long id, LogKind kind, LocalDate date, String text, String author) {
        return log(id, kind, date, text, author, false);
    }

    /**
     * As {@link #log(long, LogKind, LocalDate, String, String)}; with {@code membersOnly} (a team member, not an
     * analyst) only one of the leap's members may write: the log is the leap's own record of its work.
     */
    public LogEntry log(long id, LogKind kind, LocalDate date, String text, String author, boolean membersOnly) {
        if (kind == null) {
            throw new IllegalArgumentException("kind is required: standup, weekly-plan or retro");
        }
        String body = FreeText.required("text", text, FreeText.Kind.TEXT);
        return tx.execute(s -> {
            var row = repository.find(id, true).orElseThrow(() -> new LeapNotFoundException(id));
            var members = row.members().stream().map(LeapMember::user).toList();
            if (membersOnly && !members.contains(author)) {
                throw new LeapMembershipRequiredException(id, author, members);
            }
            LocalDate today = today();
            if (row.closedAt() != null) {
                throw new LeapRefusedException(id, "it was closed on " + row.closedAt() + "; its log is history now");
            }
            if (today.isBefore(row.start()) || today.isAfter(row.end())) {
                throw new LeapRefusedException(id, "its log is open from " + row.start() + " to " + row.end()
                        + " (while it runs); today is " + today);
            }
            LocalDate day = date == null ? today : date;
            if (day.isBefore(row.start()) || day.isAfter(today)) {
                throw new LeapRefusedException(id, "a log entry is dated between the start " + row.start()
                        + " and today " + today + ", was " + day);
            }
            Instant now = clock.instant();
            repository.addLog(id, kind, day, author, mask(body), now);
            audit.record(author, "leap.log", "leap " + id, kind.code() + " of " + day);
            // the newest by id: the log is ordered by date, and an entry may be dated back
            return repository.log(id).stream().max(java.util.Comparator.comparingLong(LogEntry::id)).orElseThrow();
        });
    }

    /**
     * Adds a recommendation and creates its insight: the text as proposed solution, the given problems (or the
     * leap's), the owner team (a known team) and its responsible person (a member of it), if named. The insight is a
     * draft: the owner team and analysts complete it and delegate it through the quality gate.
     */
    public Recommendation recommend(long id, NewRecommendation r, String actor) {
        if (!insights.teamExists(r.ownerTeam())) {
            throw new IllegalArgumentException("ownerTeam '" + r.ownerTeam() + "' is not a known team; a recommendation "
                    + "goes to a team that will carry it out");
        }
        if (r.responsiblePerson() != null && !insights.isMember(r.ownerTeam(), r.responsiblePerson())) {
            throw new IllegalArgumentException("responsiblePerson '" + r.responsiblePerson() + "' is not a member of "
                    + r.ownerTeam());
        }
        if (r.problemIds() != null) {
            checkProblems(r.problemIds());
        }
        return tx.execute(s -> {
            var row = repository.find(id, true).orElseThrow(() -> new LeapNotFoundException(id));
            if (row.closedAt() != null) {
                throw new LeapRefusedException(id, "it was closed on " + row.closedAt() + "; its deliverable is final");
            }
            String title = mask(r.title()), text = mask(r.text());
            var problemIds = r.problemIds() == null ? row.problemIds() : r.problemIds();
            var insight = insights.create(new InsightContent(title, problemIds, List.of(), List.of(), null, text, null, null,
                    r.ownerTeam(), r.responsiblePerson(), List.of(r.ownerTeam()), List.of(), null, null), actor);
            long rid = repository.addRecommendation(id, title, text, insight.id().value(), actor, clock.instant());
            audit.record(actor, "leap.recommend", "leap " + id, "recommendation " + rid + " became insight " + insight.id()
                    + " for team " + r.ownerTeam());
            return repository.recommendations(id).stream().filter(x -> x.id() == rid).findFirst().orElseThrow();
        });
    }

    /** Each recommendation with where its insight stands now. */
    public ActionPlan actionPlan(long id) {
        var leap = get(id);
        var items = leap.recommendations().stream().map(r -> {
            Insight insight;
            try {
                insight = insights.get(InsightId.of(r.insightId()));
            } catch (InsightNotFoundException e) {
                return new ActionPlan.Item(r, null, null, null, null, false);
            }
            return new ActionPlan.Item(r, insight.content().title(), insight.state(), insight.content().ownerTeam(),
                    insight.content().responsiblePerson(), HANDED_OVER.contains(insight.state()));
        }).toList();
        return new ActionPlan(leap.id(), leap.name(), items, (int) items.stream().filter(ActionPlan.Item::delegated).count());
    }

    private Leap view(LeapRepository.Row row) {
        LocalDate today = today();
        LeapState state = row.closedAt() != null ? LeapState.CLOSED
                : today.isBefore(row.start()) ? LeapState.PLANNED : today.isAfter(row.end()) ? LeapState.ENDED : LeapState.RUNNING;
        return new Leap(row.id(), row.name(), row.mandate(), row.start(), row.end(), state, row.members(), row.problemIds(),
                repository.log(row.id()), repository.recommendations(row.id()), row.createdBy(), row.createdAt(),
                row.closedBy(), row.closedAt());
    }

    private void checkMembers(List<LeapMember> members) {
        for (LeapMember m : members) {
            if (!insights.teamExists(m.team())) {
                throw new IllegalArgumentException("home team '" + m.team() + "' of " + m.user() + " is not a known team");
            }
        }
    }

    private void checkProblems(List<Long> ids) {
        for (long p : ids) {
            try {
                problems.get(ProblemId.lookup(p));
            } catch (ProblemNotFoundException e) {
                throw new IllegalArgumentException("problemIds: no problem with id " + p);
            }
        }
    }

    private String mask(String text) {
        return masker.mask(text).text();
    }
}
