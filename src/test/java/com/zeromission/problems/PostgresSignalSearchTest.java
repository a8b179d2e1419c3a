package com.zeromission.problems;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.zeromission.support.TestDatabases;

/** The signal search contract on PostgreSQL, with the same Flyway migrations as the embedded default. */
class PostgresSignalSearchTest extends SignalSearchContract {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabases.usePostgres(registry);
    }
}
