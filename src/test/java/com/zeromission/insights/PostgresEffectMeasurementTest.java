package com.zeromission.insights;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.zeromission.support.TestDatabases;

/** Effect measurement on PostgreSQL, with the same Flyway migrations. */
class PostgresEffectMeasurementTest extends EffectMeasurementContract {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabases.usePostgres(registry);
    }
}
