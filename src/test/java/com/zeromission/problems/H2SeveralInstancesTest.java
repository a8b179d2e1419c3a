package com.zeromission.problems;

import java.util.Map;

import com.zeromission.support.TestDatabases;

/**
 * Two instances on one embedded H2 database: two application contexts in one JVM open the same database file, as
 * {@code bin/zm import} beside a running server does over H2's auto-server mode. (H2 waits about two seconds for a
 * row lock and then fails the statement; grouping then simply asks again.)
 */
class H2SeveralInstancesTest extends SeveralInstancesContract {

    private final String url = TestDatabases.h2Url(TestDatabases.newDataDir());

    @Override
    Map<String, String> database() {
        return Map.of("spring.datasource.url", url);
    }
}
