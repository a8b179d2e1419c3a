package com.zeromission.intake;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import com.zeromission.markets.Market;
import com.zeromission.privacy.CustomerKey;

/**
 * A stored signal, as everyone else in the product sees it: text, order reference and evidence links are masked,
 * the customer is a keyed pseudonym. Safe to show, log and export. {@code replayId} names the session replay the
 * signal came with (the feedback form's, or one a source system sent), null when there is none; a uuid rather than
 * the replay module's own type, since that module depends on intake and not the other way round.
 */
public record Signal(
        SignalId id,
        String source,
        String sourceId,
        Channel channel,
        Market market,
        String product,
        JourneyStage journeyStage,
        Instant receivedAt,
        String language,
        String text,
        String orderReference,
        List<String> evidence,
        CustomerKey customerKey,
        int piiMasked,
        Instant ingestedAt,
        @Nullable UUID replayId) {

    public Signal {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(sourceId, "sourceId");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(market, "market");
        Objects.requireNonNull(product, "product");
        Objects.requireNonNull(journeyStage, "journeyStage");
        Objects.requireNonNull(receivedAt, "receivedAt");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(ingestedAt, "ingestedAt");
        evidence = List.copyOf(evidence == null ? List.of() : evidence);
        if (piiMasked < 0) {
            throw new IllegalArgumentException("piiMasked must be >= 0, was " + piiMasked);
        }
    }

    public boolean countsAsComplaint() {
        return channel.countsAsComplaint();
    }
}
