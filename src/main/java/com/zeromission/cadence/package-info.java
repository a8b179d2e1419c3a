/**
 * The weekly cadence: each Monday, last week's top problems that nobody owns get a squad (a lead, members, a mandate
 * and a due date) and a draft insight for the squad to write, once, however many instances run; the weekly review
 * says what the squads did, what was resolved and whether anything blew up. Public API: {@link
 * com.zeromission.cadence.Cadence} and its value types; persistence, the schedule and HTTP live in {@code internal}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Cadence",
        allowedDependencies = {"audit", "insights", "privacy", "problems", "web"})
@org.jspecify.annotations.NullMarked
package com.zeromission.cadence;
