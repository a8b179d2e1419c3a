package com.zeromission.deadlines;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.zeromission.support.TestDatabases;

/** The complaint-case contract on PostgreSQL, with the same Flyway migrations. */
class PostgresComplaintCaseTest extends ComplaintCaseContract {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabases.usePostgres(registry);
    }
}
