package com.zeromission.metrics;

import java.time.LocalDate;

/**
 * CPM for one period and slice, with the counts behind it and a 95 % Poisson (Garwood, exact) interval. A slice
 * dimension that was not asked for is null. {@code cpm} and its bounds are null when there were no purchases.
 * {@code previousYearCpm} and {@code changePercent} compare with the same period one year earlier.
 */
public record CpmRow(Period period, LocalDate start, String label, String market, String product, String channel,
        long complaints, long purchases, Double cpm, Double lower, Double upper, Double previousYearCpm,
        Double changePercent) {
}
