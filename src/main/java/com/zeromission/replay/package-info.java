/**
 * Session replay: recordings of what a customer saw on the company's pages (rrweb events from the recorder under
 * {@code /replay/}), taken in over a public, CORS-limited ingestion endpoint, masked again on the server and refused
 * when an input value arrives unmasked, stored as compressed chunks, linked to the signals that came with them, kept
 * for a retention period and erased with the customer or the signal. Analysts and admins read a replay's summary,
 * timeline (page changes, clicks, rage clicks, errors shown) and, audited, its events. Public API:
 * {@link com.zeromission.replay.Replays} and its value types; storage, masking, the timeline rules, ingestion and
 * HTTP live in {@code internal}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Replay",
        allowedDependencies = {"audit", "intake", "limits", "privacy", "web"})
@org.jspecify.annotations.NullMarked
package com.zeromission.replay;
