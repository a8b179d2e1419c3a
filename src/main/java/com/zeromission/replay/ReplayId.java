package com.zeromission.replay;

import java.util.Objects;
import java.util.UUID;

/** Identity of a recorded session: the random uuid the ingestion endpoint gave the recorder when the session began. */
public record ReplayId(UUID value) {

    public ReplayId {
        Objects.requireNonNull(value, "replay id");
    }

    /** Parses the canonical 36-character form (what the recorder sends and the pages link to). */
    public static ReplayId parse(String text) {
        if (text == null || !text.matches("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")) {
            throw new IllegalArgumentException("a replay id must be a UUID such as 0190a6f2-1c2d-7e3f-8a4b-5c6d7e8f9a0b, was '"
                    + (text == null ? null : text.length() > 40 ? text.substring(0, 40) + "…" : text) + "'");
        }
        return new ReplayId(UUID.fromString(text));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
