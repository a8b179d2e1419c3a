package com.zeromission.alarms;

import java.util.Map;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.zeromission.support.TestDatabases;

/** The alarms storage and delivery contract on the embedded default: an H2 file database. */
class H2AlarmsPersistenceTest extends AlarmsPersistenceContract {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabases.useH2(registry);
    }

    @Override
    Map<String, Object> freshDatabase() {
        var dir = TestDatabases.newDataDir();
        return Map.of("zeromission.data-dir", dir.toString(), "spring.datasource.url", TestDatabases.h2Url(dir));
    }
}
