package com.zeromission.cadence;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A squad formed for one problem in one ISO week. {@code week} is the Monday it was formed on (it works in that
 * week); {@code problemWeek} the week before, whose ranking put the problem at {@code rank} with {@code complaints}.
 * {@code insightId} is the draft insight the squad writes (absent only if that insight was erased).
 */
public record Squad(long id, LocalDate week, LocalDate problemWeek, long problemId, int rank, long complaints, String name,
        String lead, List<String> members, String mandate, LocalDate due, SquadStatus status, String outcome,
        Long insightId, String formedBy, Instant formedAt, String closedBy, Instant closedAt) {

    /** A user name, like a team member's: lower case, digits, '.', '_' and '-'. */
    public static final Pattern USER = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");
    public static final int MAX_MEMBERS = 20, MAX_NAME = 120;

    public Squad {
        if (id <= 0) {
            throw new IllegalArgumentException("squad id must be positive, was " + id);
        }
        Objects.requireNonNull(week, "week");
        if (week.getDayOfWeek() != DayOfWeek.MONDAY) {
            throw new IllegalArgumentException("a squad's week starts on a Monday, was " + week);
        }
        Objects.requireNonNull(problemWeek, "problemWeek");
        Objects.requireNonNull(name, "name");
        lead = user("lead", lead);
        members = members(members);
        Objects.requireNonNull(mandate, "mandate");
        Objects.requireNonNull(due, "due");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(formedAt, "formedAt");
    }

    public boolean active() {
        return status == SquadStatus.ACTIVE;
    }

    static String user(String field, String name) {
        String n = name == null ? "" : name.strip();
        if (!USER.matcher(n).matches()) {
            throw new IllegalArgumentException(field + " must be a user name (1-64 of a-z, 0-9, '.', '_' or '-'), was '"
                    + n + "'");
        }
        return n;
    }

    static List<String> members(List<String> members) {
        var list = (members == null ? List.<String>of() : members).stream().map(m -> user("members", m)).distinct().toList();
        if (list.size() > MAX_MEMBERS) {
            throw new IllegalArgumentException("a squad has at most " + MAX_MEMBERS + " members, got " + list.size());
        }
        return list;
    }
}
