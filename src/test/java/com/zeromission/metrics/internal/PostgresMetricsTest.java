package com.zeromission.metrics.internal;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.zeromission.support.TestDatabases;

/** The metrics contract on PostgreSQL, with the same Flyway migrations as the embedded default. */
class PostgresMetricsTest extends MetricsContract {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        var dir = TestDatabases.newDataDir();
        String url = TestDatabases.newPostgresDatabase();
        registry.add("zeromission.data-dir", dir::toString);
        registry.add("spring.datasource.url", () -> url);
        registry.add("spring.datasource.username", () -> "postgres");
        registry.add("spring.datasource.password", () -> "");
    }
}
