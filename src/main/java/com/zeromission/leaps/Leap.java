package com.zeromission.leaps;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A leap as of now: {@code state} is computed from the dates and the clock (see {@link LeapState}), so a stored leap
 * never goes stale. {@code problemIds} are the problems it was set up for (may be empty).
 */
public record Leap(long id, String name, String mandate, LocalDate start, LocalDate end, LeapState state,
        List<LeapMember> members, List<Long> problemIds, List<LogEntry> log, List<Recommendation> recommendations,
        String createdBy, Instant createdAt, String closedBy, Instant closedAt) {

    public Leap {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(state, "state");
        members = List.copyOf(members);
        problemIds = List.copyOf(problemIds);
        log = List.copyOf(log);
        recommendations = List.copyOf(recommendations);
    }

    /** The members grouped by home team, teams in the order they first appear. */
    public Map<String, List<String>> membersByTeam() {
        var byTeam = new LinkedHashMap<String, List<String>>();
        for (LeapMember m : members) {
            byTeam.computeIfAbsent(m.team(), t -> new java.util.ArrayList<>()).add(m.user());
        }
        return byTeam;
    }
}
