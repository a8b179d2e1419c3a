/**
 * Deadlines: the regulatory clocks of formal complaints. Every complaint and regulator complaint received within the
 * case window becomes a complaint case with an acknowledgement deadline and a final-reply deadline from its market's
 * rules (PSD2 Art. 101 in the EU/EEA, DISP 1.6 in Great Britain, the CFPB's expectations in the US) and business-day
 * calendar (weekends and public holidays from Jollyday). Replies are recorded against the case; overdue and due-soon
 * lists and the complaints register export read them. Public API: {@link com.zeromission.deadlines.ComplaintCases} and
 * its value types; calendars, rules, storage and HTTP live in {@code internal}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Deadlines",
        allowedDependencies = {"audit", "intake", "privacy", "web"})
@org.jspecify.annotations.NullMarked
package com.zeromission.deadlines;
