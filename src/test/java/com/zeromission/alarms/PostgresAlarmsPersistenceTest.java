package com.zeromission.alarms;

import java.util.Map;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.zeromission.support.TestDatabases;

/** The alarms storage and delivery contract on PostgreSQL, with the same Flyway migrations as the embedded default. */
class PostgresAlarmsPersistenceTest extends AlarmsPersistenceContract {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        var dir = TestDatabases.newDataDir();
        String url = TestDatabases.newPostgresDatabase();
        registry.add("zeromission.data-dir", dir::toString);
        registry.add("spring.datasource.url", () -> url);
        registry.add("spring.datasource.username", () -> "postgres");
        registry.add("spring.datasource.password", () -> "");
    }

    @Override
    Map<String, Object> freshDatabase() {
        return Map.of("zeromission.data-dir", TestDatabases.newDataDir().toString(),
                "spring.datasource.url", TestDatabases.newPostgresDatabase(),
                "spring.datasource.username", "postgres", "spring.datasource.password", "");
    }
}
