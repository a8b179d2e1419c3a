package com.zeromission.intake;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A signal exactly as a channel delivers it: every field still a string, nothing checked, personal data not yet
 * masked. JSON bodies and CSV rows are read into this shape and turned into a {@link SignalSubmission} by
 * {@link SignalSubmission#parse}, which reports every broken field at once.
 */
public record RawSignal(
        String source,
        String sourceId,
        String channel,
        String market,
        String product,
        String journeyStage,
        String receivedAt,
        String language,
        String text,
        String orderReference,
        List<String> evidence,
        String customerId,
        @Nullable String replayId) {

    public RawSignal {
        evidence = evidence == null ? List.of() : evidence;
    }

    /** A signal that came without a session replay (every channel but the feedback form and API clients that send one). */
    public RawSignal(String source, String sourceId, String channel, String market, String product, String journeyStage,
            String receivedAt, String language, String text, String orderReference, List<String> evidence,
            String customerId) {
        this(source, sourceId, channel, market, product, journeyStage, receivedAt, language, text, orderReference,
                evidence, customerId, null);
    }

    /** Never prints the text or the customer id: a RawSignal may hold personal data. */
    @Override
    public String toString() {
        return "RawSignal[source=" + source + ", sourceId=" + sourceId + ", channel=" + channel + ", market=" + market
                + ", product=" + product + ", receivedAt=" + receivedAt + ", text=<" + (text == null ? 0 : text.length())
                + " chars>]";
    }
}
