-- Session replay (issue 18): recordings of what a customer saw on the company's pages (rrweb events), masked by the
-- recorder and again by the server before anything is stored. Owned by the replay module.

-- One recorded session. origin: the page origin that started it (scheme://host[:port], no path). customer_key: the
-- customer's keyed pseudonym when the page named the customer (never the raw id), so that an erasure by customer
-- finds it. started_at: when the session was started; last_seen_at: when its latest batch was stored (retention and
-- the idle timeout count from it). first_event_ms/last_event_ms: the events' own timestamps (epoch ms), for the
-- duration. stored_bytes: the compressed bytes of its chunks.
CREATE TABLE replay_session (
    id             UUID         NOT NULL PRIMARY KEY,
    origin         VARCHAR(255) NOT NULL,
    customer_key   VARCHAR(32),
    started_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    last_seen_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    first_event_ms BIGINT,
    last_event_ms  BIGINT,
    events         BIGINT       NOT NULL,
    chunks         INTEGER      NOT NULL,
    stored_bytes   BIGINT       NOT NULL
);
CREATE INDEX ix_replay_session_last_seen ON replay_session (last_seen_at);
CREATE INDEX ix_replay_session_customer ON replay_session (customer_key);

-- One event batch as the recorder sent it (its seq), masked, as a gzipped JSON array of rrweb events. BYTEA, as in
-- V5 and V6: H2 reads it as VARBINARY. (session_id, seq) is the key, so a batch sent twice is stored once.
CREATE TABLE replay_chunk (
    session_id UUID    NOT NULL REFERENCES replay_session (id),
    seq        INTEGER NOT NULL,
    events     INTEGER NOT NULL,
    first_ms   BIGINT  NOT NULL,
    last_ms    BIGINT  NOT NULL,
    data       BYTEA   NOT NULL,
    stored_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (session_id, seq)
);

-- Which signals came with which session (a feedback-form message carries its session): for a problem's replays, the
-- call-back list's indicator, and erasure by signal.
CREATE TABLE replay_signal (
    session_id UUID NOT NULL REFERENCES replay_session (id),
    signal_id  UUID NOT NULL,
    PRIMARY KEY (session_id, signal_id)
);
CREATE INDEX ix_replay_signal_signal ON replay_signal (signal_id);
