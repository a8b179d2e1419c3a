package com.zeromission.intake.internal.web;

import java.net.URI;
import java.util.List;
import java.util.Map;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import com.zeromission.intake.IdempotencyConflictException;
import com.zeromission.intake.InvalidSignalException;

/** Turns intake's business exceptions into RFC 9457 problem details, at the web edge only. */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class IntakeProblems {

    static final URI INVALID = URI.create("https://zeromission.dev/problems/invalid-signal");
    static final URI CONFLICT = URI.create("https://zeromission.dev/problems/idempotency-conflict");
    static final URI NOT_FOUND = URI.create("https://zeromission.dev/problems/not-found");

    @ExceptionHandler(InvalidSignalException.class)
    ProblemDetail invalid(InvalidSignalException e) {
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
        problem.setType(INVALID);
        problem.setTitle("Invalid signal");
        List<Map<String, String>> errors = e.violations().stream().map(v -> {
            var m = new java.util.LinkedHashMap<String, String>();
            m.put("field", v.field());
            if (v.value() != null) {
                m.put("value", v.value());
            }
            m.put("reason", v.reason());
            return (Map<String, String>) m;
        }).toList();
        problem.setProperty("errors", errors);
        return problem;
    }

    @ExceptionHandler(IdempotencyConflictException.class)
    ProblemDetail conflict(IdempotencyConflictException e) {
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
        problem.setType(CONFLICT);
        problem.setTitle("Idempotency key reused with a different body");
        problem.setProperty("conflicts", e.conflicts().stream()
                .map(c -> Map.of("source", c.source(), "sourceId", c.sourceId(), "existingSignal", c.existing().toString()))
                .toList());
        return problem;
    }

    @ExceptionHandler(SignalNotFoundException.class)
    ProblemDetail notFound(SignalNotFoundException e) {
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
        problem.setType(NOT_FOUND);
        problem.setTitle("Not found");
        return problem;
    }
}
