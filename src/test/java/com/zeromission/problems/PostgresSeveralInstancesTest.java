package com.zeromission.problems;

import java.util.Map;

import com.zeromission.support.TestDatabases;

/** Two instances on one PostgreSQL database: how production runs several. */
class PostgresSeveralInstancesTest extends SeveralInstancesContract {

    private final String url = TestDatabases.newPostgresDatabase();

    @Override
    Map<String, String> database() {
        return Map.of("spring.datasource.url", url, "spring.datasource.username", "postgres",
                "spring.datasource.password", "");
    }
}
