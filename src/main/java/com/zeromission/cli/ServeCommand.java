package com.zeromission.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

import org.springframework.boot.SpringApplication;

import com.zeromission.ZeromissionApplication;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Start the web application (API, health, metrics) on the configured database.")
final class ServeCommand implements Callable<Integer> {

    @Option(names = "--demo", description = "Load the seeded demo data set on start (skipped for rows already there).")
    boolean demo;

    @Option(names = "--port", description = "HTTP port (default: 8080).")
    Integer port;

    @Parameters(arity = "0..*", paramLabel = "SPRING_ARG",
            description = "Further Spring Boot arguments, e.g. --spring.datasource.url=jdbc:postgresql://...")
    List<String> springArgs = new ArrayList<>();

    @Override
    public Integer call() throws InterruptedException {
        CliContext.requireSpringProperties(springArgs);
        if (demo && !ZeromissionCli.toolsPresent()) {
            // Demo mode without the demo module would start with demo users but no demo data: say so instead.
            System.err.println("--demo needs the demo data, which is not part of the product jar: start it with "
                    + "bin/zm serve --demo (which adds target/zeromission-tools.jar to the class path).");
            return 2;
        }
        var args = new ArrayList<>(springArgs);
        if (demo) {
            args.add("--zeromission.demo.enabled=true");
        }
        if (port != null) {
            args.add("--server.port=" + port);
        }
        var app = new SpringApplication(ZeromissionApplication.class);
        var context = app.run(CliContext.lastOfEach(args)); // --port over a --server.port=..., never both
        // The web server runs on non-daemon threads; wait here until the context is closed (Ctrl-C, SIGTERM).
        var closed = new CountDownLatch(1);
        context.addApplicationListener(event -> {
            if (event instanceof org.springframework.context.event.ContextClosedEvent) {
                closed.countDown();
            }
        });
        if (context.isActive()) {
            closed.await();
        }
        return 0;
    }
}
