package com.zeromission.problems.internal.web;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.zeromission.problems.ProblemId;
import com.zeromission.problems.ProblemNotFoundException;
import com.zeromission.problems.ProblemViews.SignalPage;
import com.zeromission.problems.SignalQuery;
import com.zeromission.problems.SignalQuery.InvalidSignalQueryException;
import com.zeromission.problems.SignalSearch;

/**
 * Reading the real cases over HTTP: {@code GET /api/v1/signals/search} searches the masked signal texts with filters;
 * {@code GET /api/v1/problems/{id}/signals} pages through every signal of one problem. Both answer newest first with
 * the total count. A parameter that cannot be read is a 400 problem detail naming it and its (masked) value; nothing
 * is searched then, and nothing is ever changed.
 */
@RestController
class SignalSearchController {

    static final URI BAD_REQUEST = URI.create("https://zeromission.dev/problems/invalid-signal-search");

    private final SignalSearch search;

    SignalSearchController(SignalSearch search) {
        this.search = search;
    }

    /**
     * {@code GET /api/v1/signals/search?q=faktura&market=SE&product=pay-later&channel=complaint&journeyStage=invoice
     * &from=2026-01-01&to=2026-01-31&problem=12&page=1&size=50}.
     */
    @GetMapping(path = "/api/v1/signals/search", produces = MediaType.APPLICATION_JSON_VALUE)
    SignalPage search(@RequestParam(required = false) String q, @RequestParam(required = false) String market,
            @RequestParam(required = false) String product, @RequestParam(required = false) String channel,
            @RequestParam(required = false) String journeyStage, @RequestParam(required = false) String from,
            @RequestParam(required = false) String to, @RequestParam(required = false) String problem,
            @RequestParam(required = false) String page, @RequestParam(required = false) String size) {
        return search.search(SignalQuery.parse(q, market, product, channel, journeyStage, from, to, problem, page, size));
    }

    /** {@code GET /api/v1/problems/{id}/signals?page=1&size=50}: every signal of the problem, newest first. */
    @GetMapping(path = "/api/v1/problems/{id}/signals", produces = MediaType.APPLICATION_JSON_VALUE)
    SignalPage signalsOf(@PathVariable String id, @RequestParam(required = false) String page,
            @RequestParam(required = false) String size) {
        SignalQuery query = SignalQuery.parse(null, null, null, null, null, null, null, id, page, size);
        return search.signalsOf(ProblemId.lookup(query.problemId()), query.page(), query.size());
    }

    @ExceptionHandler(InvalidSignalQueryException.class)
    ProblemDetail invalid(InvalidSignalQueryException e) {
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
        problem.setType(BAD_REQUEST);
        problem.setTitle("Invalid signal search");
        List<Map<String, String>> errors = e.violations().stream().map(v -> {
            var error = new LinkedHashMap<String, String>();
            error.put("field", v.parameter());
            if (v.value() != null) {
                error.put("value", v.value());
            }
            error.put("reason", v.reason());
            return (Map<String, String>) error;
        }).toList();
        problem.setProperty("errors", errors);
        return problem;
    }

    @ExceptionHandler(ProblemNotFoundException.class)
    ProblemDetail notFound(ProblemNotFoundException e) {
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
        problem.setType(ProblemController.NOT_FOUND);
        problem.setTitle("Problem not found");
        problem.setProperty("id", e.id());
        return problem;
    }
}
