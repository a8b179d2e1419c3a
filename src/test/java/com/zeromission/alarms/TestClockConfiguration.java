package com.zeromission.alarms;

import java.time.Instant;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/** Every service of the test application gets the test clock (the application's own clock bean is outranked). */
@TestConfiguration
public class TestClockConfiguration {

    @Bean
    @Primary
    TestClock testClock() {
        return new TestClock(Instant.parse("2026-01-01T12:00:00Z"));
    }
}
