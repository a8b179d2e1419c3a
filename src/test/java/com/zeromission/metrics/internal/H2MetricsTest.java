package com.zeromission.metrics.internal;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.zeromission.support.TestDatabases;

/** The metrics contract on the embedded default database. */
class H2MetricsTest extends MetricsContract {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabases.useH2(registry);
    }
}
