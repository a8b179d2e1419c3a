package com.zeromission.demo.internal;

import java.time.LocalDate;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.format.annotation.DateTimeFormat;

/**
 * {@code zeromission.demo.*}: whether to load the demo data on start ({@code bin/zm serve --demo} sets
 * {@code enabled}), and which demo set. The period always ends yesterday.
 */
@ConfigurationProperties("zeromission.demo")
record DemoProperties(
        @DefaultValue("false") boolean enabled,
        @DefaultValue("20180040") long seed,
        @DefaultValue("1.0") double scale,
        @DefaultValue("2024-01-01") @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
        @DefaultValue("1000") int chunkSize) {

    public DemoProperties {
        if (chunkSize < 1 || chunkSize > 100_000) {
            throw new IllegalArgumentException("zeromission.demo.chunk-size must be 1-100000, was " + chunkSize);
        }
    }
}
