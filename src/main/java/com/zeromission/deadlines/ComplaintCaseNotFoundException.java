package com.zeromission.deadlines;

import com.zeromission.intake.SignalId;

/** No complaint case for this signal: it is not a complaint, it is older than the case window, or it does not exist. */
public class ComplaintCaseNotFoundException extends RuntimeException {
    public ComplaintCaseNotFoundException(SignalId id) {
        super("no complaint case for signal " + id + " (only complaints and regulator complaints received within the "
                + "case window are cases)");
    }
}
