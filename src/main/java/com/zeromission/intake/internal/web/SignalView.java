package com.zeromission.intake.internal.web;

import java.time.Instant;
import java.util.List;

import com.zeromission.intake.Signal;

/**
 * The JSON shape of a stored signal: flat strings in the same vocabulary the client sent (channel and journey stage
 * codes, ISO market), so that what goes in and what comes out read alike. Already masked and pseudonymised.
 * {@code replayId}: the session replay the signal came with, if any.
 */
record SignalView(String id, String source, String sourceId, String channel, boolean countsAsComplaint, String market,
        String product, String journeyStage, Instant receivedAt, String language, String text, String orderReference,
        List<String> evidence, String customerKey, int piiMasked, Instant ingestedAt, String replayId) {

    static SignalView of(Signal s) {
        return new SignalView(s.id().toString(), s.source(), s.sourceId(), s.channel().code(), s.countsAsComplaint(),
                s.market().code(), s.product(), s.journeyStage().code(), s.receivedAt(), s.language(), s.text(),
                s.orderReference(), s.evidence(), s.customerKey() == null ? null : s.customerKey().value(), s.piiMasked(),
                s.ingestedAt(), s.replayId() == null ? null : s.replayId().toString());
    }
}
