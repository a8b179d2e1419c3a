package com.zeromission.metrics;

import java.time.LocalDate;

import com.zeromission.markets.Scope;

/**
 * Where a year stands against its CPM target on {@code asOf}: the figures so far with their 95 % interval, the
 * complaint budget (complaints the target allows for the purchases so far) and how much of it is used, a projection
 * of the full year, and last year's CPM for comparison.
 */
public record TargetProgress(int year, Scope scope, double target, LocalDate asOf, long complaints, long purchases,
        Double cpm, Double lower, Double upper, double budgetSoFar, Double budgetUsedPercent, long projectedPurchases,
        double projectedComplaints, Double projectedCpm, boolean onTrack, Double lastYearCpm, Double changePercent,
        String summary) {
}
