package com.zeromission.replay;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import com.zeromission.audit.AuditLog;
import com.zeromission.intake.SignalId;
import com.zeromission.replay.internal.Gzip;
import com.zeromission.replay.internal.ReplayIngestion;
import com.zeromission.replay.internal.ReplayRepository;
import com.zeromission.replay.internal.TimelineRules;

/**
 * The replays, for the rest of the product: what a replay is (summary and timeline, not audited), its events (audited:
 * each read is someone watching the replay), which signals have one, and a way in for pre-made sessions (the demo).
 * Recording itself comes in over HTTP ({@code POST /api/v1/replay-sessions}, see docs/replay.md).
 */
@Service
public class Replays {

    /** The largest inflated chunk read back: far above any batch the ingestion takes. */
    private static final long MAX_CHUNK_JSON = 64L * 1024 * 1024;

    private final ReplayRepository repository;
    private final ReplayIngestion ingestion;
    private final AuditLog audit;
    private final JsonMapper json;
    private final TransactionTemplate tx;

    Replays(ReplayRepository repository, ReplayIngestion ingestion, AuditLog audit, JsonMapper json,
            TransactionTemplate tx) {
        this.repository = repository;
        this.ingestion = ingestion;
        this.audit = audit;
        this.json = json;
        this.tx = tx;
    }

    public boolean exists(ReplayId id) {
        return repository.session(id.value()).isPresent();
    }

    /**
     * How long the replay is (its last event's time after its first), read from its session alone; empty when there
     * is no such replay (never was, expired or erased). What an insight's replay moment is checked against.
     */
    public OptionalLong durationMillis(ReplayId id) {
        return repository.session(id.value()).map(s -> OptionalLong.of(s.firstEventMillis() == null
                || s.lastEventMillis() == null ? 0 : Math.max(0, s.lastEventMillis() - s.firstEventMillis())))
                .orElse(OptionalLong.empty());
    }

    /**
     * The replay's summary with its timeline and signals.
     *
     * @throws ReplayNotFoundException when there is no such replay (never was, expired or erased)
     */
    public ReplaySummary summary(ReplayId id) {
        var session = repository.session(id.value()).orElseThrow(() -> new ReplayNotFoundException(id));
        var events = new ArrayList<JsonNode>();
        repository.forEachChunk(id.value(), chunk -> events.addAll(parse(chunk).valueStream().toList()));
        events.sort(java.util.Comparator.comparingLong(e -> e.path("timestamp").asLong(0)));
        var timeline = TimelineRules.of(events);
        long duration = session.firstEventMillis() == null || session.lastEventMillis() == null ? 0
                : Math.max(0, session.lastEventMillis() - session.firstEventMillis());
        return new ReplaySummary(id, session.startedAt(), duration, session.events(), session.storedBytes(),
                timeline.pages(), timeline.entries(),
                repository.signalsOf(id.value()).stream().map(SignalId::new).toList());
    }

    /** The replay's timeline alone: page changes, clicks, rage clicks and errors shown, in order. */
    public List<TimelineEntry> timeline(ReplayId id) {
        return summary(id).timeline();
    }

    /**
     * Every stored event of the replay, in the order stored, as one JSON array (the rrweb player's input). This is
     * watching the replay: the audit trail records who ({@code viewer}) and which replay, in the same transaction.
     *
     * @throws ReplayNotFoundException when there is no such replay
     */
    public String events(ReplayId id, String viewer) {
        return tx.execute(status -> {
            var session = repository.session(id.value()).orElseThrow(() -> new ReplayNotFoundException(id));
            var out = new StringBuilder((int) Math.min(Integer.MAX_VALUE - 8, session.storedBytes() * 8 + 2)).append('[');
            repository.forEachChunk(id.value(), chunk -> {
                String array = inflate(chunk.data()).strip();
                // each chunk is a JSON array: its elements join the others'
                String inner = array.substring(1, array.length() - 1).strip();
                if (!inner.isEmpty()) {
                    if (out.length() > 1) {
                        out.append(',');
                    }
                    out.append(inner);
                }
            });
            audit.record(viewer, "replay-viewed", "replay " + id, session.events() + " events");
            return out.append(']').toString();
        });
    }

    /** Which of these signals came with a replay, and which: a signal without one is not a key. */
    public Map<SignalId, ReplayId> ofSignals(Collection<SignalId> signals) {
        var result = new LinkedHashMap<SignalId, ReplayId>();
        repository.sessionsOfSignals(signals.stream().map(SignalId::value).distinct().toList())
                .forEach((signal, session) -> result.put(new SignalId(signal), new ReplayId(session)));
        return result;
    }

    /**
     * Stores a pre-made session (the demo loader's recordings): {@code eventsJson} a JSON array of rrweb events, moved
     * in time so that the first is at {@code startedAt}, masked and checked like every recording; linked to
     * {@code signal} when given. Kept for the retention period from now.
     *
     * @throws UnmaskedInputException       an input value in it is not masked
     * @throws InvalidReplayEventsException not an array of rrweb events
     */
    public ReplayId store(String eventsJson, Instant startedAt, @Nullable SignalId signal) {
        return store(new ReplayId(UUID.randomUUID()), eventsJson, startedAt, signal);
    }

    /**
     * Stores a pre-made session under an id the caller chose, as {@link #store(String, Instant, SignalId)} does: for
     * a caller that must know whether it stored the session before (the demo loader derives the id from its seed and
     * the day, and stores only what {@link #exists} does not find).
     *
     * @throws IllegalStateException         a replay with this id exists
     * @throws UnmaskedInputException       an input value in it is not masked
     * @throws InvalidReplayEventsException not an array of rrweb events
     */
    public ReplayId store(ReplayId id, String eventsJson, Instant startedAt, @Nullable SignalId signal) {
        JsonNode events;
        try {
            events = json.readTree(eventsJson);
        } catch (RuntimeException e) {
            throw new InvalidReplayEventsException("the events are not JSON: " + e.getClass().getSimpleName());
        }
        return tx.execute(status -> {
            if (repository.session(id.value()).isPresent()) {
                throw new IllegalStateException("replay " + id + " is stored already");
            }
            ingestion.storePremade(id.value(), events, startedAt);
            if (signal != null) {
                repository.link(id.value(), signal.value());
            }
            return id;
        });
    }

    /** Links a signal to a stored replay (a signal stored before its replay, as the demo loader may do). */
    public void link(ReplayId replay, SignalId signal) {
        if (!exists(replay)) {
            throw new ReplayNotFoundException(replay);
        }
        repository.link(replay.value(), signal.value());
    }

    private JsonNode parse(ReplayRepository.Chunk chunk) {
        return json.readTree(inflate(chunk.data()));
    }

    private static String inflate(byte[] data) {
        try {
            return new String(Gzip.decompress(data, MAX_CHUNK_JSON), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("a stored replay chunk could not be read", e);
        }
    }
}
