package com.zeromission.deadlines;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A case against today's date in its market: the next reply it is waiting for, when that is due, and the business
 * days left (0: due today; negative: that many business days over). A closed case waits for nothing: then
 * {@code waitingFor} and {@code due} are null and {@code businessDaysLeft} is 0.
 */
public record CaseClock(ComplaintCase complaint, ReplyKind waitingFor, LocalDate due, int businessDaysLeft) {
    public CaseClock {
        Objects.requireNonNull(complaint, "complaint");
        if ((waitingFor == null) != complaint.closed() || (due == null) != complaint.closed()) {
            throw new IllegalArgumentException("an open case waits for a reply with a due date, a closed one for none; "
                    + "case " + complaint.signalId() + " is " + complaint.status().code() + ", waiting for " + waitingFor);
        }
    }

    public boolean overdue() {
        return businessDaysLeft < 0;
    }

    public int businessDaysOver() {
        return Math.max(0, -businessDaysLeft);
    }
}
