package com.zeromission.alarms;

/** What one evaluation did to one alert. */
public sealed interface Transition permits Transition.Fired, Transition.Cleared, Transition.Unchanged {

    /** The condition started to hold: a new open alert. */
    record Fired(Alert alert) implements Transition {
    }

    /** The condition no longer holds (or is no longer evaluated): the open alert is closed. */
    record Cleared(Alert alert) implements Transition {
    }

    /**
     * Nothing changed for an open alert: its condition still holds, or the figures allow no decision (too few
     * purchases, no figures yet), in which case {@code reason} says why. An alert is never opened or closed on figures
     * too thin to decide on.
     */
    record Unchanged(Alert alert, String reason) implements Transition {
    }
}
