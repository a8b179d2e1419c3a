package com.zeromission.insights;

import java.util.List;
import java.util.regex.Pattern;

import com.zeromission.privacy.FreeText;

/** A team that can own insights, with its members (user names, never customers). {@code area}: e.g. "payments". */
public record Team(String name, String area, List<String> members) {

    static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");
    /** Not a team's name: in filters ({@code GET /api/v1/insights?team=mine}) it means the caller's own teams. */
    public static final String MINE = "mine";

    public Team {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("team name must be 1-64 of a-z, 0-9, '.', '_' or '-', was '" + name + "'");
        }
        if (name.equals(MINE)) {
            throw new IllegalArgumentException("team name '" + MINE + "' is reserved: ?team=" + MINE
                    + " means the caller's own teams");
        }
        area = FreeText.optional("area", area, FreeText.Kind.LABEL);
        members = (members == null ? List.<String>of() : members).stream().map(m -> m == null ? "" : m.strip()).distinct().toList();
        for (String m : members) {
            if (!NAME.matcher(m).matches()) {
                throw new IllegalArgumentException("member of " + name + " must be a user name (1-64 of a-z, 0-9, '.', '_' or '-'), was '"
                        + m + "'");
            }
        }
    }
}
