package com.zeromission.mystery;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import com.zeromission.audit.AuditLog;
import com.zeromission.intake.Channel;
import com.zeromission.intake.IntakeOutcome;
import com.zeromission.intake.IntakeService;
import com.zeromission.intake.SignalSubmission;
import com.zeromission.mystery.internal.MysteryRepository;
import com.zeromission.privacy.TextMasker;

/**
 * Mystery shopping: the success team buys as a customer would, following a scenario, and records what happened after
 * the purchase step by step. A step with a problem is a finding; completing the run turns every finding into a
 * {@code mystery-shopping} signal through intake, in the transaction that completes the run, so a run is either
 * completed with all its signals or not completed at all. Intake is idempotent on (source, source id), and a finding's
 * source id is its run and step, so completing again, or retrying after a failure, adds no signal twice.
 */
@Service
public class MysteryShopping {

    /** The source of every mystery-shopping signal. */
    public static final String SOURCE = "mystery-shopping";
    public static final int MAX_NOTE = 2000, MAX_LIST = 500;

    /** Notes are masked before they are stored: a shopper may paste an e-mail with the merchant's or their own address. */
    private static final TextMasker MASKER = TextMasker.standard();

    private final MysteryRepository repository;
    private final IntakeService intake;
    private final AuditLog audit;
    private final TransactionTemplate tx;
    private final Clock clock;

    MysteryShopping(MysteryRepository repository, IntakeService intake, AuditLog audit, TransactionTemplate tx, Clock clock) {
        this.repository = repository;
        this.intake = intake;
        this.audit = audit;
        this.tx = tx;
        this.clock = clock;
    }

    // ---- scenarios -------------------------------------------------------------------------------------------

    public Scenario createScenario(NewScenario scenario, String actor) {
        return tx.execute(s -> {
            repository.scenarioNamed(scenario.name()).ifPresent(existing -> {
                throw new ScenarioNameTakenException(scenario.name(), existing.id());
            });
            long id = repository.insertScenario(scenario, actor, clock.instant());
            audit.record(actor, "mystery.scenario.create", "scenario " + id, scenario.name() + ": "
                    + scenario.market().code() + ", " + scenario.mode().code() + ", " + scenario.payment().code());
            return repository.scenario(id).orElseThrow();
        });
    }

    public List<Scenario> scenarios() {
        return repository.scenarios();
    }

    public Scenario scenario(long id) {
        return repository.scenario(id).orElseThrow(() -> new ScenarioNotFoundException(id));
    }

    // ---- runs ------------------------------------------------------------------------------------------------

    /** Starts a run of a scenario by {@code shopper} on {@code date} (today when absent); it is in progress until completed. */
    public Run start(long scenarioId, String shopper, LocalDate date, String actor) {
        String who = Run.user("shopper", shopper);
        LocalDate today = today();
        LocalDate day = date == null ? today : date;
        if (day.isAfter(today)) {
            throw new IllegalArgumentException("date " + day + " lies in the future (today is " + today
                    + "); a run is started on the day of the purchase");
        }
        return tx.execute(s -> {
            var scenario = scenario(scenarioId);
            long id = repository.insertRun(scenario.id(), who, day, actor, clock.instant());
            audit.record(actor, "mystery.run.start", "run " + id, "scenario " + scenario.id() + " (" + scenario.name()
                    + ") by " + who + " on " + day);
            return repository.run(id, false).orElseThrow();
        });
    }

    public Run run(long id) {
        return repository.run(id, false).orElseThrow(() -> new RunNotFoundException(id));
    }

    /** The newest runs first; {@code scenarioId} narrows them to one scenario's. */
    public List<Run> runs(Long scenarioId, int limit) {
        if (limit < 1 || limit > MAX_LIST) {
            throw new IllegalArgumentException("limit must be between 1 and " + MAX_LIST + ", was " + limit);
        }
        if (scenarioId != null) {
            scenario(scenarioId);
        }
        return repository.runs(scenarioId, limit);
    }

    /**
     * Records what happened at one step of a run in progress (recorded again, it replaces what was there). The step
     * must be one of the scenario's; its date lies between the run's date and today; a problem needs a note, which
     * becomes the signal's text. The note is masked before it is stored.
     */
    public Run record(long runId, Step step, LocalDate date, Outcome outcome, String note, String actor) {
        if (step == null) {
            throw new IllegalArgumentException("step is required; one of " + Codes.allowed(Step.class));
        }
        if (outcome == null) {
            throw new IllegalArgumentException("outcome is required; one of " + Codes.allowed(Outcome.class));
        }
        String text = note == null ? null : note.replace("\r\n", "\n").strip();
        if (text != null && text.isEmpty()) {
            text = null;
        }
        if (text != null && (text.length() > MAX_NOTE || text.indexOf('\0') >= 0)) {
            throw new IllegalArgumentException("note must be at most " + MAX_NOTE + " characters without NUL, was "
                    + text.length());
        }
        if (outcome == Outcome.PROBLEM && text == null) {
            throw new IllegalArgumentException("a PROBLEM at step " + step.code() + " needs a note saying what happened: "
                    + "it becomes the signal's text");
        }
        String masked = text == null ? null : MASKER.mask(text).text();
        LocalDate today = today();
        return tx.execute(s -> {
            var run = repository.run(runId, true).orElseThrow(() -> new RunNotFoundException(runId));
            if (!run.inProgress()) {
                throw new RunCompletedException(runId, run.completedAt());
            }
            var scenario = scenario(run.scenarioId());
            if (!scenario.steps().contains(step)) {
                throw new IllegalArgumentException("step " + step.code() + " is not one of scenario " + scenario.id()
                        + "'s steps (" + String.join(", ", scenario.steps().stream().map(Step::code).toList()) + ")");
            }
            LocalDate day = date == null ? today : date;
            if (day.isBefore(run.date()) || day.isAfter(today)) {
                throw new IllegalArgumentException("date " + day + " must lie between the run's date " + run.date()
                        + " and today " + today);
            }
            repository.saveStep(runId, new StepRecord(step, day, outcome, masked, actor, clock.instant(), null));
            return repository.run(runId, false).orElseThrow();
        });
    }

    /**
     * Completes a run: it is recorded as completed and each finding becomes a signal, in one transaction. A run
     * completed before answers {@link Completion.AlreadyCompleted} with the signals it produced; its findings are
     * handed to intake again all the same, which answers with the stored signals and stores nothing, so a completion
     * whose answer was lost can be retried safely.
     */
    public Completion complete(long runId, String actor) {
        return tx.execute(s -> {
            var run = repository.run(runId, true).orElseThrow(() -> new RunNotFoundException(runId));
            boolean first = run.inProgress();
            var scenario = scenario(run.scenarioId());
            if (first) {
                repository.complete(runId, actor, clock.instant());
            }
            var ids = new ArrayList<String>();
            for (StepRecord finding : run.findings()) {
                String id = signalId(intake.accept(submission(run, scenario, finding)));
                if (!id.equals(finding.signalId())) {
                    repository.setSignal(runId, finding.step(), id);
                }
                ids.add(id);
            }
            var done = repository.run(runId, false).orElseThrow();
            if (first) {
                audit.record(actor, "mystery.run.complete", "run " + runId, run.steps().size() + " steps recorded, "
                        + ids.size() + " findings became signals");
                return new Completion.Completed(done, ids);
            }
            return new Completion.AlreadyCompleted(done, ids);
        });
    }

    /** The signal a finding becomes: the scenario's market and product, the step's journey stage, the masked note. */
    static SignalSubmission submission(Run run, Scenario scenario, StepRecord finding) {
        // Received on the day the shopper saw it happen; the time of day is not recorded, so the day's start (UTC).
        Instant received = finding.date().atStartOfDay(ZoneOffset.UTC).toInstant();
        return new SignalSubmission(SOURCE, run.sourceId(finding.step()), Channel.MYSTERY_SHOPPING, scenario.market(),
                scenario.product(), finding.step().journeyStage(), received, null, finding.note(), null, List.of(), null);
    }

    private static String signalId(IntakeOutcome outcome) {
        return switch (outcome) {
            case IntakeOutcome.Created c -> c.signal().id().toString();
            case IntakeOutcome.Replayed r -> r.signal().id().toString();
            // accept() throws on a conflict rather than answering it (a completed run's findings never change, so
            // it would mean somebody else used our source id); the case is here because the outcome type is closed.
            case IntakeOutcome.Conflicted c -> c.existing().toString();
        };
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    }
}
