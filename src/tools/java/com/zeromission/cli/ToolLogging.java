package com.zeromission.cli;

import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;

/**
 * Logging for the tools' commands that never start the application (evaluations, the embeddings benchmark): without
 * Spring Boot, Logback runs on its defaults and prints every library's INFO lines with timestamps between the
 * command's own output ("Found matching platform", the dictionaries loaded). These commands report what they did
 * themselves, so only warnings and errors go to the console, as for the one-shot commands that do start it
 * ({@code CliContext}). Not for commands a test runs in its own JVM: the level would stay for the tests after it.
 */
final class ToolLogging {

    private ToolLogging() {
    }

    static void warningsOnly() {
        LoggingSystem.get(ToolLogging.class.getClassLoader()).setLogLevel(LoggingSystem.ROOT_LOGGER_NAME, LogLevel.WARN);
    }
}
