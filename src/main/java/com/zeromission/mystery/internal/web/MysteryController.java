package com.zeromission.mystery.internal.web;

import com.zeromission.web.InvalidRequests;
import com.zeromission.web.ProblemDetails;
import java.net.URI;
import java.security.Principal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.zeromission.mystery.Completion;
import com.zeromission.mystery.MysteryShopping;
import com.zeromission.mystery.NewScenario;
import com.zeromission.mystery.Outcome;
import com.zeromission.mystery.Run;
import com.zeromission.mystery.RunCompletedException;
import com.zeromission.mystery.RunNotFoundException;
import com.zeromission.mystery.Scenario;
import com.zeromission.mystery.ScenarioNameTakenException;
import com.zeromission.mystery.ScenarioNotFoundException;
import com.zeromission.mystery.Step;
import com.zeromission.privacy.TextMasker;

/**
 * Mystery shopping over HTTP. A scenario or run created is a 201; a step recorded answers the run; completing answers
 * the signals its findings became (200 the first time and on every repeat, with {@code alreadyCompleted} saying
 * which). Bad input is a 400 naming the value, an unknown id a 404, a step on a completed run a 409.
 */
@RestController
@InvalidRequests(type = "https://zeromission.dev/problems/invalid-mystery-shopping-request", title = "Invalid mystery-shopping request")
@RequestMapping("/api/v1/mystery")
class MysteryController {

    static final URI COMPLETED = URI.create("https://zeromission.dev/problems/run-completed");
    static final URI TAKEN = URI.create("https://zeromission.dev/problems/scenario-name-taken");
    static final URI NOT_FOUND = URI.create("https://zeromission.dev/problems/not-found");

    private final MysteryShopping mystery;
    private final TextMasker masker;

    MysteryController(MysteryShopping mystery, TextMasker masker) {
        this.mystery = mystery;
        this.masker = masker;
    }

    record ScenarioRequest(String name, String market, String mode, String checkout, String payment, String card,
            List<String> steps) {
    }

    @GetMapping("/scenarios")
    List<Scenario> scenarios() {
        return mystery.scenarios();
    }

    /** {@code POST /api/v1/mystery/scenarios {"name":"SE online pay later","market":"SE","mode":"online",...}}. */
    @PostMapping("/scenarios")
    ResponseEntity<Scenario> create(@RequestBody ScenarioRequest body, Principal user) {
        var scenario = mystery.createScenario(NewScenario.parse(body.name(), body.market(), body.mode(), body.checkout(),
                body.payment(), body.card(), body.steps()), user.getName());
        return ResponseEntity.created(URI.create("/api/v1/mystery/scenarios/" + scenario.id())).body(scenario);
    }

    @GetMapping("/runs")
    List<Run> runs(@RequestParam(required = false) Long scenario, @RequestParam(defaultValue = "100") int limit) {
        return mystery.runs(scenario, limit);
    }

    @GetMapping("/runs/{id}")
    Run run(@PathVariable long id) {
        return mystery.run(id);
    }

    record StartRequest(Long scenarioId, String shopper, String date) {
    }

    /** {@code POST /api/v1/mystery/runs {"scenarioId":1,"shopper":"anna","date":"2026-11-20"}}; shopper defaults to the caller. */
    @PostMapping("/runs")
    ResponseEntity<Run> start(@RequestBody StartRequest body, Principal user) {
        if (body.scenarioId() == null) {
            throw new IllegalArgumentException("scenarioId is required: the id of the scenario to run");
        }
        String shopper = body.shopper() == null || body.shopper().isBlank() ? user.getName() : body.shopper();
        var run = mystery.start(body.scenarioId(), shopper, date("date", body.date()), user.getName());
        return ResponseEntity.created(URI.create("/api/v1/mystery/runs/" + run.id())).body(run);
    }

    record StepRequest(String step, String date, String outcome, String note) {
    }

    /** {@code POST /api/v1/mystery/runs/{id}/steps {"step":"reminder","date":"2026-11-25","outcome":"PROBLEM","note":"..."}}. */
    @PostMapping("/runs/{id}/steps")
    Run step(@PathVariable long id, @RequestBody StepRequest body, Principal user) {
        return mystery.record(id, Step.parse(body.step()), date("date", body.date()), Outcome.parse(body.outcome()),
                body.note(), user.getName());
    }

    record CompletionView(long runId, boolean alreadyCompleted, List<String> signalIds, Run run) {
    }

    /** {@code POST /api/v1/mystery/runs/{id}/complete}: answers the ids of the signals the findings became. */
    @PostMapping("/runs/{id}/complete")
    CompletionView complete(@PathVariable long id, Principal user) {
        var completion = mystery.complete(id, user.getName());
        return new CompletionView(id, completion instanceof Completion.AlreadyCompleted, completion.signalIds(),
                completion.run());
    }

    private static @Nullable LocalDate date(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(field + " must be a date (YYYY-MM-DD), was '"
                    + (value.length() > 40 ? value.substring(0, 40) + "…" : value) + "'");
        }
    }

    @ExceptionHandler(RunCompletedException.class)
    ProblemDetail completed(RunCompletedException e) {
        return problem(HttpStatus.CONFLICT, COMPLETED, "Run is completed", e);
    }

    @ExceptionHandler(ScenarioNameTakenException.class)
    ProblemDetail taken(ScenarioNameTakenException e) {
        return problem(HttpStatus.CONFLICT, TAKEN, "Scenario name taken", e);
    }

    @ExceptionHandler({RunNotFoundException.class, ScenarioNotFoundException.class})
    ProblemDetail notFound(RuntimeException e) {
        return problem(HttpStatus.NOT_FOUND, NOT_FOUND, "Not found", e);
    }

    /** Messages echo what was sent: masked like every other echoed value. */
    private ProblemDetail problem(HttpStatus status, URI type, String title, RuntimeException e) {
        return ProblemDetails.of(status, type, title, masker.mask(String.valueOf(e.getMessage())).text());
    }
}
