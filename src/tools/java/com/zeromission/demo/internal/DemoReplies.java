package com.zeromission.demo.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import com.zeromission.deadlines.ComplaintCase;
import com.zeromission.deadlines.ComplaintCases;
import com.zeromission.deadlines.Reply;
import com.zeromission.deadlines.ReplyKind;

/**
 * The demo's reply history: every complaint case gets a reply plan drawn from its signal id (the same plan on every
 * start), and the replies whose time has come are recorded. Most complaints are acknowledged within a business day
 * and answered well within the deadline; one in ten needs a holding reply where the rules allow it; a few are
 * answered late, and a few recent ones are forgotten. Old cases are thus closed, recent ones still open: a believable
 * set of clocks without storing anything the generator would not produce again.
 */
final class DemoReplies {

    static final String ACTOR = "demo";

    private final ComplaintCases cases;
    private final Clock clock;

    DemoReplies(ComplaintCases cases, Clock clock) {
        this.cases = cases;
        this.clock = clock;
    }

    /** Records the replies that are due by now; returns how many. */
    int record() {
        Instant now = clock.instant();
        var replies = new ArrayList<Reply>();
        int recorded = 0;
        for (ComplaintCase c : cases.openCases()) {
            replies.addAll(plan(c, now));
            if (replies.size() >= 5_000) {
                recorded += cases.recordAll(replies, ACTOR);
                replies.clear();
            }
        }
        return recorded + cases.recordAll(replies, ACTOR);
    }

    /** The replies of one case whose time has come, in the order they were sent, skipping those recorded already. */
    List<Reply> plan(ComplaintCase c, Instant now) {
        long h = c.signalId().value().getLeastSignificantBits() & Long.MAX_VALUE;
        int roll = (int) (h % 100);
        ZoneId zone = cases.zone(c.market());
        String m = c.market();
        LocalDate start = c.countedFrom();
        var out = new ArrayList<Reply>();

        // Acknowledgement: within hours for most, two days late for one in twelve.
        Instant ack = roll % 12 == 5
                ? at(c.acknowledgementDue().plusDays(2), zone, h)
                : earliest(c.receivedAt().plusSeconds(1_800 + (h >> 8) % 20 * 3_600), at(c.acknowledgementDue(), zone, h));
        if (ack.isAfter(now)) {
            return out;
        }
        if (c.acknowledgedAt() == null) {
            out.add(new Reply(c.signalId(), ReplyKind.ACKNOWLEDGEMENT, ack));
        }

        int finalDays = Math.max(3, cases.businessDaysBetween(m, start, c.finalReplyDue()));
        boolean recent = start.isAfter(LocalDate.ofInstant(now, zone).minusDays(30));
        Instant fin;
        if (roll < 10 && c.extensionDue() != null) {
            // a holding reply a day or two before the deadline, the final reply within the extension
            int extDays = Math.max(finalDays + 2, cases.businessDaysBetween(m, start, c.extensionDue()));
            Instant holding = at(cases.businessDaysAfter(m, start, Math.max(1, finalDays - 1 - (int) (h >> 16) % 2)), zone, h);
            if (holding.isBefore(ack)) {
                holding = ack;
            }
            if (holding.isAfter(now)) {
                return out;
            }
            if (c.holdingReplyAt() == null) {
                out.add(new Reply(c.signalId(), ReplyKind.HOLDING_REPLY, holding));
            }
            fin = at(cases.businessDaysAfter(m, start, finalDays + 1 + (int) ((h >> 20) % (extDays - finalDays - 1))), zone, h);
        } else if (roll < 16) {
            fin = at(c.finalReplyDue().plusDays(2 + (h >> 20) % 5), zone, h); // late
        } else if (roll < 19 && recent) {
            return out; // forgotten: it will show as overdue
        } else {
            fin = at(cases.businessDaysAfter(m, start, 2 + (int) ((h >> 20) % (finalDays - 2))), zone, h);
        }
        if (fin.isBefore(ack)) {
            fin = ack;
        }
        if (!fin.isAfter(now)) {
            out.add(new Reply(c.signalId(), ReplyKind.FINAL_REPLY, fin));
        }
        return out;
    }

    /** Office hours on that day in the market, the minute drawn from the hash. */
    private static Instant at(LocalDate day, ZoneId zone, long h) {
        return day.atTime(LocalTime.of(9, 0).plusMinutes((h >> 28) % 420)).atZone(zone).toInstant();
    }

    private static Instant earliest(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}
