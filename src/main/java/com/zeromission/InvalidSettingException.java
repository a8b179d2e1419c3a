package com.zeromission;

import java.util.Locale;

/**
 * A setting of the installation has a value the product cannot run with. Start-up stops with one message that names
 * the setting (and the environment variable that sets it), says what is wrong with its value without repeating the
 * value (it may be a secret), and what to do; {@link InvalidSettingFailureAnalyzer} prints it instead of a stack trace.
 * Shared by every module, like the clock.
 */
public final class InvalidSettingException extends IllegalStateException {

    private final String setting;
    private final String action;

    /**
     * @param setting the property, e.g. {@code zeromission.privacy.secret}
     * @param problem what is wrong, completing "SETTING (environment variable VAR) ...", e.g. "is 5 characters long"
     * @param action what to do about it, as a sentence
     */
    public InvalidSettingException(String setting, String problem, String action) {
        super(setting + " (environment variable " + environmentVariable(setting) + ") " + problem);
        if (setting.isBlank() || problem.isBlank() || action.isBlank()) {
            throw new IllegalArgumentException("an invalid setting needs its name, the problem and the action");
        }
        this.setting = setting;
        this.action = action;
    }

    public String setting() {
        return setting;
    }

    public String action() {
        return action;
    }

    /** The environment variable Spring Boot binds to a property: dots to underscores, dashes dropped, upper case. */
    public static String environmentVariable(String setting) {
        return setting.replace('.', '_').replace("-", "").toUpperCase(Locale.ROOT);
    }
}
