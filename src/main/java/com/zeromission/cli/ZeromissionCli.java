package com.zeromission.cli;

import java.util.ServiceLoader;

import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;

import com.zeromission.InvalidSettingException;
import com.zeromission.database.EmbeddedDatabaseAccess;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The one command line of the product. {@code serve} runs the web application; the other sub-commands start the
 * application context without a web server, do one job and exit with a meaningful status. Commands for demo data,
 * evaluation and benchmarks are not part of the product: they join from the tools jar when it is on the class path
 * ({@link MoreCommands}; {@code bin/zm} puts it there for them).
 */
@Command(name = "zm", mixinStandardHelpOptions = true, version = "zeromission 0.1.0",
        description = "zeromission: drive complaints per million purchases toward zero.",
        subcommands = {ServeCommand.class, ImportCommand.class, BackupCommand.class, RestoreCommand.class, CpmCommand.class,
                PurchasesCommand.class})
public final class ZeromissionCli implements Runnable {

    /** The jar's entry point: every way of starting the product (server and one-shot commands) goes through here. */
    public static void main(String[] args) {
        // `serve` returns only once the application context has been closed (Ctrl-C, SIGTERM).
        System.exit(run(args));
    }

    public static int run(String... args) {
        // before anything loads H2: its AUTO_SERVER port must listen on 127.0.0.1 only (H2 reads this once)
        EmbeddedDatabaseAccess.loopbackOnly();
        // The level application.properties gives DJL's GPU probe, also for the commands that never start Spring Boot
        // (evaluations, benchmarks), whose Logback runs on its defaults: the product runs its model on the CPU, and on
        // a machine with the CUDA runtime but no GPU driver the probe warns "Failed to detect GPU count" twice.
        LoggingSystem.get(ZeromissionCli.class.getClassLoader()).setLogLevel("ai.djl.util.cuda.CudaUtils", LogLevel.ERROR);
        // Spring Boot arguments (--spring.datasource.url=..., --zeromission.data-dir=...) pass through to the command.
        return commandLine().execute(args);
    }

    /** The product's commands and those of every {@link MoreCommands} on the class path, configured as run. */
    static CommandLine commandLine() {
        var commandLine = new CommandLine(new ZeromissionCli());
        for (MoreCommands more : ServiceLoader.load(MoreCommands.class)) {
            more.commands().forEach(commandLine::addSubcommand);
        }
        // set after the sub-commands are added: picocli applies these settings to the sub-commands it has then
        return commandLine.setCaseInsensitiveEnumValuesAllowed(true).setUnmatchedOptionsArePositionalParams(true)
                .setExecutionExceptionHandler(ZeromissionCli::wrongSetting);
    }

    /**
     * A wrong setting has already been reported by Spring Boot in one message (InvalidSettingFailureAnalyzer): exit
     * with 2 instead of printing the exception's stack trace on top of it. Anything else is unexpected: its trace.
     */
    private static int wrongSetting(Exception e, CommandLine commandLine, CommandLine.ParseResult parsed) throws Exception {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof InvalidSettingException) {
                return 2;
            }
        }
        throw e;
    }

    /** Whether the tools jar (demo data, evaluation, benchmarks) is on the class path. */
    static boolean toolsPresent() {
        return ServiceLoader.load(MoreCommands.class).findFirst().isPresent();
    }

    @Override
    public void run() {
        commandLine().usage(System.out);
    }
}
