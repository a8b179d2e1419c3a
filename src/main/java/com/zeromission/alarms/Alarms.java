package com.zeromission.alarms;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.locks.ReentrantLock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import com.zeromission.alarms.internal.AlertKey;
import com.zeromission.alarms.internal.AlertOutbox;
import com.zeromission.alarms.internal.AlertRepository;
import com.zeromission.alarms.internal.Decision;
import com.zeromission.alarms.internal.Detector;
import com.zeromission.alarms.internal.Figures;
import com.zeromission.alarms.internal.Planner;
import com.zeromission.markets.Scope;
import com.zeromission.metrics.CpmService;
import com.zeromission.metrics.Targets;

/**
 * Evaluates the alarm rules against the CPM figures, keeps the stored alerts in step with them, and hands fire and
 * clear events to the webhook outbox. Evaluations are "as of" the last complete day: yesterday by the injected clock
 * (UTC), or an earlier day for a scope whose purchase figures for yesterday have not arrived yet.
 */
@Service
public class Alarms {

    private static final Logger log = LoggerFactory.getLogger(Alarms.class);

    /** Why an evaluation ran; recorded with it. */
    public enum Trigger {
        SCHEDULE, API, STARTUP;

        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public static final int MAX_LIST = 1_000;

    private final CpmService cpm;
    private final Targets targets;
    private final AlertRepository alerts;
    private final AlertOutbox outbox;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final Detector detector = new Detector();
    /** One evaluation at a time in this process; across processes the unique open_key keeps alerts single. */
    private final ReentrantLock evaluating = new ReentrantLock();

    public Alarms(CpmService cpm, Targets targets, AlertRepository alerts, AlertOutbox outbox, TransactionTemplate tx,
            Clock clock) {
        this.cpm = cpm;
        this.targets = targets;
        this.alerts = alerts;
        this.outbox = outbox;
        this.tx = tx;
        this.clock = clock;
    }

    /** Yesterday by the clock, in UTC: the last day that can be complete. */
    public LocalDate yesterday() {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).minusDays(1);
    }

    /** Evaluates every rule as of yesterday and stores what fired and cleared. */
    public Evaluation evaluate(Trigger trigger) {
        evaluating.lock();
        try {
            // Databases keep microseconds: what the API answers now must equal what it reads back later.
            Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
            LocalDate latest = yesterday();
            List<Decision> decisions = decide(latest);
            Evaluation evaluation = tx.execute(status -> apply(decisions, latest, now, trigger));
            log.info("Alarm evaluation ({}) as of {}: {} fired, {} cleared, {} still open ({} checks, {} undecided)",
                    trigger.code(), latest, evaluation.fired().size(), evaluation.cleared().size(),
                    evaluation.stillOpen().size(), evaluation.checks(), evaluation.undecided().size());
            return evaluation;
        } finally {
            evaluating.unlock();
        }
    }

    /** The day the last evaluation was as of, if any ran. */
    public java.util.Optional<LocalDate> lastEvaluatedDay() {
        return alerts.lastRunAsOf();
    }

    public List<Alert> list(boolean includeCleared, int limit) {
        if (limit < 1 || limit > MAX_LIST) {
            throw new IllegalArgumentException("limit must be between 1 and " + MAX_LIST + ", was " + limit);
        }
        return alerts.list(includeCleared, limit);
    }

    public java.util.Optional<Alert> find(UUID id) {
        return alerts.find(id);
    }

    /**
     * Runs the rules day by day from {@code from} to {@code to} on the stored figures, as if an evaluation had run
     * each following night, starting with no open alerts. Nothing is stored or sent.
     */
    public Replay replay(LocalDate from, LocalDate to) {
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("to (" + to + ") is before from (" + from + ")");
        }
        if (ChronoUnit.DAYS.between(from, to) + 1 > Replay.MAX_DAYS) {
            throw new IllegalArgumentException("a replay covers at most " + Replay.MAX_DAYS + " days, " + from + " to "
                    + to + " is " + (ChronoUnit.DAYS.between(from, to) + 1));
        }
        Figures figures = Figures.load(cpm, detector.firstDayNeeded(from), to);
        var targetsByYear = new HashMap<Integer, Map<Scope, Double>>();
        var open = new LinkedHashMap<AlertKey, Replay.Episode>();
        var episodes = new ArrayList<Replay.Episode>();
        for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
            var targetCpm = targetsByYear.computeIfAbsent(day.getYear(), this::targets);
            var decisions = detector.decide(figures, day, targetCpm);
            for (var step : Planner.plan(open, decisions, day)) {
                switch (step) {
                    case Planner.Open<Replay.Episode> o -> {
                        var f = o.firing();
                        var e = new Replay.Episode(f.key().kind(), f.key().rule(), f.severity(), f.key().scope(), f.asOf(),
                                null, f.summary(), null);
                        open.put(f.key(), e);
                    }
                    case Planner.Close<Replay.Episode> c -> {
                        var e = c.alert();
                        open.remove(new AlertKey(e.kind(), e.rule(), e.scope()));
                        episodes.add(new Replay.Episode(e.kind(), e.rule(), e.severity(), e.scope(), e.firedOn(), c.on(),
                                e.summary(), c.reason()));
                    }
                    case Planner.Keep<Replay.Episode> k -> {
                        // still open
                    }
                }
            }
        }
        episodes.addAll(open.values());
        episodes.sort(java.util.Comparator.comparing(Replay.Episode::firedOn)
                .thenComparing(e -> e.kind().ordinal()).thenComparing(Replay.Episode::rule)
                .thenComparing(e -> e.scope().market()).thenComparing(e -> e.scope().product()));
        return new Replay(from, to, episodes);
    }

    private List<Decision> decide(LocalDate latest) {
        Figures figures = Figures.load(cpm, detector.firstDayNeeded(latest), latest);
        return detector.decide(figures, latest, targets(latest.getYear()));
    }

    private Map<Scope, Double> targets(int year) {
        var map = new LinkedHashMap<Scope, Double>();
        for (Targets.Target t : targets.list(year)) {
            map.put(t.scope(), t.cpm().doubleValue());
        }
        return map;
    }

    private Evaluation apply(List<Decision> decisions, LocalDate latest, Instant now, Trigger trigger) {
        var open = new LinkedHashMap<AlertKey, Alert>();
        for (Alert a : alerts.open()) {
            open.put(new AlertKey(a.kind(), a.rule(), a.scope()), a);
        }
        var transitions = new ArrayList<Transition>();
        for (var step : Planner.plan(open, decisions, latest)) {
            switch (step) {
                case Planner.Open<Alert> o -> {
                    var f = o.firing();
                    var alert = new Alert(UUID.randomUUID(), f.key().kind(), f.key().rule(), f.severity(), f.key().scope(),
                            AlertState.OPEN, f.summary(), f.evidence(), f.asOf(), now, null, null, null);
                    if (alerts.insertOpen(alert)) {
                        outbox.enqueue(alert, AlertOutbox.FIRED, now);
                        transitions.add(new Transition.Fired(alert));
                    }
                    // else another evaluation opened it a moment ago: it is open, which is all that was wanted
                }
                case Planner.Close<Alert> c -> {
                    var alert = c.alert().cleared(c.on(), now, c.reason());
                    if (alerts.clear(alert.id(), c.on(), now, c.reason())) {
                        outbox.enqueue(alert, AlertOutbox.CLEARED, now);
                        transitions.add(new Transition.Cleared(alert));
                    }
                }
                case Planner.Keep<Alert> k -> transitions.add(new Transition.Unchanged(k.alert(), k.reason()));
            }
        }
        var undecided = decisions.stream().filter(d -> d instanceof Decision.Undecided).map(d -> (Decision.Undecided) d)
                .map(u -> new Evaluation.NoDecision(u.key().kind(), u.key().rule(), u.key().scope(), u.reason())).toList();
        var evaluation = new Evaluation(now, latest, decisions.size(), transitions, undecided);
        alerts.recordRun(evaluation, trigger.code());
        return evaluation;
    }
}
