package com.zeromission.callbacks;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.zeromission.support.TestDatabases;

/** The call-backs contract on PostgreSQL, with the same Flyway migrations. */
class PostgresCallbacksTest extends CallbacksContract {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabases.usePostgres(registry);
    }
}
