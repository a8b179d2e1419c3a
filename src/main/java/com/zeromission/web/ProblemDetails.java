package com.zeromission.web;

import java.net.URI;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/**
 * The one way the modules' controllers build an RFC 9457 problem detail: status, type, title and detail. The detail
 * is used as given; a controller that echoes a request's values masks them first, as before.
 */
public final class ProblemDetails {

    private ProblemDetails() {
    }

    public static ProblemDetail of(HttpStatus status, URI type, String title, String detail) {
        var problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(type);
        problem.setTitle(title);
        return problem;
    }

    /**
     * A 400 for a request whose parameters were refused: the detail lists them all, and {@code errors} names each
     * field, its (masked) value and the reason, as {@link ParameterError}s.
     */
    public static ProblemDetail invalidParameters(URI type, String title, InvalidParametersException invalid) {
        var problem = of(HttpStatus.BAD_REQUEST, type, title, invalid.getMessage());
        problem.setProperty("errors", invalid.errors());
        return problem;
    }
}
