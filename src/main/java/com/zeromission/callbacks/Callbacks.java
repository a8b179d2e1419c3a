package com.zeromission.callbacks;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.regex.Pattern;

import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import com.zeromission.audit.AuditLog;
import com.zeromission.cadence.Weeks;
import com.zeromission.callbacks.internal.CallbackRepository;
import com.zeromission.callbacks.internal.CallbacksProperties;
import com.zeromission.insights.Evidence;
import com.zeromission.insights.Insight;
import com.zeromission.insights.InsightId;
import com.zeromission.insights.Insights;
import com.zeromission.intake.IntakeService;
import com.zeromission.intake.SignalId;
import com.zeromission.privacy.FreeText;
import com.zeromission.problems.ProblemId;
import com.zeromission.problems.Problems;
import com.zeromission.problems.TopOrder;

/**
 * The weekly call list and its calls. A week's list is built once, from that week's top problems by complaints,
 * highest-ranked first: each complaint's customer, by pseudonym, once per week however many times they complained,
 * with the source system's contact route; up to the configured limit. Signals without a pseudonym (anonymous, or
 * erased on request) cannot be called back and are left out. The list is built once: the building transaction first
 * claims the week, so a second click or instance finds it claimed and answers with the list built first.
 */
@Service
public class Callbacks {

    /** The most signals of one problem in one week looked at: far more than a week's calls. */
    static final int SCAN = 5_000;
    static final Pattern USER = Pattern.compile("[A-Za-z0-9._@-]{1,64}");

    private final CallbackRepository repository;
    private final CallbacksProperties properties;
    private final Problems problems;
    private final IntakeService intake;
    private final Insights insights;
    private final AuditLog audit;
    private final TransactionTemplate tx;
    private final Clock clock;

    Callbacks(CallbackRepository repository, CallbacksProperties properties, Problems problems, IntakeService intake,
            Insights insights, AuditLog audit, TransactionTemplate tx, Clock clock) {
        this.repository = repository;
        this.properties = properties;
        this.problems = problems;
        this.intake = intake;
        this.insights = insights;
        this.audit = audit;
        this.tx = tx;
        this.clock = clock;
    }

    /** The last complete week: whose complaints are called back this week. */
    public LocalDate lastWeek() {
        return Weeks.startOf(clock.instant()).minusWeeks(1);
    }

    /** Calls on a week's list at most. */
    public int limit() {
        return properties.limit();
    }

    /**
     * Builds the call list of the week starting on {@code week} (a Monday), or answers the list built before. A week
     * that has not started has no complaints yet and is refused.
     */
    public CallList build(LocalDate week, String actor) {
        requireMonday(week);
        if (week.isAfter(Weeks.startOf(clock.instant()))) {
            throw new IllegalArgumentException("week " + week + " (" + Weeks.label(week) + ") has not started yet: "
                    + "there is nobody to call back about it");
        }
        String by = user(actor);
        try {
            tx.executeWithoutResult(s -> buildClaimed(week, by));
            return list(week, true);
        } catch (DataIntegrityViolationException | ConcurrencyFailureException e) {
            // Claimed by somebody else first (the primary key of callback_list).
            repository.built(week).orElseThrow(() -> e);
            return list(week, false);
        }
    }

    private void buildClaimed(LocalDate week, String actor) {
        Instant now = clock.instant();
        repository.claim(week, actor, now); // first: the second build of this week stops here
        var top = problems.top(week, TopOrder.COMPLAINTS, properties.problems());
        var customers = new HashSet<String>();
        var entries = new ArrayList<CallbackRepository.NewEntry>();
        // Each customer is called about the highest-ranked problem they complained about; then the list takes one
        // customer from each problem in turn (round robin), because the top problem alone would otherwise take every
        // call, and the point of calling is to hear about each of this week's top problems.
        var candidates = new ArrayList<java.util.ArrayDeque<CallbackRepository.NewEntry>>();
        for (var t : top.problems()) {
            var queue = new java.util.ArrayDeque<CallbackRepository.NewEntry>();
            for (java.util.UUID id : problems.signalsInWeek(ProblemId.of(t.problem().id()), week, SCAN)) {
                if (queue.size() == properties.limit()) {
                    break;
                }
                var signal = intake.find(new SignalId(id)).orElse(null);
                // Only a complaint's customer complained; an erased signal lost its pseudonym with everything else.
                if (signal == null || !signal.countsAsComplaint() || signal.customerKey() == null
                        || !customers.add(signal.customerKey().value())) {
                    continue;
                }
                String label = t.problem().label();
                queue.add(new CallbackRepository.NewEntry(week, t.rank(), t.problem().id(),
                        label.length() <= 200 ? label : label.substring(0, 200), id, signal.market().code(),
                        signal.customerKey().value(), signal.source(), signal.sourceId(), signal.receivedAt()));
            }
            candidates.add(queue);
        }
        boolean more = true;
        while (entries.size() < properties.limit() && more) {
            more = false;
            for (var queue : candidates) {
                if (entries.size() < properties.limit() && !queue.isEmpty()) {
                    entries.add(queue.poll());
                    more = true;
                }
            }
        }
        repository.insert(entries);
        repository.setEntries(week, entries.size());
        audit.record(actor, "callbacks.build", "call list " + week, entries.size() + " customers to call from the top "
                + top.problems().size() + " problems of " + Weeks.label(week));
    }

    /** A week's list (empty, not built, when nobody built it yet). */
    public CallList list(LocalDate week) {
        requireMonday(week);
        return list(week, false);
    }

    private CallList list(LocalDate week, boolean built) {
        var run = repository.built(week);
        return new CallList(week, Weeks.label(week), run.map(CallbackRepository.Built::builtAt).orElse(null),
                run.map(CallbackRepository.Built::builtBy).orElse(null), built, run.isPresent() ? repository.ofWeek(week) : List.of());
    }

    public CallEntry get(long entryId) {
        return repository.find(entryId).orElseThrow(() -> new CallEntryNotFoundException(entryId));
    }

    /**
     * Records a call: its outcome and the agent's notes, masked (an agent writes down what the customer said, phone
     * numbers and names included). A later call of the same entry (after no answer, say) replaces the outcome and
     * counts as another attempt; the audit trail keeps every one. A call whose note is evidence already stays as it is.
     */
    public CallEntry record(long entryId, CallOutcome outcome, String notes, String agent) {
        if (outcome == null) {
            throw new IllegalArgumentException("outcome is required: one of " + java.util.Arrays.toString(CallOutcome.values()));
        }
        String by = user(agent);
        // the one policy for typed text: masked, no control characters, at most a TEXT's length (= CallNote.MAX_NOTE)
        String masked = FreeText.optional("notes", notes, FreeText.Kind.TEXT);
        return tx.execute(s -> {
            var entry = get(entryId);
            if (entry.insightId() != null) {
                throw new CallNoteRefusedException("call " + entryId + " is evidence on insight " + entry.insightId()
                        + " already; its outcome and notes stay as they were");
            }
            repository.recordCall(entryId, outcome, masked, by, clock.instant());
            audit.record(by, "callbacks.call", "call " + entryId, outcome.name()
                    + (masked == null ? ", no notes" : ", notes of " + masked.length() + " characters"));
            return get(entryId);
        });
    }

    /**
     * Attaches a reached call's note to an insight as evidence ({@link Evidence.CallNote}), and remembers on the call
     * which insight. Once per call: attaching it to the same insight again changes nothing; to another is refused.
     */
    public Insight attachToInsight(long entryId, long insightId, String actor) {
        String by = user(actor);
        return tx.execute(s -> {
            var entry = get(entryId);
            if (entry.outcome() != CallOutcome.REACHED) {
                throw new CallNoteRefusedException("call " + entryId + " did not reach the customer ("
                        + (entry.outcome() == null ? "not called yet" : entry.outcome().name()) + "): only a reached call's note is evidence");
            }
            if (entry.notes() == null || entry.notes().isBlank()) {
                throw new CallNoteRefusedException("call " + entryId + " has no notes to attach");
            }
            if (entry.insightId() != null && entry.insightId() != insightId) {
                throw new CallNoteRefusedException("call " + entryId + " is evidence on insight " + entry.insightId()
                        + " already, not on " + insightId);
            }
            var insight = insights.attachCallNote(InsightId.lookup(insightId),
                    new Evidence.CallNote(entryId, entry.agent(), entry.calledAt(), entry.notes()), by);
            if (entry.insightId() == null) {
                repository.setInsight(entryId, insightId);
                audit.record(by, "callbacks.evidence", "call " + entryId, "note attached to insight " + insightId);
            }
            return insight;
        });
    }

    private static void requireMonday(LocalDate week) {
        if (week == null || week.getDayOfWeek() != java.time.DayOfWeek.MONDAY) {
            throw new IllegalArgumentException("week must start on a Monday, was '" + week + "'");
        }
    }

    private static String user(String actor) {
        String a = actor == null ? "" : actor.strip();
        if (!USER.matcher(a).matches()) {
            throw new IllegalArgumentException("a call is recorded by a user name, was '" + a + "'");
        }
        return a;
    }
}
