package com.zeromission.deadlines;

import java.util.Locale;

/** The replies a complaint gets: an acknowledgement, at most one holding reply, one final reply. */
public enum ReplyKind {
    ACKNOWLEDGEMENT, HOLDING_REPLY, FINAL_REPLY;

    public String code() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
