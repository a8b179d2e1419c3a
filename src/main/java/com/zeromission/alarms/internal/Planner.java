package com.zeromission.alarms.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

import com.zeromission.alarms.AlertKind;

/**
 * The alert life cycle as a pure function: given what is open and what the rules decided, what opens, what closes and
 * what stays. Shared by the stored evaluation and the in-memory replay, so both follow the same rules exactly.
 *
 * <ul>
 * <li>firing, nothing open: open a new alert</li>
 * <li>firing, already open: keep it (re-evaluation never duplicates an alert)</li>
 * <li>quiet, open: close it, on the day the condition stopped holding</li>
 * <li>undecided, open: keep it (too few purchases or no figures is not evidence that the problem is gone)</li>
 * <li>open, but no rule decided about it any more (its scope lost its target, its slice has no figures any more, or its
 * rule was retired): close it on {@code latest}, saying so</li>
 * </ul>
 */
public final class Planner {

    private Planner() {
    }

    public sealed interface Step<T> permits Open, Close, Keep {
    }

    public record Open<T>(Decision.Firing firing) implements Step<T> {
    }

    public record Close<T>(T alert, LocalDate on, String reason) implements Step<T> {
    }

    public record Keep<T>(T alert, String reason) implements Step<T> {
    }

    public static <T> List<Step<T>> plan(Map<AlertKey, T> open, List<Decision> decisions, LocalDate latest) {
        var steps = new ArrayList<Step<T>>();
        var decided = new HashSet<AlertKey>();
        for (Decision d : decisions) {
            if (!decided.add(d.key())) {
                throw new IllegalArgumentException("two decisions for " + d.key());
            }
            T current = open.get(d.key());
            switch (d) {
                case Decision.Firing f -> steps.add(current == null ? new Open<>(f) : new Keep<>(current, "still firing: " + f.summary()));
                case Decision.Quiet q -> {
                    if (current != null) {
                        steps.add(new Close<>(current, q.asOf(), q.why()));
                    }
                }
                case Decision.Undecided u -> {
                    if (current != null) {
                        steps.add(new Keep<>(current, "no decision: " + u.reason()));
                    }
                }
            }
        }
        open.forEach((key, alert) -> {
            if (!decided.contains(key)) {
                steps.add(new Close<>(alert, latest, key.kind() == AlertKind.BURN_RATE
                        ? "no longer evaluated: " + key.scope().describe() + " has no CPM target for " + latest.getYear()
                        : "no longer evaluated: no figures for " + key.scope().describe() + " any more, or its rule was retired"));
            }
        });
        return steps;
    }
}
