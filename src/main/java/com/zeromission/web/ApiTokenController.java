package com.zeromission.web;

import java.net.URI;
import java.security.Principal;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import com.zeromission.privacy.TextMasker;

/**
 * {@code POST /api/v1/tokens {"name":"zendesk-sync","roles":["INGEST"],"expiresInDays":30}} creates an API token (every
 * token expires: 90 days by default, at most 365, see {@link ApiTokens.Lifetimes}) and
 * answers with it, once; {@code GET /api/v1/tokens} lists them without their secret; {@code DELETE /api/v1/tokens/{id}}
 * revokes one. Admins only.
 */
@RestController
class ApiTokenController {

    static final URI INVALID = URI.create("https://zeromission.dev/problems/invalid-token-request");
    static final URI NOT_FOUND = URI.create("https://zeromission.dev/problems/not-found");

    private final ApiTokens tokens;
    private final TextMasker masker;

    ApiTokenController(ApiTokens tokens, TextMasker masker) {
        this.tokens = tokens;
        this.masker = masker;
    }

    /** A lifetime as {@code expiresInDays} or {@code expiresAt} (ISO-8601 instant), or neither: the default (90 days). */
    record TokenRequest(String name, List<String> roles, Integer expiresInDays, java.time.Instant expiresAt) {
    }

    @PostMapping("/api/v1/tokens")
    @ResponseStatus(HttpStatus.CREATED)
    ApiTokens.Created create(@RequestBody TokenRequest body, Principal user) {
        var spec = new ApiTokens.Spec(body.name(), body.roles(), body.expiresInDays(), body.expiresAt());
        return tokens.create(spec, user.getName());
    }

    @GetMapping("/api/v1/tokens")
    List<ApiTokens.Listed> list() {
        return tokens.list();
    }

    @DeleteMapping("/api/v1/tokens/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void revoke(@PathVariable long id, Principal user) {
        tokens.revoke(id, user.getName());
    }

    @ExceptionHandler(InvalidTokenRequestException.class)
    ProblemDetail invalid(InvalidTokenRequestException e) {
        // an admin may paste anything into a role: echoed values are masked like every other echo
        var problem = ProblemDetails.of(HttpStatus.BAD_REQUEST, INVALID, "Invalid token request", masker.mask(e.getMessage()).text());
        problem.setProperty("errors", e.problems().stream().map(p -> masker.mask(p).text()).toList());
        return problem;
    }

    @ExceptionHandler(ApiTokenNotFoundException.class)
    ProblemDetail notFound(ApiTokenNotFoundException e) {
        return ProblemDetails.of(HttpStatus.NOT_FOUND, NOT_FOUND, "Not found", e.getMessage());
    }
}
