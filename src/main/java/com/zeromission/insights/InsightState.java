package com.zeromission.insights;

import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The workflow: draft → actionable → delegated → in progress → resolved → verified, or regressed (complaints came
 * back after the fix). A draft becomes actionable only through the quality gate; delegation needs the gate too.
 */
public enum InsightState {
    DRAFT, ACTIONABLE, DELEGATED, IN_PROGRESS, RESOLVED, VERIFIED, REGRESSED;

    private static final Map<InsightState, Set<InsightState>> NEXT = Map.of(
            DRAFT, Set.of(ACTIONABLE),
            ACTIONABLE, Set.of(DRAFT, DELEGATED),
            DELEGATED, Set.of(IN_PROGRESS, ACTIONABLE),
            IN_PROGRESS, Set.of(RESOLVED),
            RESOLVED, Set.of(VERIFIED, REGRESSED, IN_PROGRESS),
            VERIFIED, Set.of(REGRESSED),
            REGRESSED, Set.of(IN_PROGRESS));

    public boolean canBecome(InsightState next) {
        return NEXT.get(this).contains(next);
    }

    public Set<InsightState> next() {
        return NEXT.get(this);
    }

    public String code() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static InsightState parse(String s) {
        try {
            return valueOf(s.strip().toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("unknown insight state '" + s + "'; one of draft, actionable, delegated, "
                    + "in-progress, resolved, verified, regressed");
        }
    }
}
