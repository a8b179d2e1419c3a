package com.zeromission.intake;

import java.time.Instant;

/** One erasure on request: how many signals lost their personal content, when, on whose request (a user name). */
public record Erasure(long id, String requestedBy, Instant at, long signals) {

    /** What an erased signal's text reads. */
    public static final String ERASED_TEXT = "[erased on request]";
}
