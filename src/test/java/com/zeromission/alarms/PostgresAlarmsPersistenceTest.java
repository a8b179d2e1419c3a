package com.zeromission.alarms;

import java.util.Map;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.zeromission.support.TestDatabases;

/** The alarms storage and delivery contract on PostgreSQL, with the same Flyway migrations as the embedded default. */
class PostgresAlarmsPersistenceTest extends AlarmsPersistenceContract {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabases.usePostgres(registry);
    }

    @Override
    Map<String, Object> freshDatabase() {
        return Map.of("zeromission.data-dir", TestDatabases.newDataDir().toString(),
                "spring.datasource.url", TestDatabases.newPostgresDatabase(),
                "spring.datasource.username", "postgres", "spring.datasource.password", "");
    }
}
