package com.zeromission.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The one command line of the product. {@code serve} runs the web application; the other sub-commands start the
 * application context without a web server, do one job and exit with a meaningful status.
 */
@Command(name = "zm", mixinStandardHelpOptions = true, version = "zeromission 0.1.0",
        description = "zeromission: drive complaints per million purchases toward zero.",
        subcommands = {ServeCommand.class, ImportCommand.class, BackupCommand.class, RestoreCommand.class, DemoCommand.class, PrivacyCommand.class,
                BenchCommand.class, CpmCommand.class, PurchasesCommand.class, ProblemsCommand.class})
public final class ZeromissionCli implements Runnable {

    /** The jar's entry point: every way of starting the product (server and one-shot commands) goes through here. */
    public static void main(String[] args) {
        // `serve` returns only once the application context has been closed (Ctrl-C, SIGTERM).
        System.exit(run(args));
    }

    public static int run(String... args) {
        // before anything loads H2: its AUTO_SERVER port must listen on 127.0.0.1 only (H2 reads this once)
        com.zeromission.database.EmbeddedDatabaseAccess.loopbackOnly();
        // Spring Boot arguments (--spring.datasource.url=..., --zeromission.data-dir=...) pass through to the command.
        return new CommandLine(new ZeromissionCli()).setCaseInsensitiveEnumValuesAllowed(true)
                .setUnmatchedOptionsArePositionalParams(true).execute(args);
    }

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }
}
