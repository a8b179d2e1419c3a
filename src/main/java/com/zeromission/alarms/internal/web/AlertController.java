package com.zeromission.alarms.internal.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.zeromission.alarms.Alarms;
import com.zeromission.alarms.Evaluation;
import com.zeromission.alarms.Replay;
import com.zeromission.alarms.Transition;
import com.zeromission.alarms.internal.AlertView;
import com.zeromission.web.InvalidParametersException;
import com.zeromission.web.InvalidRequests;
import com.zeromission.web.ParameterError;

/** Alerts over HTTP: list them, evaluate now, replay history. Bad input is a 400 naming the parameter and value. */
@RestController
// every parameter is checked here and named in the answer; a value refused elsewhere is a generic error
@InvalidRequests(type = "https://zeromission.dev/problems/invalid-alerts-request", title = "Invalid alerts request",
        valueRefusals = false)
@RequestMapping("/api/v1/alerts")
class AlertController {


    private final Alarms alarms;

    AlertController(Alarms alarms) {
        this.alarms = alarms;
    }

    record AlertList(String state, int count, List<AlertView> alerts) {
    }

    /** {@code GET /api/v1/alerts?state=open|all&limit=100}: open alerts (default) or all, most recent first. */
    @GetMapping
    AlertList list(@RequestParam(defaultValue = "open") String state, @RequestParam(defaultValue = "100") String limit) {
        var errors = new ArrayList<ParameterError>();
        String s = state.strip().toLowerCase(Locale.ROOT);
        if (!s.equals("open") && !s.equals("all")) {
            errors.add(new ParameterError("state", state, "must be 'open' or 'all'"));
        }
        Integer n = null;
        try {
            n = Integer.valueOf(limit.strip());
            if (n < 1 || n > Alarms.MAX_LIST) {
                errors.add(new ParameterError("limit", limit, "must be between 1 and " + Alarms.MAX_LIST));
            }
        } catch (NumberFormatException e) {
            errors.add(new ParameterError("limit", limit, "must be a whole number between 1 and " + Alarms.MAX_LIST));
        }
        if (!errors.isEmpty()) {
            throw new InvalidParametersException(errors);
        }
        var alerts = alarms.list(s.equals("all"), n).stream().map(AlertView::of).toList();
        return new AlertList(s, alerts.size(), alerts);
    }

    record Undecided(String kind, String rule, AlertView.ScopeView scope, String reason) {
    }

    record EvaluationView(Instant evaluatedAt, LocalDate asOf, int checks, List<AlertView> fired,
            List<AlertView> cleared, List<AlertView> stillOpen, List<Undecided> undecided) {
    }

    /** {@code POST /api/v1/alerts/evaluate}: evaluate every rule now (as of yesterday) and say what changed. */
    @PostMapping("/evaluate")
    EvaluationView evaluate() {
        Evaluation e = alarms.evaluate(Alarms.Trigger.API);
        var fired = new ArrayList<AlertView>();
        var cleared = new ArrayList<AlertView>();
        var open = new ArrayList<AlertView>();
        for (Transition t : e.transitions()) {
            switch (t) {
                case Transition.Fired f -> fired.add(AlertView.of(f.alert()));
                case Transition.Cleared c -> cleared.add(AlertView.of(c.alert()));
                case Transition.Unchanged u -> open.add(AlertView.of(u.alert()));
            }
        }
        var undecided = e.undecided().stream().map(u -> new Undecided(u.kind().code(), u.rule(),
                new AlertView.ScopeView(u.scope().market(), u.scope().product(), u.scope().describe()), u.reason())).toList();
        return new EvaluationView(e.evaluatedAt(), e.asOf(), e.checks(), fired, cleared, open, undecided);
    }

    record EpisodeView(String kind, String rule, String severity, AlertView.ScopeView scope, LocalDate firedOn,
            LocalDate clearedOn, String summary, String clearReason) {
    }

    record ReplayView(LocalDate from, LocalDate to, int count, List<EpisodeView> episodes) {
    }

    /**
     * {@code GET /api/v1/alerts/replay?from=2026-09-01&to=2026-10-31}: what the rules would have fired and cleared day
     * by day over stored history. Nothing is stored or sent.
     */
    @GetMapping("/replay")
    ReplayView replay(@RequestParam(required = false) String from, @RequestParam(required = false) String to) {
        var errors = new ArrayList<ParameterError>();
        LocalDate f = date(errors, "from", from), t = date(errors, "to", to);
        if (f != null && t != null && t.isBefore(f)) {
            errors.add(new ParameterError("to", to, "is before from (" + from + ")"));
        } else if (f != null && t != null && java.time.temporal.ChronoUnit.DAYS.between(f, t) + 1 > Replay.MAX_DAYS) {
            errors.add(new ParameterError("to", to, "is more than " + Replay.MAX_DAYS
                    + " days after from (" + from + ")"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidParametersException(errors);
        }
        Replay r = alarms.replay(f, t);
        var episodes = r.episodes().stream().map(e -> new EpisodeView(e.kind().code(), e.rule(), e.severity().code(),
                new AlertView.ScopeView(e.scope().market(), e.scope().product(), e.scope().describe()), e.firedOn(),
                e.clearedOn(), e.summary(), e.clearReason())).toList();
        return new ReplayView(r.from(), r.to(), episodes.size(), episodes);
    }

    private static @Nullable LocalDate date(List<ParameterError> errors, String name, String value) {
        if (value == null || value.isBlank()) {
            errors.add(new ParameterError(name, value, "is required (YYYY-MM-DD)"));
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            errors.add(new ParameterError(name, value, "is not a date (YYYY-MM-DD)"));
            return null;
        }
    }
}
