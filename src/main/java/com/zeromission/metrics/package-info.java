/**
 * Metrics: complaints per million purchases (CPM), the north-star number. Purchases (the denominator) come in per
 * day, market and product; complaints (the numerator) are counted into daily roll-ups as signals are stored. Public
 * API: {@link com.zeromission.metrics.CpmService}, {@link com.zeromission.metrics.Purchases},
 * {@link com.zeromission.metrics.Targets} and their value types.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Metrics",
        allowedDependencies = {"intake", "privacy", "web"})
@org.jspecify.annotations.NullMarked
package com.zeromission.metrics;
