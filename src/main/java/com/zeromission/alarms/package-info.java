/**
 * Alarms: error-budget burn-rate alerts on complaints per million purchases (in the style of the Google SRE
 * workbook, adapted to daily purchase counts) and spike alerts for one market and product against its own recent
 * baseline. Alerts are stored, listed over the API and delivered to a webhook through an outbox. Public API:
 * {@link com.zeromission.alarms.Alarms} and its value types; the rules, detectors, storage and delivery are internal.
 * Reads figures only through the public API of the metrics module.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Alarms",
        allowedDependencies = {"intake", "metrics", "outbound", "privacy", "web"})
@org.jspecify.annotations.NullMarked
package com.zeromission.alarms;
