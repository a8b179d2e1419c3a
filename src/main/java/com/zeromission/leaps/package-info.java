/**
 * Leaps: time-boxed specialist teams with members from several teams, a mandate, start and end dates, a log of
 * stand-ups, weekly plans and retros, and a deliverable of recommendations, each of which becomes an insight owned by
 * a team that will carry it out (the action plan). Public API: {@link com.zeromission.leaps.Leaps} and its value
 * types; persistence and HTTP live in {@code internal}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Leaps",
        allowedDependencies = {"audit", "insights", "privacy", "problems", "web"})
@org.jspecify.annotations.NullMarked
package com.zeromission.leaps;
