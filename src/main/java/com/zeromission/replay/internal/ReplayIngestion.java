package com.zeromission.replay.internal;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import java.util.random.RandomGenerator;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import com.zeromission.limits.RateLimits;
import com.zeromission.privacy.Pseudonymizer;
import com.zeromission.replay.InvalidReplayEventsException;

/**
 * Sessions started and batches stored, as the ingestion endpoint and the demo loader need them. What may be stored is
 * decided by {@link EventSanitizer} (masked, or refused); this class adds the session's rules: unknown and idle
 * sessions take nothing (404), each batch counts against the session's and the origin's budget (429), a seq is stored
 * once, and a session stops growing at its byte limit (413).
 */
@Service
public class ReplayIngestion {

    /** The outcome of starting a session: recording under a new id, or not sampled (nothing stored). */
    public sealed interface Started permits Recording, NotSampled {
    }

    public record Recording(UUID sessionId) implements Started {
    }

    public record NotSampled() implements Started {
    }

    /** The outcome of a batch: stored now, or stored before under the same seq (nothing stored twice). */
    public sealed interface Appended permits Stored, AlreadyStored {
        int events();
    }

    public record Stored(int events) implements Appended {
    }

    public record AlreadyStored(int events) implements Appended {
    }

    /** The session is unknown, expired (idle or past retention) or erased. */
    public static final class SessionNotFoundException extends RuntimeException {
        public SessionNotFoundException(UUID id) {
            super("no recording session " + id + " (unknown, idle for too long, expired or erased); start a new one");
        }
    }

    /** Over a rate limit: retry after that many seconds. */
    public static final class RateLimitedException extends RuntimeException {
        private final long retryAfterSeconds;

        public RateLimitedException(String what, long retryAfterSeconds) {
            super(what + "; retry after " + retryAfterSeconds + " s");
            this.retryAfterSeconds = retryAfterSeconds;
        }

        public long retryAfterSeconds() {
            return retryAfterSeconds;
        }
    }

    /** A body or a session over its size limit. */
    public static final class TooLargeException extends RuntimeException {
        public TooLargeException(String message) {
            super(message);
        }
    }

    private final ReplayRepository repository;
    private final EventSanitizer sanitizer;
    private final ReplayProperties properties;
    private final RateLimits limits;
    private final Pseudonymizer pseudonymizer;
    private final JsonMapper json;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final RateLimits.Budget sessionBudget, originBudget, startBudget;
    private final RandomGenerator random = new SecureRandom();

    ReplayIngestion(ReplayRepository repository, EventSanitizer sanitizer, ReplayProperties properties,
            RateLimits limits, Pseudonymizer pseudonymizer, JsonMapper json, TransactionTemplate tx, Clock clock) {
        this.repository = repository;
        this.sanitizer = sanitizer;
        this.properties = properties;
        this.limits = limits;
        this.pseudonymizer = pseudonymizer;
        this.json = json;
        this.tx = tx;
        this.clock = clock;
        this.sessionBudget = new RateLimits.Budget("replay-session", properties.sessionBatches(), properties.rateWindow());
        this.originBudget = new RateLimits.Budget("replay-origin", properties.originBatches(), properties.rateWindow());
        this.startBudget = new RateLimits.Budget("replay-start", properties.starts(), properties.startWindow());
    }

    public ReplayProperties properties() {
        return properties;
    }

    /**
     * Starts a session for a page of {@code origin} (already allowed by the caller) unless it is not sampled. The
     * customer id, when the page gave one, is pseudonymised here and never stored as it came. {@code client} (an
     * address, hashed by the rate limits) may start only so many sessions per window.
     */
    public Started start(String origin, @Nullable String customerId, String client) {
        var decision = limits.tryAcquire(startBudget, client);
        if (!decision.allowed()) {
            throw new RateLimitedException("too many sessions started from this address", decision.retryAfterSeconds());
        }
        if (properties.sampleRate() < 1.0 && random.nextDouble() >= properties.sampleRate()) {
            return new NotSampled();
        }
        UUID id = UUID.randomUUID();
        String key = customerId == null || customerId.isBlank() ? null : pseudonymizer.customerKey(customerId).value();
        repository.insertSession(id, origin, key, clock.instant());
        return new Recording(id);
    }

    /**
     * The session a batch is for, if it may take one: known, not idle too long, not past retention; and the batch
     * counted against the session's and its origin's budgets. Called before the body is read, so that a refused
     * client costs no parsing.
     */
    public ReplayRepository.Session admit(UUID sessionId) {
        var session = repository.session(sessionId).orElseThrow(() -> new SessionNotFoundException(sessionId));
        Instant now = clock.instant();
        if (session.lastSeenAt().plus(properties.idleTimeout()).isBefore(now)
                || session.startedAt().plus(properties.retention()).isBefore(now)) {
            throw new SessionNotFoundException(sessionId);
        }
        var perSession = limits.tryAcquire(sessionBudget, sessionId.toString());
        if (!perSession.allowed()) {
            throw new RateLimitedException("too many batches for this session", perSession.retryAfterSeconds());
        }
        var perOrigin = limits.tryAcquire(originBudget, session.origin());
        if (!perOrigin.allowed()) {
            throw new RateLimitedException("too many batches from pages of this origin", perOrigin.retryAfterSeconds());
        }
        return session;
    }

    /**
     * Stores a batch of a session admitted before: masked, refused (nothing stored) when an input value is not
     * masked, once per seq.
     */
    public Appended append(ReplayRepository.Session session, int seq, JsonNode events) {
        if (seq < 0 || seq > 1_000_000) {
            throw new IllegalArgumentException("seq must be between 0 and 1000000, was " + seq);
        }
        if (repository.chunkExists(session.id(), seq)) {
            return new AlreadyStored(repository.chunkEvents(session.id(), seq));
        }
        var clean = sanitizer.sanitize(events);
        byte[] data = Gzip.compress(json.writeValueAsString(clean.events()).getBytes(StandardCharsets.UTF_8));
        if (session.storedBytes() + data.length > properties.maxSessionBytes()) {
            throw new TooLargeException("the session has " + session.storedBytes() + " bytes stored; this batch ("
                    + data.length + " compressed) would pass its limit of " + properties.maxSessionBytes());
        }
        var chunk = new ReplayRepository.Chunk(seq, clean.count(), clean.firstMillis(), clean.lastMillis(), data);
        Boolean stored = tx.execute(status -> repository.insertChunk(session.id(), chunk, clock.instant()));
        return Boolean.TRUE.equals(stored) ? new Stored(clean.count())
                : new AlreadyStored(repository.chunkEvents(session.id(), seq));
    }

    /** How many events go in one chunk of a pre-made session. */
    static final int PREMADE_CHUNK = 500;

    /**
     * Stores a whole pre-made session (the demo's recordings) under {@code id}, its events moved in time so that the
     * first is at {@code startedAt}; masked and checked like any batch. Runs in the caller's transaction, if any.
     */
    public UUID storePremade(UUID id, JsonNode events, Instant startedAt) {
        if (!events.isArray() || events.isEmpty()) {
            throw new InvalidReplayEventsException("a pre-made session needs a non-empty JSON "
                    + "array of rrweb events");
        }
        var clean = sanitizer.sanitize(events);
        long shift = startedAt.toEpochMilli() - clean.firstMillis();
        for (JsonNode e : clean.events()) {
            ((tools.jackson.databind.node.ObjectNode) e).put("timestamp", e.path("timestamp").longValue() + shift);
        }
        Instant now = clock.instant();
        // started when it was recorded; kept for the retention from now (storing a chunk sets last_seen_at to now)
        repository.insertSession(id, "premade", null, startedAt);
        var all = clean.events();
        for (int from = 0, seq = 0; from < all.size(); from += PREMADE_CHUNK, seq++) {
            var part = tools.jackson.databind.node.JsonNodeFactory.instance.arrayNode();
            for (int i = from; i < Math.min(all.size(), from + PREMADE_CHUNK); i++) {
                part.add(all.get(i));
            }
            byte[] data = Gzip.compress(json.writeValueAsString(part).getBytes(StandardCharsets.UTF_8));
            repository.insertChunk(id, new ReplayRepository.Chunk(seq, part.size(),
                    part.get(0).path("timestamp").longValue(), part.get(part.size() - 1).path("timestamp").longValue(),
                    data), now);
        }
        return id;
    }
}
