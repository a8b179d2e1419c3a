package com.zeromission.kafka.internal;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.core.KafkaTemplate;

import com.zeromission.intake.IntakeOutcome;
import com.zeromission.intake.IntakeService;
import com.zeromission.intake.InvalidSignalException;
import com.zeromission.intake.SignalSubmission;
import com.zeromission.metrics.PurchaseCount;
import com.zeromission.metrics.Purchases;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The two consumers. Each batch is stored in one database transaction through the intake (or purchases) service;
 * messages that can never be stored are written to the dead-letter topic first (and that write is awaited). Only
 * when the listener returns does the container commit the batch's offsets: a crash before that redelivers the
 * batch, and intake's idempotency (source, source id) stores each signal once. A failure to store (database down)
 * is thrown, and the error handler tries the same batch again later without committing anything.
 */
class KafkaIntake {

    private static final Logger log = LoggerFactory.getLogger(KafkaIntake.class);

    static final String REASON_HEADER = "zeromission-dead-letter-reason";
    static final String TOPIC_HEADER = "zeromission-original-topic";
    static final String OFFSET_HEADER = "zeromission-original-offset";

    private final IntakeService intake;
    private final Purchases purchases;
    private final KafkaTemplate<byte[], byte[]> deadLetters;
    private final KafkaIntakeProperties settings;
    private final Clock clock;
    private final Counter stored, replayed, deadLettered;

    KafkaIntake(IntakeService intake, Purchases purchases, KafkaTemplate<byte[], byte[]> deadLetters,
            KafkaIntakeProperties settings, Clock clock, MeterRegistry meters) {
        this.intake = intake;
        this.purchases = purchases;
        this.deadLetters = deadLetters;
        this.settings = settings;
        this.clock = clock;
        this.stored = meters.counter("zeromission.kafka.messages", "outcome", "stored");
        this.replayed = meters.counter("zeromission.kafka.messages", "outcome", "replayed");
        this.deadLettered = meters.counter("zeromission.kafka.messages", "outcome", "dead-letter");
    }

    // idIsGroup = false: both listeners are in the configured consumer group, not in groups named after them
    @KafkaListener(id = "zeromission-signals", idIsGroup = false, topics = "${zeromission.kafka.signals-topic:zeromission.signals.v1}",
            batch = "true")
    void signals(List<ConsumerRecord<byte[], byte[]>> records) {
        var submissions = new ArrayList<SignalSubmission>();
        var sources = new ArrayList<ConsumerRecord<byte[], byte[]>>();
        var poison = new ArrayList<DeadLetter>();
        for (var record : records) {
            switch (Messages.signal(record.value())) {
                case Messages.SignalMessage m -> {
                    try {
                        submissions.add(SignalSubmission.parse(m.signal(), clock));
                        sources.add(record);
                    } catch (InvalidSignalException e) {
                        poison.add(new DeadLetter(record, new Messages.Poison(e.getMessage()).reason()));
                    }
                }
                case Messages.Poison p -> poison.add(new DeadLetter(record, p.reason()));
                case Messages.PurchaseMessage p -> poison.add(new DeadLetter(record, "a purchase count on the signals topic"));
            }
        }
        if (!submissions.isEmpty()) {
            List<IntakeOutcome> outcomes = intake.acceptAll(submissions);
            for (int i = 0; i < outcomes.size(); i++) {
                switch (outcomes.get(i)) {
                    case IntakeOutcome.Created c -> stored.increment();
                    case IntakeOutcome.Replayed r -> replayed.increment();
                    case IntakeOutcome.Conflicted c -> poison.add(new DeadLetter(sources.get(i), "source '" + c.source()
                            + "' id '" + c.sourceId() + "' is already stored as signal " + c.existing()
                            + " with different content; a correction needs a new source id"));
                }
            }
        }
        sendAll(poison);
    }

    @KafkaListener(id = "zeromission-purchases", idIsGroup = false, topics = "${zeromission.kafka.purchases-topic:zeromission.purchases.v1}",
            batch = "true")
    void purchases(List<ConsumerRecord<byte[], byte[]>> records) {
        var counts = new ArrayList<PurchaseCount>();
        var poison = new ArrayList<DeadLetter>();
        for (var record : records) {
            switch (Messages.purchases(record.value())) {
                case Messages.PurchaseMessage m -> counts.add(m.count());
                case Messages.Poison p -> poison.add(new DeadLetter(record, p.reason()));
                case Messages.SignalMessage s -> poison.add(new DeadLetter(record, "a signal on the purchases topic"));
            }
        }
        if (!counts.isEmpty()) {
            // the last figure for a day, market and product wins, as with PUT /api/v1/purchases
            purchases.upsert(counts, "kafka");
            stored.increment(counts.size());
        }
        sendAll(poison);
    }

    private record DeadLetter(ConsumerRecord<byte[], byte[]> record, String reason) {
    }

    private void sendAll(List<DeadLetter> letters) {
        var sent = new ArrayList<java.util.concurrent.CompletableFuture<?>>();
        for (DeadLetter d : letters) {
            var out = new ProducerRecord<>(settings.deadLetterTopic(), d.record().key(), d.record().value());
            d.record().headers().forEach(h -> out.headers().add(h));
            out.headers().add(REASON_HEADER, d.reason().getBytes(StandardCharsets.UTF_8));
            out.headers().add(TOPIC_HEADER, d.record().topic().getBytes(StandardCharsets.UTF_8));
            out.headers().add(OFFSET_HEADER, (d.record().partition() + ":" + d.record().offset()).getBytes(StandardCharsets.UTF_8));
            sent.add(deadLetters.send(out));
            log.warn("message {}:{}:{} sent to the dead-letter topic: {}", d.record().topic(), d.record().partition(),
                    d.record().offset(), d.reason());
        }
        try {
            // the offsets are committed after this returns: the dead letters must be in Kafka first
            for (var f : sent) {
                f.get(30, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while writing dead letters", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("could not write to the dead-letter topic " + settings.deadLetterTopic()
                    + "; the batch will be tried again", e);
        }
        deadLettered.increment(letters.size());
    }
}
