package com.zeromission.demo.internal;

import java.time.LocalDate;

/**
 * Launches and incidents in the demo story. Each one changes how often a problem occurs from its date on, so that
 * the product can show a measured effect (did complaints drop after the fix?) and the weekly check can find a spike.
 * Phrasebook lines can be limited to before, after or during a milestone, e.g. {@code (after returns-portal)}.
 */
public enum Milestone {
    /** Scheduled (automatic) payments for instalments: fewer missed payments. */
    SCHEDULED_PAYMENTS("scheduled-payments", LocalDate.of(2024, 10, 1), null),
    /** Reminder e-mails rewritten (clear subject, amount and due date), sent three days before the due date. */
    REMINDER_EMAILS("reminder-emails", LocalDate.of(2025, 2, 3), null),
    /** "Instant Pay 3" renamed to "Pay in 3 instalments": the name no longer suggests paying directly. */
    RENAME("rename", LocalDate.of(2025, 3, 10), null),
    /** Self-help in the app (search, due-date change, contact options) instead of a bot loop. */
    IN_APP_HELP("in-app-help", LocalDate.of(2025, 6, 10), null),
    /** A returns portal: register a return in the app, the invoice pauses at once, the refund follows. */
    RETURNS_PORTAL("returns-portal", LocalDate.of(2025, 9, 1), null),
    /** Invoices in the app and by e-mail by default, and a January grace period before any reminder fee. */
    DIGITAL_INVOICE("digital-invoice", LocalDate.of(2025, 11, 17), null),
    /** A failed instalment charge is retried automatically before it counts as missed. */
    CHARGE_RETRY("charge-retry", LocalDate.of(2026, 2, 2), null),
    /** Checkout shows why credit was declined and what the current limit is. */
    DECLINE_REASONS("decline-reasons", LocalDate.of(2026, 3, 2), null),
    /** A broken chat release: two weeks in which customers could not reach customer service (a spike to find). */
    CHAT_OUTAGE("chat-outage", LocalDate.of(2026, 10, 6), LocalDate.of(2026, 10, 19));

    private final String key;
    private final LocalDate date;
    private final LocalDate until;

    Milestone(String key, LocalDate date, LocalDate until) {
        this.key = key;
        this.date = date;
        this.until = until;
    }

    public String key() {
        return key;
    }

    /** The launch date, or the first day of an incident. */
    public LocalDate date() {
        return date;
    }

    /** The last day of an incident; null for a launch, whose effect lasts. */
    public LocalDate until() {
        return until;
    }

    public boolean reached(LocalDate day) {
        return !day.isBefore(date);
    }

    public boolean during(LocalDate day) {
        return reached(day) && (until == null || !day.isAfter(until));
    }

    public static Milestone ofKey(String key) {
        for (Milestone m : values()) {
            if (m.key.equals(key)) {
                return m;
            }
        }
        throw new IllegalArgumentException("unknown milestone '" + key + "'");
    }
}
