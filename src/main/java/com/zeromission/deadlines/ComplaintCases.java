package com.zeromission.deadlines;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import com.zeromission.audit.AuditLog;
import com.zeromission.deadlines.internal.BusinessCalendar;
import com.zeromission.deadlines.internal.CaseRepository;
import com.zeromission.deadlines.internal.RuleBook;
import com.zeromission.intake.SignalId;
import com.zeromission.markets.Market;

import de.siegmar.fastcsv.writer.CsvWriter;

/**
 * Complaint cases: the clocks of formal complaints and the replies recorded against them. Cases are opened by the
 * module itself (in intake's transaction, see {@code internal.ComplaintIntake}); this service lists them against
 * today's date, records replies (each one in the audit trail) and writes the complaints register.
 */
@Service
public class ComplaintCases {

    public static final int MAX_LIST = 1_000;

    /** The register's columns, in order: the complaint and its clock, never a text or anything about the customer. */
    public static final List<String> REGISTER_COLUMNS = List.of("signal_id", "market", "product", "channel",
            "received_at", "rule", "counted_from", "acknowledgement_due", "acknowledged_at", "final_reply_due",
            "holding_reply_at", "extended_final_reply_due", "final_reply_at", "status", "acknowledgement", "final_reply");

    private final CaseRepository cases;
    private final RuleBook rules;
    private final AuditLog audit;
    private final TransactionTemplate tx;
    private final Clock clock;

    ComplaintCases(CaseRepository cases, RuleBook rules, AuditLog audit, TransactionTemplate tx, Clock clock) {
        this.cases = cases;
        this.rules = rules;
        this.audit = audit;
        this.tx = tx;
        this.clock = clock;
    }

    public Optional<ComplaintCase> find(SignalId id) {
        return cases.find(id, false);
    }

    /** The rules a complaint about {@code product} in {@code market} is held to. */
    public RuleSet rules(String market, String product) {
        return rules.rules(Market.of(market).code(), product);
    }

    public int dueSoonBusinessDays() {
        return rules.dueSoonBusinessDays();
    }

    /**
     * Cases by filter, optionally of one market (ISO code), at most {@code limit}: overdue ones most overdue first,
     * due-soon and open ones soonest due first, closed ones latest final reply first.
     */
    public List<CaseClock> list(CaseFilter filter, String market, int limit) {
        if (limit < 1 || limit > MAX_LIST) {
            throw new IllegalArgumentException("limit must be between 1 and " + MAX_LIST + ", was " + limit);
        }
        String m = market == null || market.isBlank() ? null : Market.of(market).code();
        if (filter == CaseFilter.CLOSED) {
            return cases.closed(m, limit).stream().map(this::clock).toList();
        }
        int soon = rules.dueSoonBusinessDays();
        return cases.open(m).stream().map(this::clock)
                .filter(c -> switch (filter) {
                    case OVERDUE -> c.overdue();
                    case DUE_SOON -> !c.overdue() && c.businessDaysLeft() <= soon;
                    case OPEN -> true;
                    case CLOSED -> false;
                })
                .sorted(Comparator.comparing(CaseClock::due).thenComparing(c -> c.complaint().receivedAt()))
                .limit(limit).toList();
    }

    /** Every case still waiting for its final reply, as stored (the demo and the help-desk sync plan replies on them). */
    public List<ComplaintCase> openCases() {
        return cases.open(null);
    }

    /** The time zone a market's clock runs in. */
    public java.time.ZoneId zone(String market) {
        return rules.calendar(Market.of(market).code()).zone();
    }

    /** The {@code n}-th business day after {@code day} in a market's calendar. */
    public LocalDate businessDaysAfter(String market, LocalDate day, int n) {
        return rules.calendar(Market.of(market).code()).plusBusinessDays(day, n);
    }

    /** Business days after {@code from} up to and including {@code to} in a market's calendar (negative if before). */
    public int businessDaysBetween(String market, LocalDate from, LocalDate to) {
        return rules.calendar(Market.of(market).code()).businessDaysBetween(from, to);
    }

    /** A case against today's date in its market. */
    public CaseClock clock(ComplaintCase c) {
        if (c.closed()) {
            return new CaseClock(c, null, null, 0);
        }
        BusinessCalendar calendar = rules.calendar(c.market());
        LocalDate today = calendar.today(clock);
        boolean ackPending = c.acknowledgedAt() == null;
        ReplyKind waiting = ackPending ? ReplyKind.ACKNOWLEDGEMENT : ReplyKind.FINAL_REPLY;
        LocalDate due = ackPending ? c.acknowledgementDue() : c.dueForFinalReply();
        // A due date before today is overdue even when no business day lies between (due Friday, today Saturday).
        int left = due.isBefore(today) ? -Math.max(1, calendar.businessDaysBetween(due, today))
                : calendar.businessDaysBetween(today, due);
        return new CaseClock(c, waiting, due, left);
    }

    /** Records the acknowledgement sent at {@code at} (null: now). */
    public ComplaintCase acknowledge(SignalId id, Instant at, String actor) {
        return record(new Reply(id, ReplyKind.ACKNOWLEDGEMENT, at == null ? clock.instant() : at), actor);
    }

    /**
     * Records a holding reply: it extends the final-reply deadline to the rules' extended limit. Refused when the
     * rules of the case allow none, when the final-reply deadline has passed, or when one was sent already.
     */
    public ComplaintCase holdingReply(SignalId id, Instant at, String actor) {
        return record(new Reply(id, ReplyKind.HOLDING_REPLY, at == null ? clock.instant() : at), actor);
    }

    /** Records the final reply; it closes the case (and stands for the acknowledgement when none was recorded). */
    public ComplaintCase finalReply(SignalId id, Instant at, String actor) {
        return record(new Reply(id, ReplyKind.FINAL_REPLY, at == null ? clock.instant() : at), actor);
    }

    private ComplaintCase record(Reply reply, String actor) {
        return tx.execute(status -> {
            ComplaintCase c = cases.find(reply.signal(), true)
                    .orElseThrow(() -> new ComplaintCaseNotFoundException(reply.signal()));
            ComplaintCase after = apply(c, reply, rules.calendar(c.market()), clock.instant());
            cases.saveReplies(after);
            audit.record(actor, "complaint-case." + reply.kind().code(), "complaint case " + c.signalId(),
                    describe(after, reply));
            return after;
        });
    }

    /**
     * Records many replies in one transaction (a help-desk sync, the demo): all or nothing, one audit entry with the
     * counts. Returns how many were recorded.
     */
    public int recordAll(List<Reply> replies, String actor) {
        if (replies.isEmpty()) {
            return 0;
        }
        return tx.execute(status -> {
            var byCase = new java.util.LinkedHashMap<SignalId, ComplaintCase>();
            Instant now = clock.instant();
            for (Reply r : replies) {
                ComplaintCase c = byCase.get(r.signal());
                if (c == null) {
                    c = cases.find(r.signal(), true).orElseThrow(() -> new ComplaintCaseNotFoundException(r.signal()));
                }
                byCase.put(r.signal(), apply(c, r, rules.calendar(c.market()), now));
            }
            cases.saveReplies(new ArrayList<>(byCase.values()));
            audit.record(actor, "complaint-case.replies", byCase.size() + " complaint cases",
                    replies.size() + " replies recorded in one batch");
            return replies.size();
        });
    }

    /** What a reply does to a case, or why it may not: the rules of replying, without storage. */
    static ComplaintCase apply(ComplaintCase c, Reply r, BusinessCalendar calendar, Instant now) {
        String what = r.kind().code().replace('-', ' ');
        if (r.at().isAfter(now)) {
            throw new IllegalArgumentException("a " + what + " cannot be recorded as sent in the future (" + r.at()
                    + "; now is " + now + ")");
        }
        if (r.at().isBefore(c.receivedAt())) {
            throw new IllegalArgumentException("a " + what + " sent at " + r.at() + " is before the complaint was "
                    + "received (" + c.receivedAt() + ")");
        }
        if (c.closed()) {
            throw new ReplyRefusedException("case " + c.signalId() + " is closed: its final reply was recorded at "
                    + c.finalReplyAt() + "; no " + what + " can follow it");
        }
        Instant ack = c.acknowledgedAt() == null ? r.at() : c.acknowledgedAt();
        return switch (r.kind()) {
            case ACKNOWLEDGEMENT -> {
                if (c.acknowledgedAt() != null) {
                    throw new ReplyRefusedException("case " + c.signalId() + " was acknowledged already, at "
                            + c.acknowledgedAt());
                }
                yield with(c, r.at(), c.holdingReplyAt(), null, c.holdingReplyAt() != null ? CaseStatus.EXTENDED
                        : CaseStatus.ACKNOWLEDGED);
            }
            case HOLDING_REPLY -> {
                if (c.extensionDue() == null) {
                    throw new ReplyRefusedException("the rules of case " + c.signalId() + " (" + c.rule() + ", market "
                            + c.market() + ") allow no holding reply: the final reply is due by " + c.finalReplyDue());
                }
                if (c.holdingReplyAt() != null) {
                    throw new ReplyRefusedException("case " + c.signalId() + " has a holding reply already, sent at "
                            + c.holdingReplyAt() + "; its final reply is due by " + c.extensionDue());
                }
                LocalDate sent = calendar.localDate(r.at());
                if (sent.isAfter(c.finalReplyDue())) {
                    throw new ReplyRefusedException("a holding reply must be sent within the final-reply deadline of case "
                            + c.signalId() + " (" + c.rule() + ": by " + c.finalReplyDue() + "); " + sent + " is too late");
                }
                // The customer has a written answer: a holding reply is an acknowledgement too.
                yield with(c, ack, r.at(), null, CaseStatus.EXTENDED);
            }
            case FINAL_REPLY -> with(c, ack, c.holdingReplyAt(), r.at(), CaseStatus.CLOSED);
        };
    }

    private static ComplaintCase with(ComplaintCase c, Instant ack, Instant holding, Instant fin, CaseStatus status) {
        return new ComplaintCase(c.signalId(), c.market(), c.product(), c.channel(), c.receivedAt(), c.countedFrom(),
                c.rule(), c.acknowledgementDue(), c.finalReplyDue(), c.extensionDue(), ack, holding, fin, status);
    }

    private String describe(ComplaintCase c, Reply r) {
        BusinessCalendar calendar = rules.calendar(c.market());
        LocalDate sent = calendar.localDate(r.at());
        LocalDate due = switch (r.kind()) {
            case ACKNOWLEDGEMENT -> c.acknowledgementDue();
            case HOLDING_REPLY -> c.finalReplyDue();
            case FINAL_REPLY -> c.dueForFinalReply();
        };
        return r.kind().code() + " sent " + sent + ", due " + due + (sent.isAfter(due) ? " (late)" : " (in time)")
                + "; market " + c.market() + ", " + c.rule();
    }

    /** Whether a reply was in time: met, missed (late, or still missing after its deadline) or pending. */
    public String outcome(ComplaintCase c, ReplyKind kind) {
        BusinessCalendar calendar = rules.calendar(c.market());
        Instant sent = kind == ReplyKind.ACKNOWLEDGEMENT ? c.acknowledgedAt() : c.finalReplyAt();
        LocalDate due = kind == ReplyKind.ACKNOWLEDGEMENT ? c.acknowledgementDue() : c.dueForFinalReply();
        if (sent != null) {
            return calendar.localDate(sent).isAfter(due) ? "missed" : "met";
        }
        return calendar.today(clock).isAfter(due) ? "missed" : "pending";
    }

    /**
     * Writes the complaints register as CSV ({@link #REGISTER_COLUMNS}), every case by receipt, streamed row by row.
     * Dates are the market's local dates; times are UTC instants.
     */
    public long writeRegister(Writer out) {
        long[] rows = {0};
        CsvWriter csv = CsvWriter.builder().build(out);
        csv.writeRecord(REGISTER_COLUMNS);
        cases.each(c -> {
            csv.writeRecord(c.signalId().toString(), c.market(), c.product(), c.channel().code(), c.receivedAt().toString(),
                    c.rule(), c.countedFrom().toString(), c.acknowledgementDue().toString(), text(c.acknowledgedAt()),
                    c.finalReplyDue().toString(), text(c.holdingReplyAt()), text(c.extendedDue()), text(c.finalReplyAt()),
                    c.status().code(), outcome(c, ReplyKind.ACKNOWLEDGEMENT), outcome(c, ReplyKind.FINAL_REPLY));
            rows[0]++;
        });
        try {
            csv.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rows[0];
    }

    private static String text(Object value) {
        return value == null ? "" : value.toString();
    }
}
