package com.zeromission.deadlines;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

import com.zeromission.intake.Channel;
import com.zeromission.intake.SignalId;

/**
 * The regulatory clock of one formal complaint: what it is about (market, product, channel; never its text or the
 * customer), when it arrived, the deadlines fixed when the case was opened, and the replies recorded so far.
 * Deadlines are local dates of the market: a reply is in time when it is sent on or before that day.
 *
 * @param countedFrom   the business day the complaint counts as received on (received on a weekend, a holiday or
 *                      after the cut-off: the next business day)
 * @param extensionDue  the latest final-reply date a holding reply can buy; null where the rules allow none
 */
public record ComplaintCase(SignalId signalId, String market, String product, Channel channel, Instant receivedAt,
        LocalDate countedFrom, String rule, LocalDate acknowledgementDue, LocalDate finalReplyDue, LocalDate extensionDue,
        Instant acknowledgedAt, Instant holdingReplyAt, Instant finalReplyAt, CaseStatus status) {

    public ComplaintCase {
        Objects.requireNonNull(signalId, "signalId");
        Objects.requireNonNull(market, "market");
        Objects.requireNonNull(product, "product");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(receivedAt, "receivedAt");
        Objects.requireNonNull(countedFrom, "countedFrom");
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(acknowledgementDue, "acknowledgementDue");
        Objects.requireNonNull(finalReplyDue, "finalReplyDue");
        Objects.requireNonNull(status, "status");
        if (holdingReplyAt != null && extensionDue == null) {
            throw new IllegalArgumentException("case " + signalId + " has a holding reply but its rules allow none");
        }
    }

    /** The final-reply deadline in force: extended once a holding reply was sent. */
    public LocalDate dueForFinalReply() {
        return holdingReplyAt != null ? extensionDue : finalReplyDue;
    }

    /** The extended deadline, only once a holding reply has bought it. */
    public LocalDate extendedDue() {
        return holdingReplyAt != null ? extensionDue : null;
    }

    public boolean closed() {
        return finalReplyAt != null;
    }
}
