package com.zeromission.replay.internal.web;

import java.io.IOException;
import java.net.URI;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import com.zeromission.limits.ClientAddresses;
import com.zeromission.replay.InvalidReplayEventsException;
import com.zeromission.replay.UnmaskedInputException;
import com.zeromission.replay.internal.Gzip;
import com.zeromission.replay.internal.ReplayIngestion;
import com.zeromission.replay.internal.ReplayIngestion.AlreadyStored;
import com.zeromission.replay.internal.ReplayIngestion.NotSampled;
import com.zeromission.replay.internal.ReplayIngestion.RateLimitedException;
import com.zeromission.replay.internal.ReplayIngestion.Recording;
import com.zeromission.replay.internal.ReplayIngestion.SessionNotFoundException;
import com.zeromission.replay.internal.ReplayIngestion.TooLargeException;
import com.zeromission.replay.internal.ReplayOrigins;
import com.zeromission.web.ProblemDetails;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The public ingestion endpoints the recorder calls from the company's pages (no login, no cookies, CORS by
 * {@link ReplayCorsFilter}):
 * <ul>
 * <li>{@code POST /api/v1/replay-sessions {"page","consent":true,"customerId"?}}: 201 with the session id and how to
 * send, or 200 {@code {"record":false}} when not sampled; 400 without consent, 403 for a page of an origin not
 * allowed;</li>
 * <li>{@code POST /api/v1/replay-sessions/{id}/events {"seq","events"}}, optionally gzipped
 * ({@code Content-Encoding: gzip}): 202 {@code {"stored":n}}, 200 for a seq stored before; 413 over the size limits,
 * 429 with Retry-After over the rate limits, 404 for an unknown or expired session, 422 for an unmasked input value
 * (nothing stored).</li>
 * </ul>
 * Errors are problem details that never hold what the page sent.
 */
@RestController
class ReplayIngestController {

    static final URI INVALID = URI.create("https://zeromission.dev/problems/invalid-replay-batch");
    static final URI UNMASKED = URI.create("https://zeromission.dev/problems/unmasked-replay-input");
    static final URI TOO_LARGE = URI.create("https://zeromission.dev/problems/replay-batch-too-large");
    static final URI TOO_MANY = URI.create("https://zeromission.dev/problems/replay-rate-limited");
    static final URI NOT_FOUND = URI.create("https://zeromission.dev/problems/replay-session-not-found");
    static final URI REFUSED = URI.create("https://zeromission.dev/problems/replay-origin-refused");

    private final ReplayIngestion ingestion;
    private final ReplayOrigins origins;
    private final ClientAddresses clients;
    private final JsonMapper json;

    ReplayIngestController(ReplayIngestion ingestion, ReplayOrigins origins, ClientAddresses clients, JsonMapper json) {
        this.ingestion = ingestion;
        this.origins = origins;
        this.clients = clients;
        this.json = json;
    }

    record StartRequest(@Nullable String page, @Nullable Boolean consent, @Nullable String customerId) {
    }

    /** Thrown for a start request that is not what the recorder sends. */
    static final class InvalidStartException extends RuntimeException {
        InvalidStartException(String message) {
            super(message);
        }
    }

    /** The page's origin is not allowed (a request without Origin; a browser's is refused by the CORS filter). */
    static final class OriginRefusedException extends RuntimeException {
        OriginRefusedException() {
            super("pages of this origin may not record session replays here; an administrator lists the origins "
                    + "allowed in zeromission.replay.allowed-origins");
        }
    }

    @PostMapping(path = "/api/v1/replay-sessions", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Map<String, Object>> start(@RequestBody StartRequest body, HttpServletRequest request) {
        if (!Boolean.TRUE.equals(body.consent())) {
            throw new InvalidStartException("consent must be true: a session is recorded only after the page has the "
                    + "customer's consent");
        }
        String page = ReplayOrigins.normalise(body.page());
        if (page == null || body.page().length() > 2_048) {
            throw new InvalidStartException("page must be the absolute http(s) address of the recorded page, at most "
                    + "2048 characters");
        }
        if (body.customerId() != null && body.customerId().length() > 256) {
            throw new InvalidStartException("customerId must be at most 256 characters");
        }
        String origin = request.getHeader("Origin") != null ? ReplayOrigins.normalise(request.getHeader("Origin")) : page;
        if (origin == null || !origins.allowed(origin, request)) {
            throw new OriginRefusedException();
        }
        var started = ingestion.start(origin, body.customerId(), clients.budgetSubject(request));
        return switch (started) {
            case Recording r -> ResponseEntity.status(HttpStatus.CREATED).body(Map.of("sessionId", r.sessionId().toString(),
                    "record", true, "flushMillis", ingestion.properties().flushMillis(),
                    "maxBatchBytes", ingestion.properties().maxBatchBytes(), "maxBatchJsonBytes", advertisedJsonBytes()));
            case NotSampled n -> ResponseEntity.ok(Map.of("record", false));
        };
    }

    /**
     * The JSON a recorder may put in one gzipped batch: the decompressed limit, but no more than four times the body's
     * (a page's snapshot compresses five to ten times), so that a batch within it is also within the body's limit.
     */
    private long advertisedJsonBytes() {
        return Math.min(ingestion.properties().maxBatchJsonBytes(), 4 * ingestion.properties().maxBatchBytes());
    }

    @PostMapping(path = "/api/v1/replay-sessions/{sessionId}/events")
    ResponseEntity<Map<String, Object>> events(@PathVariable String sessionId, HttpServletRequest request)
            throws IOException {
        UUID id;
        try {
            id = UUID.fromString(sessionId);
        } catch (IllegalArgumentException e) {
            throw new SessionNotFoundException(new UUID(0, 0));
        }
        String type = request.getContentType();
        if (type == null || !type.toLowerCase(java.util.Locale.ROOT).startsWith("application/json")) {
            throw new InvalidReplayEventsException("send the batch as Content-Type: application/json");
        }
        var session = ingestion.admit(id);
        var properties = ingestion.properties();
        byte[] body;
        try {
            body = Gzip.readAtMost(request.getInputStream(), properties.maxBatchBytes());
        } catch (Gzip.TooLargeException e) {
            throw new TooLargeException("a batch is at most " + properties.maxBatchBytes() + " bytes as sent");
        }
        String encoding = request.getHeader("Content-Encoding");
        if (encoding != null && encoding.strip().equalsIgnoreCase("gzip")) {
            try {
                body = Gzip.decompress(body, properties.maxBatchJsonBytes());
            } catch (Gzip.TooLargeException e) {
                throw new TooLargeException("a batch is at most " + properties.maxBatchJsonBytes() + " bytes once decompressed");
            } catch (IOException e) {
                throw new InvalidReplayEventsException("the body is not gzip, though Content-Encoding says so");
            }
        } else if (encoding != null && !encoding.isBlank() && !encoding.strip().equalsIgnoreCase("identity")) {
            throw new InvalidReplayEventsException("Content-Encoding must be gzip or none");
        }
        JsonNode batch;
        try {
            batch = json.readTree(body);
        } catch (JacksonException e) {
            throw new InvalidReplayEventsException("the batch is not JSON");
        }
        if (batch == null || !batch.isObject() || !batch.path("seq").isIntegralNumber() || !batch.path("events").isArray()) {
            throw new InvalidReplayEventsException("a batch is {\"seq\": <integer>, \"events\": [rrweb events]}");
        }
        var appended = ingestion.append(session, batch.path("seq").intValue(), batch.path("events"));
        return ResponseEntity.status(appended instanceof AlreadyStored ? HttpStatus.OK : HttpStatus.ACCEPTED)
                .body(Map.of("stored", appended.events()));
    }

    @ExceptionHandler({InvalidStartException.class, InvalidReplayEventsException.class, IllegalArgumentException.class})
    ProblemDetail invalid(RuntimeException e) {
        return ProblemDetails.of(HttpStatus.BAD_REQUEST, INVALID, "Invalid replay request", e.getMessage());
    }

    @ExceptionHandler(UnmaskedInputException.class)
    ProblemDetail unmasked(UnmaskedInputException e) {
        return ProblemDetails.of(HttpStatus.UNPROCESSABLE_CONTENT, UNMASKED, "Unmasked input value", e.getMessage());
    }

    @ExceptionHandler(TooLargeException.class)
    ProblemDetail tooLarge(TooLargeException e) {
        return ProblemDetails.of(HttpStatus.CONTENT_TOO_LARGE, TOO_LARGE, "Batch too large", e.getMessage());
    }

    @ExceptionHandler(SessionNotFoundException.class)
    ProblemDetail notFound(SessionNotFoundException e) {
        return ProblemDetails.of(HttpStatus.NOT_FOUND, NOT_FOUND, "Recording session not found", e.getMessage());
    }

    @ExceptionHandler(OriginRefusedException.class)
    ProblemDetail refused(OriginRefusedException e) {
        return ProblemDetails.of(HttpStatus.FORBIDDEN, REFUSED, "Origin not allowed", e.getMessage());
    }

    @ExceptionHandler(RateLimitedException.class)
    ResponseEntity<ProblemDetail> tooMany(RateLimitedException e) {
        return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
                .header("Retry-After", String.valueOf(e.retryAfterSeconds()))
                .body(ProblemDetails.of(HttpStatus.TOO_MANY_REQUESTS, TOO_MANY, "Too many requests", e.getMessage()));
    }
}
