package com.zeromission.callbacks;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * A week's call list, highest-ranked problems first. {@code builtAt} and {@code builtBy} are absent for a week whose
 * list was not built yet (then there are no entries). {@code built}: whether this answer built it just now.
 */
public record CallList(LocalDate week, String weekLabel, Instant builtAt, String builtBy, boolean built,
        List<CallEntry> entries) {

    public CallList {
        Objects.requireNonNull(week, "week");
        Objects.requireNonNull(weekLabel, "weekLabel");
        entries = List.copyOf(entries);
    }

    public boolean exists() {
        return builtAt != null;
    }

    public long called() {
        return entries.stream().filter(CallEntry::called).count();
    }
}
