-- One set of migrations for both databases: the embedded H2 (PostgreSQL mode) and PostgreSQL itself.
-- Keep to the SQL both understand: no PostgreSQL-only types, no partial indexes.

-- A signal is one piece of customer voice. Its text is stored masked only; the customer is a keyed pseudonym.
CREATE TABLE signal (
    id                  UUID           NOT NULL PRIMARY KEY,
    source              VARCHAR(64)    NOT NULL,
    source_id           VARCHAR(128)   NOT NULL,
    -- keyed HMAC of the normalised submission: tells a retry (same body) from a conflicting reuse of the key
    fingerprint         CHAR(64)       NOT NULL,
    channel             VARCHAR(32)    NOT NULL,
    counts_as_complaint BOOLEAN        NOT NULL,
    market              CHAR(2)        NOT NULL,
    product             VARCHAR(64)    NOT NULL,
    journey_stage       VARCHAR(32)    NOT NULL,
    received_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    lang                VARCHAR(8),
    body                VARCHAR(20000) NOT NULL,
    order_reference     VARCHAR(128),
    evidence            VARCHAR(25000),
    customer_key        VARCHAR(32),
    pii_masked          INTEGER        NOT NULL,
    import_id           UUID,
    ingested_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT uq_signal_source UNIQUE (source, source_id)
);
CREATE INDEX ix_signal_received_at ON signal (received_at);
-- No index on customer_key yet: nothing queries by customer, and an index over random pseudonyms costs about
-- 40 % of bulk-import speed on H2 (docs/benchmarks.md). The feature that needs it adds it in its migration.

-- A CSV import (from the command line or an upload) and its row-level error report.
CREATE TABLE signal_import (
    id            UUID          NOT NULL PRIMARY KEY,
    file_name     VARCHAR(255)  NOT NULL,
    format        VARCHAR(16)   NOT NULL,
    origin        VARCHAR(16)   NOT NULL,
    status        VARCHAR(16)   NOT NULL,
    rows_total    BIGINT,
    rows_read     BIGINT        NOT NULL,
    rows_created  BIGINT        NOT NULL,
    rows_replayed BIGINT        NOT NULL,
    rows_rejected BIGINT        NOT NULL,
    started_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    finished_at   TIMESTAMP WITH TIME ZONE,
    failure       VARCHAR(1000)
);
CREATE INDEX ix_signal_import_started_at ON signal_import (started_at);

CREATE TABLE signal_import_error (
    import_id   UUID          NOT NULL REFERENCES signal_import (id),
    line_number BIGINT        NOT NULL,
    column_name VARCHAR(64),
    reason      VARCHAR(1000) NOT NULL
);
CREATE INDEX ix_signal_import_error ON signal_import_error (import_id, line_number);
