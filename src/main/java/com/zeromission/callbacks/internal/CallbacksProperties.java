package com.zeromission.callbacks.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings under {@code zeromission.callbacks}.
 *
 * @param limit    calls on a week's list at most (default 30): what the agents can make in a week
 * @param problems how many of the week's top problems by complaints the list draws from (default 10)
 */
@ConfigurationProperties(prefix = "zeromission.callbacks")
public record CallbacksProperties(Integer limit, Integer problems) {

    public CallbacksProperties {
        limit = limit == null ? 30 : limit;
        problems = problems == null ? 10 : problems;
        if (limit < 1 || limit > 1000) {
            throw new IllegalArgumentException("zeromission.callbacks.limit must be between 1 and 1000, was " + limit);
        }
        if (problems < 1 || problems > 500) {
            throw new IllegalArgumentException("zeromission.callbacks.problems must be between 1 and 500, was " + problems);
        }
    }
}
