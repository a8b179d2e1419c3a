package com.zeromission.metrics.internal;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.zeromission.support.TestDatabases;

/** The metrics contract on PostgreSQL, with the same Flyway migrations as the embedded default. */
class PostgresMetricsTest extends MetricsContract {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabases.usePostgres(registry);
    }
}
