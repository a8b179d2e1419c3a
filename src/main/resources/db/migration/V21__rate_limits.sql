-- Rate limits and sign-in lockouts (issue 15): one counter per budget and subject (a client address, an account,
-- or both), in the database every instance shares, so N instances allow one budget, not N. The subject is stored
-- only as a hash inside limit_key: the table never holds a user name or an address in clear. A row is worth
-- nothing once its window has ended (window_end, epoch milliseconds) and is deleted by the periodic sweep.
CREATE TABLE rate_limit (
    limit_key VARCHAR(100) PRIMARY KEY,
    hits INTEGER NOT NULL,
    window_end BIGINT NOT NULL
);
CREATE INDEX rate_limit_window_end ON rate_limit (window_end);
