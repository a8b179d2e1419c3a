package com.zeromission;

import java.time.Clock;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.modulith.Modulithic;

import com.zeromission.database.EmbeddedDatabaseAccess;

/**
 * zeromission: one place where customer complaints come in, get grouped into problems and turned into
 * actionable insights. A modular monolith: every direct sub-package is a module (see ModularityTests).
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@Modulithic(systemName = "zeromission", sharedModules = "markets")
public class ZeromissionApplication {

    /** Starts the web application directly (IDEs, tests); the packaged jar starts {@code cli.ZeromissionCli}. */
    public static void main(String[] args) {
        EmbeddedDatabaseAccess.loopbackOnly();
        SpringApplication.run(ZeromissionApplication.class, args);
    }

    /** Time is injected everywhere it matters, so that weekly cadences and deadlines can be tested. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
