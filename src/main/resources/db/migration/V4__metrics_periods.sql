-- Weekly and monthly roll-ups beside the daily ones. A dashboard asking for CPM per market x product x week over
-- three years would otherwise read ~225,000 daily cells per answer; the weekly cells are seven times fewer.
-- grain: 'W' = ISO week (period_start is its Monday), 'M' = calendar month (period_start is the 1st).
-- Quarters and years are summed from months. Both tables are maintained in the same transaction as the daily ones
-- (signals: intake's transaction; purchases: the upsert's, by the difference to the figure they replace).
CREATE TABLE signal_period (
    grain        CHAR(1)      NOT NULL,
    period_start DATE         NOT NULL,
    market       CHAR(2)      NOT NULL,
    product      VARCHAR(64)  NOT NULL,
    channel      VARCHAR(32)  NOT NULL,
    signals      BIGINT       NOT NULL,
    CONSTRAINT pk_signal_period PRIMARY KEY (grain, period_start, market, product, channel)
);

CREATE TABLE purchase_period (
    grain        CHAR(1)      NOT NULL,
    period_start DATE         NOT NULL,
    market       CHAR(2)      NOT NULL,
    product      VARCHAR(64)  NOT NULL,
    purchases    BIGINT       NOT NULL,
    CONSTRAINT pk_purchase_period PRIMARY KEY (grain, period_start, market, product)
);
