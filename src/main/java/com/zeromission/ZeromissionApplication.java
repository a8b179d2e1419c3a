package com.zeromission;

import java.time.Clock;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.modulith.Modulithic;

import com.zeromission.cli.ZeromissionCli;

/**
 * zeromission: one place where customer complaints come in, get grouped into problems and turned into
 * actionable insights. A modular monolith: every direct sub-package is a module (see ModularityTests).
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@Modulithic(systemName = "zeromission")
public class ZeromissionApplication {

    public static void main(String[] args) {
        // Every entry point (the web server and the one-shot commands) goes through the picocli command line.
        System.exit(ZeromissionCli.run(args));
    }

    /** Time is injected everywhere it matters, so that weekly cadences and deadlines can be tested. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
