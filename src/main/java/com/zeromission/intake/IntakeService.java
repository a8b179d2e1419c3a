package com.zeromission.intake;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import com.zeromission.audit.AuditLog;
import com.zeromission.intake.IntakeOutcome.Conflicted;
import com.zeromission.intake.IntakeOutcome.Created;
import com.zeromission.intake.IntakeOutcome.Replayed;
import com.zeromission.intake.internal.SignalRepository.Key;
import com.zeromission.intake.internal.SignalRepository.NewSignal;
import com.zeromission.intake.internal.SignalRepository.StoredSignal;
import com.zeromission.intake.internal.SignalRepository;
import com.zeromission.intake.internal.UuidV7;
import com.zeromission.privacy.CustomerKey;
import com.zeromission.privacy.MaskedText;
import com.zeromission.privacy.Pseudonymizer;
import com.zeromission.privacy.TextMasker;

/**
 * The one way into the product. Every channel hands its submissions here; this service masks personal data,
 * pseudonymises the customer, and stores each (source, source id) exactly once. A submission is acknowledged only
 * after the transaction that stores it has committed.
 */
@Service
public class IntakeService {

    private final TextMasker masker;
    private final Pseudonymizer pseudonymizer;
    private final SignalRepository signals;
    private final TransactionTemplate tx;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    private final AuditLog audit;

    public IntakeService(TextMasker masker, Pseudonymizer pseudonymizer, SignalRepository signals,
            TransactionTemplate tx, ApplicationEventPublisher events, Clock clock, AuditLog audit) {
        this.audit = audit;
        this.masker = masker;
        this.pseudonymizer = pseudonymizer;
        this.signals = signals;
        this.tx = tx;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Erases everything about one customer on request: every signal with the customer's pseudonym keeps its row and
     * its counts (roll-ups, problems and CPM stay correct) but loses its text, order reference, evidence links and
     * the pseudonym. Either the source system's customer id or the pseudonym itself may be given. Recorded without
     * anything that says whom; published as {@link SignalsErased} in the same transaction.
     */
    public Erasure erase(String customerId, String customerKey, String requestedBy) {
        String key;
        if (customerKey != null && !customerKey.isBlank()) {
            key = new CustomerKey(customerKey.strip()).value();
        } else if (customerId != null && !customerId.isBlank()) {
            key = pseudonymizer.customerKey(customerId).value();
        } else {
            throw new IllegalArgumentException("an erasure needs customerId (the source system's) or customerKey (the pseudonym)");
        }
        return tx.execute(status -> {
            Instant now = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
            var ids = signals.erase(key, now);
            long id = signals.recordErasure(requestedBy, now, ids.size());
            audit.record(requestedBy, "erasure", "erasure " + id, ids.size() + " signals of one customer erased");
            if (!ids.isEmpty()) {
                events.publishEvent(new SignalsErased(ids.stream().map(SignalId::new).toList()));
            }
            // always, signals or not: what other modules keep about the customer (session replays) may exist without
            // a signal of theirs
            events.publishEvent(new CustomerErased(key));
            return new Erasure(id, requestedBy, now, ids.size());
        });
    }

    /** The most signals one erasure by id may name. */
    public static final int MAX_ERASED_BY_ID = 1_000;

    /**
     * Erases named signals on request, for those no customer id leads to: a feedback-form message carries no customer
     * key, yet its text may hold the writer's name and address, which the masker cannot find. Each named signal keeps
     * its row and counts and loses its text, order reference and evidence links, as in {@link #erase(String, String,
     * String)}; a signal erased before counts nothing. Every id must name a stored signal, or nothing is erased.
     * Recorded and audited with how many, never which text.
     */
    public Erasure eraseSignals(List<SignalId> ids, String requestedBy) {
        var distinct = ids == null ? List.<SignalId>of() : ids.stream().distinct().toList();
        if (distinct.isEmpty() || distinct.size() > MAX_ERASED_BY_ID) {
            throw new IllegalArgumentException("signalIds must name 1-" + MAX_ERASED_BY_ID + " signals, named "
                    + distinct.size());
        }
        return tx.execute(status -> {
            for (SignalId id : distinct) {
                if (signals.findById(id).isEmpty()) {
                    throw new IllegalArgumentException("signalIds: no signal with id " + id);
                }
            }
            Instant now = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
            var erased = signals.eraseByIds(distinct.stream().map(SignalId::value).toList(), now);
            long id = signals.recordErasure(requestedBy, now, erased.size());
            audit.record(requestedBy, "erasure", "erasure " + id, erased.size() + " of " + distinct.size()
                    + " signals named by id erased");
            if (!erased.isEmpty()) {
                events.publishEvent(new SignalsErased(erased.stream().map(SignalId::new).toList()));
            }
            return new Erasure(id, requestedBy, now, erased.size());
        });
    }

    /**
     * Stores one submission, or returns the signal stored for an identical earlier request.
     *
     * @throws IdempotencyConflictException if the key is taken by a request with a different body
     */
    public IntakeOutcome accept(SignalSubmission submission) {
        return acceptAll(List.of(submission)).getFirst();
    }

    /**
     * Stores a batch atomically: either every submission is created or replayed, or (on any conflict) nothing
     * is written and {@link IdempotencyConflictException} lists every conflicting key.
     */
    public List<IntakeOutcome> acceptAll(List<SignalSubmission> batch) {
        return ingest(batch, null, true);
    }

    /**
     * Stores a chunk of an import: conflicts are reported per row as {@link Conflicted} while the other rows are
     * kept. Used by file imports, where one bad row must not cost the valid ones.
     */
    public List<IntakeOutcome> ingestChunk(List<SignalSubmission> chunk, UUID importId) {
        return ingest(chunk, importId, false);
    }

    /**
     * Every stored signal counted per UTC day, market, product and channel: for rebuilding roll-ups that were
     * created after signals already existed. Streams the table once.
     */
    public List<DailySignalCount> dailySignalCounts() {
        return signals.dailyCounts();
    }

    public Optional<Signal> find(SignalId id) {
        return signals.findById(id);
    }

    /**
     * The stored signals with these ids, in the order asked (an unknown id is left out): how a module that heard of
     * new signals through {@link SignalsIngested} reads what it keeps of them.
     */
    public List<Signal> signals(List<SignalId> ids) {
        return signals.findByIds(ids);
    }

    /**
     * The complaint signals received since {@code since}, oldest first: for a module that starts keeping something
     * per complaint (deadlines' cases) after complaints already exist.
     */
    public List<Signal> complaintsSince(Instant since) {
        return signals.complaintsSince(since);
    }

    record Prepared(Key key, Signal signal, String fingerprint) {
    }

    private List<IntakeOutcome> ingest(List<SignalSubmission> batch, UUID importId, boolean atomic) {
        return store(prepare(batch), importId, atomic);
    }

    /** Submissions masked, pseudonymised and fingerprinted, ready to store; holds no personal data any more. */
    record PreparedBatch(List<Prepared> items) {
    }

    /**
     * The CPU half of intake: masking, pseudonyms and fingerprints. Needs no transaction, so a file import runs it
     * for the next chunk while the previous one is being written.
     */
    PreparedBatch prepare(List<SignalSubmission> batch) {
        // Databases keep microseconds: the answer to the first request must equal what a replay reads back.
        Instant now = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
        var prepared = new ArrayList<Prepared>(batch.size());
        for (SignalSubmission s : batch) {
            prepared.add(prepare(s, now));
        }
        return new PreparedBatch(prepared);
    }

    /** The database half: one transaction per batch, events published with it. */
    List<IntakeOutcome> store(PreparedBatch batch, UUID importId, boolean atomic) {
        if (batch.items().isEmpty()) {
            return List.of();
        }
        return tx.execute(status -> {
            List<IntakeOutcome> result = store(batch.items(), importId);
            var conflicts = result.stream().filter(o -> o instanceof Conflicted).map(o -> (Conflicted) o).toList();
            if (atomic && !conflicts.isEmpty()) {
                throw new IdempotencyConflictException(conflicts);
            }
            var created = result.stream().filter(o -> o instanceof Created).map(o -> ((Created) o).signal()).toList();
            var withReplay = created.stream().filter(s -> s.replayId() != null).toList();
            if (!withReplay.isEmpty()) {
                // taken in this transaction (the replay module links its session to the signal), so that a signal is
                // never stored without its link, and an erasure right after finds it
                events.publishEvent(new SignalsWithReplay(withReplay));
            }
            if (!created.isEmpty()) {
                // Stored with this transaction in the event publication registry; listeners run after the commit, in
                // transactions of their own, so a failing listener never costs a signal its acknowledgement.
                events.publishEvent(SignalsIngested.of(created.stream().map(Signal::id).toList()));
            }
            return result;
        });
    }

    /**
     * Inserts first and looks up only what did not go in. A fresh signal (the common case, and every row of a new
     * import) costs one batched insert and no read; a retry, a conflicting reuse of a key or a duplicate inside the
     * chunk is not inserted (ON CONFLICT DO NOTHING) and is then resolved against the row that holds its key, which
     * this transaction can see even when it was inserted a moment ago by this very batch.
     */
    private List<IntakeOutcome> store(List<Prepared> prepared, UUID importId) {
        var rows = new ArrayList<NewSignal>(prepared.size());
        prepared.forEach(p -> rows.add(new NewSignal(p.signal(), p.fingerprint(), importId)));
        SignalRepository.Inserted[] inserted = signals.insertIfAbsent(rows);

        var outcomes = new IntakeOutcome[prepared.size()];
        var unresolved = new ArrayList<Integer>();
        for (int i = 0; i < outcomes.length; i++) {
            if (inserted[i] == SignalRepository.Inserted.YES) {
                outcomes[i] = new Created(prepared.get(i).signal());
            } else {
                unresolved.add(i);
            }
        }
        if (!unresolved.isEmpty()) {
            Map<Key, StoredSignal> holders = signals.findByKeys(unresolved.stream().map(i -> prepared.get(i).key()).toList());
            for (int i : unresolved) {
                Prepared p = prepared.get(i);
                StoredSignal holder = holders.get(p.key());
                if (holder == null) {
                    throw new IllegalStateException("signal " + p.key() + " was neither inserted nor found");
                }
                // A driver that reports "success, count unknown" leaves it to the id to tell whether it was ours.
                outcomes[i] = holder.signal().id().equals(p.signal().id()) ? new Created(p.signal())
                        : resolve(p, holder.signal(), holder.fingerprint());
            }
        }
        return List.of(outcomes);
    }

    /** Decodes %XX escapes (UTF-8) and nothing else: unlike URLDecoder, '+' stays '+', as it does in a path. */
    static String percentDecoded(String link) {
        if (link.indexOf('%') < 0) {
            return link;
        }
        var bytes = new java.io.ByteArrayOutputStream(link.length());
        int i = 0;
        while (i < link.length()) {
            if (link.charAt(i) == '%' && i + 2 < link.length() && Character.digit(link.charAt(i + 1), 16) >= 0
                    && Character.digit(link.charAt(i + 2), 16) >= 0) {
                bytes.write(Character.digit(link.charAt(i + 1), 16) * 16 + Character.digit(link.charAt(i + 2), 16));
                i += 3;
            } else {
                int next = link.indexOf('%', i + 1);
                int end = next < 0 ? link.length() : next;
                bytes.writeBytes(link.substring(i, end).getBytes(java.nio.charset.StandardCharsets.UTF_8));
                i = end;
            }
        }
        return bytes.toString(java.nio.charset.StandardCharsets.UTF_8);
    }

    private static IntakeOutcome resolve(Prepared p, Signal stored, String storedFingerprint) {
        return storedFingerprint.equals(p.fingerprint())
                ? new Replayed(stored)
                : new Conflicted(stored.id(), p.key().source(), p.key().sourceId());
    }

    private Prepared prepare(SignalSubmission s, Instant now) {
        MaskedText text = masker.mask(s.text());
        int pii = text.total();
        String orderReference = null;
        if (s.orderReference() != null) {
            MaskedText ref = masker.mask(s.orderReference());
            orderReference = ref.text();
            pii += ref.total();
        }
        var evidence = new ArrayList<String>(s.evidence().size());
        for (URI uri : s.evidence()) {
            // A link can carry personal data in its path or query (?email=...): it is masked like any text, and
            // percent-encoded data (%2B46701234567, anna%40example.se) is decoded first so that it is seen too.
            String raw = uri.toString();
            String decoded = percentDecoded(raw);
            MaskedText link = masker.mask(decoded);
            evidence.add(link.total() > 0 || decoded.equals(raw) ? link.text() : raw);
            pii += link.total();
        }
        CustomerKey customer = s.customerId() == null ? null : pseudonymizer.customerKey(s.customerId());
        // The source's id is stored and shown as it is. parse() refuses one in which the masker finds personal data,
        // so for parsed signals this changes nothing; it masks the id of a submission built in code as well, so that
        // no path stores it unmasked (issue 15, finding 4).
        String sourceId = masker.mask(s.sourceId()).text();
        var signal = new Signal(new SignalId(UuidV7.next(clock)), s.source(), sourceId, s.channel(), s.market(),
                s.product(), s.journeyStage(), s.receivedAt(), s.language(), text.text(), orderReference, evidence,
                customer, pii, now, s.replayId());
        return new Prepared(new Key(s.source(), sourceId), signal, pseudonymizer.fingerprint(canonical(s)));
    }

    /** Everything that makes two requests "the same request", in a fixed order with unambiguous separators. */
    private static String canonical(SignalSubmission s) {
        var b = new StringBuilder(s.text().length() + 256);
        char sep = '\u001f';
        b.append(s.source()).append(sep).append(s.sourceId()).append(sep).append(s.channel().name()).append(sep)
                .append(s.market().code()).append(sep).append(s.product()).append(sep).append(s.journeyStage().name())
                .append(sep).append(s.receivedAt()).append(sep).append(s.language()).append(sep).append(s.text())
                .append(sep).append(s.orderReference()).append(sep);
        s.evidence().forEach(u -> b.append(u).append('\u001e'));
        b.append(sep).append(s.customerId());
        // only when present: a signal sent before replays existed keeps its fingerprint, so its retry is still a retry
        if (s.replayId() != null) {
            b.append(sep).append("replay=").append(s.replayId());
        }
        return b.toString();
    }
}
