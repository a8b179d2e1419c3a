package com.zeromission.problems.internal.web;

import java.net.URI;
import java.security.Principal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.zeromission.privacy.TextMasker;
import com.zeromission.problems.Problem;
import com.zeromission.problems.ProblemChangeRefusedException;
import com.zeromission.problems.ProblemEvent;
import com.zeromission.problems.ProblemEventNotFoundException;
import com.zeromission.problems.ProblemId;
import com.zeromission.problems.ProblemNotFoundException;
import com.zeromission.problems.ProblemState;
import com.zeromission.problems.ProblemViews;
import com.zeromission.problems.Problems;
import com.zeromission.problems.TopOrder;
import com.zeromission.web.InvalidParametersException;
import com.zeromission.web.InvalidRequests;
import com.zeromission.web.ParameterError;
import com.zeromission.web.ProblemDetails;

/**
 * Problems over HTTP: the week's top problems, emerging ones and regressions, one problem with its examples and
 * counts, and the analysts' operations. Bad input is a 400 naming the parameter and its value; an operation the
 * problem's state does not allow is a 409 that says why; nothing is changed in either case.
 */
@RestController
@InvalidRequests(type = "https://zeromission.dev/problems/invalid-problems-request", title = "Invalid problems request")
@RequestMapping("/api/v1/problems")
class ProblemController {

    static final URI BAD_REQUEST = URI.create("https://zeromission.dev/problems/invalid-problems-request");
    static final URI REFUSED = URI.create("https://zeromission.dev/problems/problem-change-refused");
    static final URI NOT_FOUND = URI.create("https://zeromission.dev/problems/problem-not-found");

    private final Problems problems;
    private final TextMasker masker;

    ProblemController(Problems problems, TextMasker masker) {
        this.problems = problems;
        this.masker = masker;
    }

    record ProblemList(int count, List<Problem> problems) {
    }

    /** {@code GET /api/v1/problems?state=open,regressed&limit=50}: problems, largest first. */
    @GetMapping
    ProblemList list(@RequestParam(defaultValue = "open,regressed") String state, @RequestParam(defaultValue = "50") String limit) {
        var errors = new ArrayList<ParameterError>();
        var states = new ArrayList<ProblemState>();
        for (String s : state.split(",")) {
            if (!s.isBlank()) {
                try {
                    states.add(ProblemState.parse(s));
                } catch (IllegalArgumentException e) {
                    errors.add(new ParameterError("state", masked(s), e.getMessage()));
                }
            }
        }
        int n = limit(errors, limit);
        check(errors);
        var list = problems.list(states, n);
        return new ProblemList(list.size(), list);
    }

    /** {@code GET /api/v1/problems/top?week=2026-11-16&sort=complaints|signals&limit=10}; default: last full week. */
    @GetMapping("/top")
    ProblemViews.WeeklyTop top(@RequestParam(required = false) String week, @RequestParam(defaultValue = "complaints") String sort,
            @RequestParam(defaultValue = "10") String limit) {
        var errors = new ArrayList<ParameterError>();
        LocalDate w = week(errors, week);
        int n = limit(errors, limit);
        TopOrder s = null;
        try {
            s = TopOrder.parse(sort);
        } catch (IllegalArgumentException e) {
            errors.add(new ParameterError("sort", masked(sort), "must be complaints, cpm or signals"));
        }
        check(errors);
        return problems.top(w, s, n);
    }

    /** {@code GET /api/v1/problems/emerging?week=2026-11-16}: spikes against each problem's own baseline. */
    @GetMapping("/emerging")
    ProblemViews.EmergingReport emerging(@RequestParam(required = false) String week) {
        var errors = new ArrayList<ParameterError>();
        LocalDate w = week(errors, week);
        check(errors);
        return problems.emerging(w);
    }

    /** {@code GET /api/v1/problems/regressions}: resolved problems whose signals came back. */
    @GetMapping("/regressions")
    List<ProblemViews.Regression> regressions() {
        return problems.regressions();
    }

    /** {@code GET /api/v1/problems/merges?limit=50}: the latest merges, automatic and by analysts, with undo state. */
    @GetMapping("/merges")
    List<ProblemEvent> merges(@RequestParam(defaultValue = "50") String limit) {
        var errors = new ArrayList<ParameterError>();
        int n = limit(errors, limit);
        check(errors);
        return problems.recentMerges(n);
    }

    @GetMapping("/{id}")
    ProblemViews.Details details(@PathVariable long id) {
        return problems.details(ProblemId.lookup(id));
    }

    record MergeRequest(List<Long> from) {
    }

    /** {@code POST /api/v1/problems/{id}/merge {"from":[12,13]}}: merges those problems into this one. */
    @PostMapping("/{id}/merge")
    List<ProblemEvent> merge(@PathVariable long id, @RequestBody MergeRequest body, Principal user) {
        if (body == null || body.from() == null || body.from().isEmpty()) {
            throw new InvalidParametersException(List.of(new ParameterError("from", null, "must list the ids of the problems to merge into " + id)));
        }
        if (body.from().size() > 100) {
            throw new InvalidParametersException(List.of(new ParameterError("from", String.valueOf(body.from().size()), "at most 100 problems per merge")));
        }
        var from = body.from().stream().map(ProblemId::lookup).toList();
        return problems.merge(ProblemId.lookup(id), from, user.getName());
    }

    record SplitRequest(List<String> signalIds, String label) {
    }

    /** {@code POST /api/v1/problems/{id}/split {"signalIds":[...], "label":"..."}}: those signals become a new problem. */
    @PostMapping("/{id}/split")
    Problem split(@PathVariable long id, @RequestBody SplitRequest body, Principal user) {
        if (body == null) {
            throw new InvalidParametersException(List.of(new ParameterError("signalIds", null, "is required")));
        }
        return problems.split(ProblemId.lookup(id), body.signalIds(), body.label(), user.getName());
    }

    record LabelRequest(String label) {
    }

    /** {@code PUT /api/v1/problems/{id}/label {"label":"Invoice never arrived"}}; an empty label restores the automatic one. */
    @PutMapping("/{id}/label")
    Problem rename(@PathVariable long id, @RequestBody LabelRequest body, Principal user) {
        return problems.rename(ProblemId.lookup(id), body == null ? null : body.label(), user.getName());
    }

    record PinRequest(Boolean pinned) {
    }

    @PutMapping("/{id}/pin")
    Problem pin(@PathVariable long id, @RequestBody PinRequest body, Principal user) {
        if (body == null || body.pinned() == null) {
            throw new InvalidParametersException(List.of(new ParameterError("pinned", null, "is required: true or false")));
        }
        return problems.pin(ProblemId.lookup(id), body.pinned(), user.getName());
    }

    @PostMapping("/{id}/resolve")
    Problem resolve(@PathVariable long id, Principal user) {
        return problems.resolve(ProblemId.lookup(id), user.getName());
    }

    @PostMapping("/{id}/reopen")
    Problem reopen(@PathVariable long id, Principal user) {
        return problems.reopen(ProblemId.lookup(id), user.getName());
    }

    /** {@code POST /api/v1/problems/merges/{eventId}/undo}: undoes a merge; the pair is kept apart from then on. */
    @PostMapping("/merges/{eventId}/undo")
    ProblemEvent undo(@PathVariable long eventId, Principal user) {
        return problems.undo(eventId, user.getName());
    }

    /** {@code POST /api/v1/problems/consolidate}: runs the consolidation pass now. */
    @PostMapping("/consolidate")
    ProblemViews.Consolidation consolidate(Principal user) {
        return problems.consolidate(user.getName());
    }

    /** {@code POST /api/v1/problems/assign}: groups every signal waiting now (normally done in the background). */
    @PostMapping("/assign")
    ProblemViews.Assigned assign() {
        return problems.assignPending();
    }

    // ---- parameters and errors ---------------------------------------------------------------------------------

    private @Nullable LocalDate week(List<ParameterError> errors, String week) {
        if (week == null || week.isBlank()) {
            return problems.lastWeek();
        }
        String w = week.strip();
        try {
            if (w.matches("\\d{4}-W\\d{2}")) { // the ISO week the answers name, e.g. 2026-W48
                return LocalDate.of(Integer.parseInt(w.substring(0, 4)), 1, 4)
                        .with(java.time.temporal.IsoFields.WEEK_OF_WEEK_BASED_YEAR, Integer.parseInt(w.substring(6)))
                        .with(java.time.DayOfWeek.MONDAY);
            }
            return LocalDate.parse(w);
        } catch (java.time.DateTimeException e) {
            errors.add(new ParameterError("week", masked(week), "is not a week (2026-W48) or a date (YYYY-MM-DD, any day of it)"));
            return null;
        }
    }

    private int limit(List<ParameterError> errors, String limit) {
        try {
            int n = Integer.parseInt(limit.strip());
            if (n >= 1 && n <= Problems.MAX_LIST) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        errors.add(new ParameterError("limit", masked(limit), "must be a whole number between 1 and " + Problems.MAX_LIST));
        return 0;
    }

    private String masked(String value) {
        return value == null ? null : masker.mask(value).text();
    }

    private static void check(List<ParameterError> errors) {
        InvalidParametersException.throwIfAny(errors);
    }

    @ExceptionHandler(ProblemChangeRefusedException.class)
    ProblemDetail refused(ProblemChangeRefusedException e) {
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, masked(e.getMessage()));
        problem.setType(REFUSED);
        problem.setTitle("Problem change refused");
        return problem;
    }

    @ExceptionHandler(ProblemEventNotFoundException.class)
    ProblemDetail eventNotFound(ProblemEventNotFoundException e) {
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
        problem.setType(NOT_FOUND);
        problem.setTitle("Problem event not found");
        return problem;
    }

    /** {@code /api/v1/problems/abc}: named, with its (masked) value, like every other bad parameter. */
    @ExceptionHandler(org.springframework.beans.TypeMismatchException.class)
    ProblemDetail typeMismatch(org.springframework.beans.TypeMismatchException e) {
        String name = e instanceof org.springframework.web.method.annotation.MethodArgumentTypeMismatchException m
                ? m.getName() : String.valueOf(e.getPropertyName());
        return ProblemDetails.invalidParameters(BAD_REQUEST, "Invalid problems request",
                new InvalidParametersException(List.of(new ParameterError(name, masked(String.valueOf(e.getValue())),
                "must be a whole number"))));
    }

    @ExceptionHandler(ProblemNotFoundException.class)
    ProblemDetail notFound(ProblemNotFoundException e) {
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
        problem.setType(NOT_FOUND);
        problem.setTitle("Problem not found");
        problem.setProperty("id", e.id());
        return problem;
    }
}
