package com.zeromission.web;

import java.security.Principal;

import org.springframework.security.core.Authentication;

/**
 * Who is calling, as far as team-scoped actions care. The role rules ({@link SecurityConfiguration}) say which roles
 * may call an endpoint at all; for team-scoped actions (closing a squad, writing a leap's log, moving an insight) a
 * team member acts only on work of their own, while analysts and admins act for the whole program.
 */
public final class Callers {

    private Callers() {
    }

    /** The caller's roles without Spring's {@code ROLE_} prefix, sorted (ADMIN, ANALYST, TEAM_MEMBER, ...). */
    public static java.util.List<String> roles(Principal user) {
        if (!(user instanceof Authentication auth)) {
            return java.util.List.of();
        }
        return auth.getAuthorities().stream().map(a -> a.getAuthority()).filter(a -> a.startsWith("ROLE_"))
                .map(a -> a.substring(5)).sorted().toList();
    }

    /**
     * True when the caller is limited to their own squads, leaps and teams: a team member who is neither analyst nor
     * admin. An unknown kind of principal is limited too (fail closed).
     */
    public static boolean limitedToOwnWork(Principal user) {
        if (!(user instanceof Authentication auth)) {
            return true;
        }
        var roles = auth.getAuthorities().stream().map(a -> a.getAuthority()).toList();
        return !roles.contains("ROLE_" + SecurityConfiguration.ANALYST) && !roles.contains("ROLE_" + SecurityConfiguration.ADMIN);
    }
}
