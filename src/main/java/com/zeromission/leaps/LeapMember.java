package com.zeromission.leaps;

import java.util.regex.Pattern;

/** A person on a leap, by user name, with the team they come from and go back to (never a customer). */
public record LeapMember(String user, String team) {

    /** A user or team name: lower case, digits, '.', '_' and '-'. */
    public static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");

    public LeapMember {
        user = name("member", user);
        team = name("home team of " + user, team);
    }

    static String name(String field, String value) {
        String v = value == null ? "" : value.strip();
        if (!NAME.matcher(v).matches()) {
            throw new IllegalArgumentException(field + " must be a name (1-64 of a-z, 0-9, '.', '_' or '-'), was '" + v + "'");
        }
        return v;
    }
}
