-- (Columns are on_day, not day: DAY is a reserved word in H2.)
-- Metrics: the numerator and denominator of complaints per million purchases, kept as daily roll-ups so that
-- dashboards never scan the signal table. Days are UTC calendar days of received_at (signals) and of the purchase.

-- Signals per UTC day, market, product and channel; maintained in the same transaction as the signals themselves.
CREATE TABLE signal_day (
    on_day   DATE         NOT NULL,
    market   CHAR(2)      NOT NULL,
    product  VARCHAR(64)  NOT NULL,
    channel  VARCHAR(32)  NOT NULL,
    signals  BIGINT       NOT NULL,
    CONSTRAINT pk_signal_day PRIMARY KEY (on_day, market, product, channel)
);

-- Purchases per UTC day, market and product: the denominator. Upserted: the last value sent for a day wins.
CREATE TABLE purchase_day (
    on_day     DATE          NOT NULL,
    market     CHAR(2)       NOT NULL,
    product    VARCHAR(64)   NOT NULL,
    purchases  BIGINT        NOT NULL,
    source     VARCHAR(64)   NOT NULL,
    updated_at TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_purchase_day PRIMARY KEY (on_day, market, product)
);

-- Yearly CPM targets per scope: global ('*', '*'), a market ('SE', '*') or a product ('*', 'pay-later').
CREATE TABLE cpm_target (
    target_year INTEGER       NOT NULL,
    market      VARCHAR(2)    NOT NULL,
    product     VARCHAR(64)   NOT NULL,
    cpm         DECIMAL(12,4) NOT NULL,
    updated_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_cpm_target PRIMARY KEY (target_year, market, product)
);
