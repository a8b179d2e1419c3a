package com.zeromission.intake;

import java.util.List;

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
        String customerId) {

    public RawSignal {
        evidence = evidence == null ? List.of() : evidence;
    }

    /** Never prints the text or the customer id: a RawSignal may hold personal data. */
    @Override
    public String toString() {
        return "RawSignal[source=" + source + ", sourceId=" + sourceId + ", channel=" + channel + ", market=" + market
                + ", product=" + product + ", receivedAt=" + receivedAt + ", text=<" + (text == null ? 0 : text.length())
                + " chars>]";
    }
}
