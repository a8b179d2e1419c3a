package com.zeromission.limits;

import com.zeromission.support.TestDatabases;

/** The shared rate limits on PostgreSQL, with the same Flyway migrations. */
class PostgresRateLimitsTest extends RateLimitsContract {

    @Override
    String[] database() {
        return new String[] {TestDatabases.newPostgresDatabase(), "postgres", ""};
    }
}
