package com.zeromission.leaps;

import java.time.LocalDate;
import java.util.List;

import com.zeromission.privacy.FreeText;

/**
 * A new leap, as an analyst sets it up; checked here so that a bad value is refused before anything is written.
 * Members' home teams must be known teams (checked by {@link Leaps}, which knows them).
 */
public record LeapDraft(String name, String mandate, LocalDate start, LocalDate end, List<LeapMember> members,
        List<Long> problemIds) {

    public static final int MAX_MEMBERS = 30, MAX_PROBLEMS = 50;

    public LeapDraft {
        name = text("name", name, FreeText.Kind.NAME);
        mandate = text("mandate", mandate, FreeText.Kind.TEXT);
        LeapDates.check(start, end);
        members = members(members);
        problemIds = problems(problemIds);
    }

    /** A typed text: masked and limited by the one policy for every field a person types. */
    static String text(String field, String value, FreeText.Kind kind) {
        return FreeText.required(field, value, kind);
    }

    static List<LeapMember> members(List<LeapMember> members) {
        var list = (members == null ? List.<LeapMember>of() : members).stream().distinct().toList();
        if (list.size() > MAX_MEMBERS) {
            throw new IllegalArgumentException("a leap has at most " + MAX_MEMBERS + " members, got " + list.size());
        }
        if (list.stream().map(LeapMember::user).distinct().count() < list.size()) {
            throw new IllegalArgumentException("each member comes from one home team; a user is listed twice in members");
        }
        return list;
    }

    static List<Long> problems(List<Long> ids) {
        var list = (ids == null ? List.<Long>of() : ids).stream().distinct().toList();
        if (list.size() > MAX_PROBLEMS) {
            throw new IllegalArgumentException("a leap links at most " + MAX_PROBLEMS + " problems, got " + list.size());
        }
        return list;
    }
}
