package com.zeromission.mystery;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.zeromission.support.TestDatabases;

/** The mystery-shopping contract on PostgreSQL, with the same Flyway migrations. */
class PostgresMysteryShoppingTest extends MysteryShoppingContract {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabases.usePostgres(registry);
    }
}
