package com.zeromission.alarms;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

import com.zeromission.markets.Scope;

/**
 * What the rules would have done day by day between two days, computed from the stored figures without storing or
 * sending anything: each episode is one alert from the day it would have fired to the day it would have cleared
 * ({@code clearedOn} null when still open on {@code to}). For tuning and for reading history, e.g. the demo's chat
 * outage.
 */
public record Replay(LocalDate from, LocalDate to, List<Episode> episodes) {

    /** The longest replay: one year and a day (a leap year with one day either side). */
    public static final int MAX_DAYS = 367;

    public record Episode(AlertKind kind, String rule, Severity severity, Scope scope, LocalDate firedOn,
            LocalDate clearedOn, String summary, String clearReason) {
    }

    public Replay {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        episodes = List.copyOf(episodes);
    }
}
