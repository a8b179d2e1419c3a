/**
 * Customer call-backs: each week, a call list of the customers who complained about that week's top problems, one
 * call per customer, by pseudonym and the contact route the source system holds (never a name or a phone number);
 * agents record each call's outcome with masked notes, and a reached call's note becomes evidence on an insight.
 * Public API: {@link com.zeromission.callbacks.Callbacks} and its value types; persistence, settings, the erasure
 * listener and HTTP live in {@code internal}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Callbacks",
        allowedDependencies = {"audit", "cadence", "insights", "intake", "privacy", "problems", "web"})
@org.jspecify.annotations.NullMarked
package com.zeromission.callbacks;
