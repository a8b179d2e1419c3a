package com.zeromission.intake;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.zeromission.support.TestDatabases;

/** The intake storage contract on PostgreSQL, with the same Flyway migrations as the embedded default. */
class PostgresPersistenceTest extends IntakePersistenceContract {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabases.usePostgres(registry);
    }
}
