package com.zeromission.intake.internal.web;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.nio.charset.StandardCharsets;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.zeromission.intake.Channel;
import com.zeromission.intake.FieldViolation;
import com.zeromission.intake.IntakeOutcome;
import com.zeromission.intake.IntakeService;
import com.zeromission.intake.InvalidSignalException;
import com.zeromission.intake.RawSignal;
import com.zeromission.intake.Signal;
import com.zeromission.intake.SignalId;
import com.zeromission.intake.SignalSubmission;
import com.zeromission.intake.internal.SignalRepository.Cursor;
import com.zeromission.intake.internal.SignalRepository.SignalCriteria;
import com.zeromission.intake.internal.SignalRepository;
import com.zeromission.markets.Market;

/**
 * REST intake. Retries are safe: the (source, sourceId) pair is the idempotency key, and a retry gets the first
 * answer again (same status, same body, plus {@code Idempotent-Replayed: true}).
 */
@RestController
@RequestMapping(path = "/api/v1/signals", produces = MediaType.APPLICATION_JSON_VALUE)
class SignalController {

    static final int MAX_BATCH = 1_000;
    static final int MAX_PAGE = 500;

    private final IntakeService intake;
    private final SignalRepository signals;
    private final Clock clock;

    SignalController(IntakeService intake, SignalRepository signals, Clock clock) {
        this.intake = intake;
        this.signals = signals;
        this.clock = clock;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<SignalView> submit(@RequestBody RawSignal body) {
        SignalSubmission submission = SignalSubmission.parse(body, clock);
        return switch (intake.accept(submission)) {
            case IntakeOutcome.Created c -> ResponseEntity.created(location(c.signal())).body(SignalView.of(c.signal()));
            case IntakeOutcome.Replayed r -> ResponseEntity.created(location(r.signal()))
                    .header("Idempotent-Replayed", "true").body(SignalView.of(r.signal()));
            case IntakeOutcome.Conflicted c -> throw new IllegalStateException("a conflict is thrown, not returned: " + c);
        };
    }

    record BatchItem(int index, String outcome, SignalView signal) {
    }

    record BatchResult(int created, int replayed, List<BatchItem> items) {
    }

    /** All or nothing: any invalid item (400) or conflicting key (409) and no item of the batch is stored. */
    @PostMapping(path = "/batch", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<BatchResult> submitBatch(@RequestBody List<RawSignal> body) {
        if (body.isEmpty()) {
            throw new InvalidSignalException(List.of(new FieldViolation("$", null, "batch is empty")));
        }
        if (body.size() > MAX_BATCH) {
            throw new InvalidSignalException(List.of(new FieldViolation("$", String.valueOf(body.size()),
                    "batch has " + body.size() + " signals; at most " + MAX_BATCH + " allowed")));
        }
        var submissions = new ArrayList<SignalSubmission>(body.size());
        var violations = new ArrayList<FieldViolation>();
        for (int i = 0; i < body.size(); i++) {
            try {
                submissions.add(SignalSubmission.parse(body.get(i), clock));
            } catch (InvalidSignalException e) {
                int index = i;
                e.violations().forEach(v -> violations.add(new FieldViolation("[" + index + "]." + v.field(), v.value(), v.reason())));
            }
        }
        if (!violations.isEmpty()) {
            throw new InvalidSignalException(violations);
        }
        List<IntakeOutcome> outcomes = intake.acceptAll(submissions);
        var items = new ArrayList<BatchItem>(outcomes.size());
        int created = 0;
        int replayed = 0;
        for (int i = 0; i < outcomes.size(); i++) {
            switch (outcomes.get(i)) {
                case IntakeOutcome.Created c -> {
                    created++;
                    items.add(new BatchItem(i, "created", SignalView.of(c.signal())));
                }
                case IntakeOutcome.Replayed r -> {
                    replayed++;
                    items.add(new BatchItem(i, "replayed", SignalView.of(r.signal())));
                }
                case IntakeOutcome.Conflicted c -> throw new IllegalStateException("a conflict is thrown, not returned: " + c);
            }
        }
        var status = created > 0 ? HttpStatus.CREATED : HttpStatus.OK;
        return ResponseEntity.status(status).body(new BatchResult(created, replayed, items));
    }

    @GetMapping("/{id}")
    ResponseEntity<SignalView> get(@PathVariable String id) {
        SignalId signalId = parseId(id);
        return intake.find(signalId).map(SignalView::of).map(ResponseEntity::ok)
                .orElseThrow(() -> new SignalNotFoundException(signalId));
    }

    record Page(List<SignalView> signals, String next) {
    }

    @GetMapping
    Page search(@RequestParam(required = false) String market, @RequestParam(required = false) String channel,
            @RequestParam(required = false) String product, @RequestParam(required = false) String source,
            @RequestParam(required = false) String from, @RequestParam(required = false) String to,
            @RequestParam(defaultValue = "50") int limit, @RequestParam(required = false) String cursor) {
        var violations = new ArrayList<FieldViolation>();
        Market m = null;
        if (market != null) {
            try {
                m = Market.of(market);
            } catch (IllegalArgumentException e) {
                violations.add(new FieldViolation("market", market, e.getMessage()));
            }
        }
        Channel c = null;
        if (channel != null) {
            try {
                c = Channel.parse(channel);
            } catch (IllegalArgumentException e) {
                violations.add(new FieldViolation("channel", channel, e.getMessage()));
            }
        }
        Instant f = instantParam("from", from, violations);
        Instant t = instantParam("to", to, violations);
        if (limit < 1 || limit > MAX_PAGE) {
            violations.add(new FieldViolation("limit", String.valueOf(limit), "must be between 1 and " + MAX_PAGE));
        }
        Cursor after = null;
        if (cursor != null) {
            try {
                String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split("\\|");
                after = new Cursor(Instant.parse(parts[0]), UUID.fromString(parts[1]));
            } catch (RuntimeException e) {
                violations.add(new FieldViolation("cursor", cursor, "is not a cursor returned by this endpoint"));
            }
        }
        if (!violations.isEmpty()) {
            throw new InvalidSignalException(violations);
        }
        List<Signal> page = signals.search(new SignalCriteria(m, c, product == null ? null : SignalSubmission.slug(product),
                source, f, t, after), limit);
        String next = null;
        if (page.size() == limit) {
            Signal last = page.getLast();
            next = Base64.getUrlEncoder().withoutPadding().encodeToString(
                    (last.receivedAt() + "|" + last.id()).getBytes(StandardCharsets.UTF_8));
        }
        return new Page(page.stream().map(SignalView::of).toList(), next);
    }

    record SummaryRow(int year, String channel, String market, long signals) {
    }

    record Summary(long total, List<SummaryRow> rows) {
    }

    /** How many signals are stored, by year, channel and market. */
    @GetMapping("/summary")
    Summary summary() {
        var rows = new ArrayList<SummaryRow>();
        long total = 0;
        for (Map<String, Object> r : signals.summary()) {
            long n = ((Number) r.get("n")).longValue();
            total += n;
            rows.add(new SummaryRow(((Number) r.get("yr")).intValue(), Channel.valueOf((String) r.get("channel")).code(),
                    ((String) r.get("market")).trim(), n));
        }
        return new Summary(total, rows);
    }

    private static @Nullable Instant instantParam(String name, String value, List<FieldViolation> violations) {
        if (value == null) {
            return null;
        }
        try {
            return value.length() == 10 ? java.time.LocalDate.parse(value).atStartOfDay(java.time.ZoneOffset.UTC).toInstant()
                    : java.time.OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            violations.add(new FieldViolation(name, value, "is not an ISO-8601 date (2026-01-07) or date-time with offset"));
            return null;
        }
    }

    private static SignalId parseId(String id) {
        try {
            return SignalId.parse(id);
        } catch (IllegalArgumentException e) {
            throw new InvalidSignalException(List.of(new FieldViolation("id", id, "is not a signal id (a UUID)")));
        }
    }

    private static URI location(Signal s) {
        return URI.create("/api/v1/signals/" + s.id());
    }
}
