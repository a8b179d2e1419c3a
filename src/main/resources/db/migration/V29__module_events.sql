-- Issue 17: modules talk through events and APIs, never through another module's tables.

-- Spring Modulith's event publication registry (JDBC, its schema "v2"): a module event is stored here in the
-- transaction that publishes it, once per listener, and each @ApplicationModuleListener gets it after the commit in a
-- transaction of its own. A publication still here at restart (a crash between the commit and the listener) or one
-- whose listener failed is handed to the listener again (docs/reliability.md). Created here rather than by Modulith's
-- start-up schema initialisation, so that both databases get it from the same migrations as everything else.
-- serialized_event is a VARCHAR both databases accept at this length (events carry ids, not texts); no index on it:
-- completed publications are deleted (spring.modulith.events.completion-mode=delete), so the table stays small.
CREATE TABLE event_publication (
    id                     UUID           NOT NULL PRIMARY KEY,
    listener_id            VARCHAR(512)   NOT NULL,
    event_type             VARCHAR(512)   NOT NULL,
    serialized_event       VARCHAR(1000000) NOT NULL,
    publication_date       TIMESTAMP WITH TIME ZONE NOT NULL,
    completion_date        TIMESTAMP WITH TIME ZONE,
    status                 VARCHAR(20),
    completion_attempts    INTEGER,
    last_resubmission_date TIMESTAMP WITH TIME ZONE
);
CREATE INDEX ix_event_publication_completion ON event_publication (completion_date);

-- Problems' own copy of the signal facts that grouping, search and problem pages need (the masked text, never the
-- customer), fed by intake's SignalsIngested and erased with the signal by SignalsErased. channel keeps the enum name,
-- as intake's table does. Back-filled from intake's table for a database from before this migration.
CREATE TABLE problem_signal (
    id                  UUID           NOT NULL PRIMARY KEY,
    channel             VARCHAR(32)    NOT NULL,
    counts_as_complaint BOOLEAN        NOT NULL,
    market              CHAR(2)        NOT NULL,
    product             VARCHAR(64)    NOT NULL,
    journey_stage       VARCHAR(32)    NOT NULL,
    received_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    lang                VARCHAR(8),
    body                VARCHAR(20000) NOT NULL,
    erased_at           TIMESTAMP WITH TIME ZONE
);
CREATE INDEX ix_problem_signal_received_at ON problem_signal (received_at);
INSERT INTO problem_signal (id, channel, counts_as_complaint, market, product, journey_stage, received_at, lang, body,
        erased_at)
    SELECT id, channel, counts_as_complaint, market, product, journey_stage, received_at, lang, body, erased_at
    FROM signal;

-- The signal roll-ups count each SignalsIngested once: the registry may hand an event to the listener again (after a
-- crash between the listener's commit and the publication's completion), and the event's id recorded here in the
-- roll-up's own transaction tells the second time from the first.
CREATE TABLE signal_rollup_event (
    event_id   UUID NOT NULL PRIMARY KEY,
    applied_at TIMESTAMP WITH TIME ZONE NOT NULL
);
