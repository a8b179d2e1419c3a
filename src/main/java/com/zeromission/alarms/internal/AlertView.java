package com.zeromission.alarms.internal;

import java.time.Instant;
import java.time.LocalDate;

import com.zeromission.alarms.Alert;
import com.zeromission.alarms.Evidence;
import com.zeromission.markets.Scope;

/**
 * An alert as the API and the webhook show it: stable lower-case codes, and the figures behind it spelt out (rates,
 * expected counts), so that a receiver needs no knowledge of the rules to read it.
 */
public record AlertView(String id, String kind, String rule, String severity, ScopeView scope, String state,
        String summary, LocalDate firedOn, Instant firedAt, LocalDate clearedOn, Instant clearedAt, String clearReason,
        BurnRateView burnRate, SpikeView spike) {

    public record ScopeView(String market, String product, String description) {
        static ScopeView of(Scope s) {
            return new ScopeView(s.market(), s.product(), s.describe());
        }
    }

    public record WindowView(LocalDate from, LocalDate to, int days, long complaints, long purchases, Double cpm,
            Double burnRate) {
        static WindowView of(Evidence.Window w, Double burnRate) {
            return new WindowView(w.from(), w.to(), w.days(), w.complaints(), w.purchases(), w.cpm(), burnRate);
        }
    }

    public record BurnRateView(double targetCpm, double threshold, WindowView longWindow, WindowView shortWindow) {
    }

    public record BaselineView(String description, LocalDate from, LocalDate to, int days, long complaints,
            long purchases, Double cpm) {
        static BaselineView of(Evidence.Baseline b) {
            return new BaselineView(b.description(), b.from(), b.to(), b.days(), b.complaints(), b.purchases(), b.cpm());
        }
    }

    public record SpikeView(WindowView window, BaselineView baseline, double expected, Double ratio, double pValue,
            double maxPValue, long minComplaints) {
    }

    public static AlertView of(Alert a) {
        BurnRateView burn = null;
        SpikeView spike = null;
        switch (a.evidence()) {
            case Evidence.BurnRate b -> burn = new BurnRateView(b.targetCpm(), b.threshold(),
                    WindowView.of(b.longWindow(), b.longBurnRate()), WindowView.of(b.shortWindow(), b.shortBurnRate()));
            case Evidence.Spike s -> spike = new SpikeView(WindowView.of(s.window(), null), BaselineView.of(s.baseline()),
                    s.expected(), s.expected() == 0 ? null : s.window().complaints() / s.expected(), s.pValue(),
                    s.maxPValue(), s.minComplaints());
        }
        return new AlertView(a.id().toString(), a.kind().code(), a.rule(), a.severity().code(), ScopeView.of(a.scope()),
                a.state().code(), a.summary(), a.firedOn(), a.firedAt(), a.clearedOn(), a.clearedAt(), a.clearReason(),
                burn, spike);
    }
}
