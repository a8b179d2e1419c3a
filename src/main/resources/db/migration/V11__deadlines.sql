-- Deadlines (issue 7, part 5): the regulatory clock of each formal complaint. One row per complaint signal received
-- within the case window. No text and no customer data here, so erasure leaves the row as it is (the register and
-- the counts stay whole). Deadlines are local dates of the market, fixed when the case opens.
CREATE TABLE complaint_case (
    signal_id           UUID          NOT NULL PRIMARY KEY,
    market              CHAR(2)       NOT NULL,
    product             VARCHAR(64)   NOT NULL,
    channel             VARCHAR(32)   NOT NULL,
    received_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    -- the business day the complaint counts as received on (weekend, holiday or after the cut-off: the next one)
    counted_from        DATE          NOT NULL,
    rule                VARCHAR(32)   NOT NULL,
    acknowledgement_due DATE          NOT NULL,
    final_reply_due     DATE          NOT NULL,
    -- the latest final reply a holding reply can buy; NULL where the rules allow no extension
    extension_due       DATE,
    acknowledged_at     TIMESTAMP WITH TIME ZONE,
    holding_reply_at    TIMESTAMP WITH TIME ZONE,
    final_reply_at      TIMESTAMP WITH TIME ZONE,
    status              VARCHAR(16)   NOT NULL,
    opened_at           TIMESTAMP WITH TIME ZONE NOT NULL
);
-- Lists read the open cases (no final reply) by due date; the register reads by receipt.
CREATE INDEX ix_complaint_case_open ON complaint_case (status, final_reply_due);
CREATE INDEX ix_complaint_case_received ON complaint_case (received_at);
