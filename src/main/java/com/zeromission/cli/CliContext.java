package com.zeromission.cli;

import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import com.zeromission.ZeromissionApplication;

/** Starts the application without a web server for a one-shot command, quietly, with the caller's Spring args. */
final class CliContext {

    private CliContext() {
    }

    static ConfigurableApplicationContext start(List<String> springArgs) {
        requireSpringProperties(springArgs);
        var args = new ArrayList<String>();
        // Commands draw their own progress on the terminal: only warnings and errors from the framework.
        args.add("--logging.level.root=WARN");
        args.add("--logging.level.com.zeromission=WARN");
        // Flyway warns that H2 2.4 is newer than it was verified with; the migrations are tested on it in the suite.
        args.add("--logging.level.org.flywaydb=ERROR");
        // A one-shot command does its one thing: alarms are evaluated and signals grouped by the server (which picks
        // up what a command stored: grouping works off an inbox in the database).
        args.add("--zeromission.alarms.scheduling=false");
        args.add("--zeromission.problems.scheduling=false");
        args.add("--zeromission.insights.scheduling=false");
        args.addAll(springArgs); // after the defaults above: the caller's own setting of one of them wins
        return new SpringApplicationBuilder(ZeromissionApplication.class)
                .web(WebApplicationType.NONE)
                .bannerMode(Banner.Mode.OFF)
                .logStartupInfo(false)
                .run(lastOfEach(args));
    }

    /**
     * The arguments with each {@code --name=value} setting only once, its last value: Spring Boot joins a setting given
     * twice into one list ({@code --zeromission.alarms.scheduling=false} given by a command and by its caller became
     * "false,false", which no flag accepts). Later arguments are the more specific ones (the caller's after a command's
     * defaults, a command's own options after the caller's settings), so the last one wins.
     */
    static String[] lastOfEach(List<String> args) {
        var settings = new java.util.LinkedHashMap<String, String>();
        for (String arg : args) {
            int eq = arg.indexOf('=');
            String key = arg.startsWith("--") && eq > 2 ? arg.substring(2, eq) : arg;
            settings.remove(key); // keeps the order of the last occurrences
            settings.put(key, arg);
        }
        return settings.values().toArray(String[]::new);
    }

    /**
     * Unknown options reach the commands as Spring Boot arguments; only {@code --some.property=value} is one. Anything
     * else is a mistyped option, and silently ignoring it would run the command with settings the user did not mean.
     */
    static void requireSpringProperties(List<String> springArgs) {
        for (String arg : springArgs) {
            int eq = arg.indexOf('=');
            if (!arg.startsWith("--") || eq < 0 || arg.substring(2, eq).indexOf('.') < 0) {
                throw new picocli.CommandLine.ParameterException(new picocli.CommandLine(new ZeromissionCli()),
                        "Unknown option or argument: '" + arg + "' (Spring Boot settings look like --spring.datasource.url=...)");
            }
        }
    }

    /**
     * The file of the embedded database these arguments would open, or empty when they point at another database.
     * Mirrors the defaults in application.properties: {@code ${zeromission.data-dir}/zeromission.mv.db}, data-dir
     * {@code ./data}.
     */
    static java.util.Optional<java.nio.file.Path> embeddedDatabase(List<String> springArgs) {
        String dataDir = "./data";
        for (String arg : springArgs) {
            if (arg.startsWith("--spring.datasource.url=")) {
                return java.util.Optional.empty();
            }
            if (arg.startsWith("--zeromission.data-dir=")) {
                dataDir = arg.substring("--zeromission.data-dir=".length());
            }
        }
        String env = System.getenv("SPRING_DATASOURCE_URL");
        if (env != null && !env.isBlank()) {
            return java.util.Optional.empty();
        }
        String envDir = System.getenv("ZEROMISSION_DATA_DIR");
        if (envDir != null && !envDir.isBlank() && springArgs.stream().noneMatch(a -> a.startsWith("--zeromission.data-dir="))) {
            dataDir = envDir;
        }
        return java.util.Optional.of(java.nio.file.Path.of(dataDir, "zeromission.mv.db").toAbsolutePath().normalize());
    }

    /**
     * The reason an import must not run, if it would create a fresh embedded database where none exists (the user is
     * most likely in the wrong folder), or empty when it may go ahead.
     */
    static java.util.Optional<String> missingDatabase(List<String> springArgs, boolean allowNew) {
        var embedded = embeddedDatabase(springArgs);
        if (embedded.isEmpty() || allowNew || java.nio.file.Files.exists(embedded.get())) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of("there is no zeromission database at " + embedded.get()
                + ". Run the import from the folder where you run `bin/zm serve` (the data directory is ./data), "
                + "or pass --zeromission.data-dir=DIR, or --new-database to create one here.");
    }

    /**
     * The settings these arguments give the application, resolved as Spring Boot would (arguments, then environment
     * variables, then application.properties) without starting it: for commands that must not open the database
     * through the application (backup, restore).
     */
    static org.springframework.core.env.ConfigurableEnvironment environment(List<String> springArgs) {
        requireSpringProperties(springArgs);
        var env = new org.springframework.core.env.StandardEnvironment();
        var sources = env.getPropertySources();
        sources.addFirst(new org.springframework.core.env.SimpleCommandLinePropertySource(springArgs.toArray(String[]::new)));
        try {
            for (var source : new org.springframework.boot.env.PropertiesPropertySourceLoader().load("application.properties",
                    new org.springframework.core.io.ClassPathResource("application.properties"))) {
                sources.addLast(source);
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot read the packaged application.properties", e);
        }
        return env;
    }
}
