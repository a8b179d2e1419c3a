package com.zeromission.pages;

import java.util.Set;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

import com.zeromission.problems.Problems;

/**
 * Who is looking, for the page header and for hiding buttons the role cannot use (the security rules refuse them
 * anyway). {@code name} is the login name, never a customer's data.
 */
public record CurrentUser(String name, Set<String> roles) {

    public CurrentUser {
        roles = Set.copyOf(roles);
    }

    public boolean analyst() {
        return roles.contains("ANALYST") || roles.contains("ADMIN");
    }

    public boolean member() {
        return analyst() || roles.contains("TEAM_MEMBER");
    }

    /** May see the pages at all: an INGEST-only account is a machine client's. */
    public boolean reader() {
        return member() || roles.contains("VIEWER");
    }

    public boolean admin() {
        return roles.contains("ADMIN");
    }

    public String roleList() {
        return roles.stream().sorted().map(r -> r.toLowerCase(java.util.Locale.ROOT).replace('_', ' '))
                .collect(Collectors.joining(", "));
    }

    static @Nullable CurrentUser of(@Nullable Authentication auth) {
        if (auth == null || !auth.isAuthenticated() || "anonymousUser".equals(auth.getName())) {
            return null;
        }
        return new CurrentUser(auth.getName(), auth.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .filter(a -> a.startsWith("ROLE_")).map(a -> a.substring(5)).collect(Collectors.toSet()));
    }

    /**
     * Adds {@code me} to every page's model, and {@code ungrouped}: how many signals wait to be grouped, so that a
     * page can say its problem figures are still catching up (after a large import, or while the demo loads).
     */
    @ControllerAdvice(basePackageClasses = CurrentUser.class)
    static class Advice {

        private final Problems problems;

        Advice(Problems problems) {
            this.problems = problems;
        }

        @ModelAttribute("me")
        CurrentUser me() {
            return of(SecurityContextHolder.getContext().getAuthentication());
        }

        @ModelAttribute("ungrouped")
        long ungrouped() {
            return problems.signalsWaitingToBeGrouped();
        }
    }
}
