package com.zeromission.alarms;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/** The figures an alert fired on, kept with the alert so that it can be checked later without re-running anything. */
public sealed interface Evidence permits Evidence.BurnRate, Evidence.Spike {

    /** Complaints and purchases of one scope over whole days {@code from} to {@code to}, both inclusive. */
    record Window(LocalDate from, LocalDate to, long complaints, long purchases) {
        public Window {
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(to, "to");
            if (to.isBefore(from)) {
                throw new IllegalArgumentException("window ends (" + to + ") before it starts (" + from + ")");
            }
            if (complaints < 0 || purchases < 0) {
                throw new IllegalArgumentException("counts must be >= 0, were " + complaints + " and " + purchases);
            }
        }

        public int days() {
            return (int) ChronoUnit.DAYS.between(from, to) + 1;
        }

        /** Complaints per million purchases, or null without purchases. */
        public Double cpm() {
            return purchases == 0 ? null : complaints * 1e6 / purchases;
        }
    }

    /**
     * A burn-rate alert's figures: the target, the threshold, and both windows. Burn rate = window CPM / target CPM,
     * that is complaints divided by the complaints the target allows for the window's purchases.
     */
    record BurnRate(double targetCpm, double threshold, Window longWindow, Window shortWindow) implements Evidence {
        public BurnRate {
            Objects.requireNonNull(longWindow, "longWindow");
            Objects.requireNonNull(shortWindow, "shortWindow");
            if (!(targetCpm > 0) || !(threshold > 0)) {
                throw new IllegalArgumentException("target and threshold must be > 0, were " + targetCpm + " and " + threshold);
            }
        }

        public double longBurnRate() {
            return burnRate(longWindow, targetCpm);
        }

        public double shortBurnRate() {
            return burnRate(shortWindow, targetCpm);
        }

        /** Complaints over the budget the target allows for the window's purchases (0 without purchases). */
        public static double burnRate(Window w, double targetCpm) {
            double budget = targetCpm * w.purchases() / 1e6;
            return budget == 0 ? 0 : w.complaints() / budget;
        }
    }

    /**
     * What a spike window is compared with: {@code days} days between {@code from} and {@code to} (all of them, or the
     * same weekday of each week), as {@code description} says.
     */
    record Baseline(String description, LocalDate from, LocalDate to, int days, long complaints, long purchases) {
        public Baseline {
            Objects.requireNonNull(description, "description");
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(to, "to");
            if (to.isBefore(from) || days < 1 || days > ChronoUnit.DAYS.between(from, to) + 1) {
                throw new IllegalArgumentException("a baseline of " + days + " days cannot lie between " + from + " and " + to);
            }
            if (complaints < 0 || purchases < 0) {
                throw new IllegalArgumentException("counts must be >= 0, were " + complaints + " and " + purchases);
            }
        }

        public Double cpm() {
            return purchases == 0 ? null : complaints * 1e6 / purchases;
        }
    }

    /**
     * A spike alert's figures: the window under test, the baseline before it, the complaints the baseline rate
     * predicts for the window's purchases, and the one-sided p-value of seeing at least this many.
     */
    record Spike(Window window, Baseline baseline, double pValue, double maxPValue, long minComplaints) implements Evidence {
        public Spike {
            Objects.requireNonNull(window, "window");
            Objects.requireNonNull(baseline, "baseline");
            if (!(pValue >= 0 && pValue <= 1)) {
                throw new IllegalArgumentException("pValue must be in [0, 1], was " + pValue);
            }
        }

        /** Complaints the baseline's rate predicts for the window's purchases. */
        public double expected() {
            return baseline.purchases() == 0 ? 0 : (double) baseline.complaints() * window.purchases() / baseline.purchases();
        }
    }
}
