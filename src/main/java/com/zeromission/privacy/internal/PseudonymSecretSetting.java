package com.zeromission.privacy.internal;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Checks a configured pseudonym secret as soon as the settings are read, before the database or any model is
 * opened: a short one stops start-up at once with one message (registered in {@code META-INF/spring.factories}).
 * The pseudonymiser checks it again where it is used ({@link PseudonymSecret#resolve}), by the same rule.
 */
class PseudonymSecretSetting implements EnvironmentPostProcessor {

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        String configured = environment.getProperty(PseudonymSecret.SETTING);
        if (configured != null && !configured.isBlank()) {
            PseudonymSecret.configured(configured);
        }
    }
}
