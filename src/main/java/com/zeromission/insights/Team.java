package com.zeromission.insights;

import java.util.List;
import java.util.regex.Pattern;

/** A team that can own insights, with its members (user names, never customers). {@code area}: e.g. "payments". */
public record Team(String name, String area, List<String> members) {

    static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");

    public Team {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("team name must be 1-64 of a-z, 0-9, '.', '_' or '-', was '" + name + "'");
        }
        area = com.zeromission.privacy.FreeText.optional("area", area, com.zeromission.privacy.FreeText.Kind.LABEL);
        members = (members == null ? List.<String>of() : members).stream().map(m -> m == null ? "" : m.strip()).distinct().toList();
        for (String m : members) {
            if (!NAME.matcher(m).matches()) {
                throw new IllegalArgumentException("member of " + name + " must be a user name (1-64 of a-z, 0-9, '.', '_' or '-'), was '"
                        + m + "'");
            }
        }
    }
}
