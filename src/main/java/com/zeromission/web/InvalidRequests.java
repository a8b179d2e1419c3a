package com.zeromission.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * How a controller's invalid requests are answered: the RFC 9457 problem type and title of its 400s. The web edge
 * ({@code InvalidRequestProblems}) answers every {@link InvalidParametersException} a controller with this annotation
 * throws, and, unless {@link #valueRefusals()} is false, every value it refuses: an {@link IllegalArgumentException}
 * (a value type's compact constructor, {@code Market.of}) or a {@link java.time.format.DateTimeParseException}, with
 * the message masked. One place instead of the same handlers in every controller.
 */
@Documented
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
public @interface InvalidRequests {

    /** The problem type, e.g. {@code https://zeromission.dev/problems/invalid-leap-request}. */
    String type() default "about:blank";

    /** The problem title, e.g. {@code Invalid leap request}. */
    String title();

    /**
     * Whether a refused value ({@link IllegalArgumentException}, also as the cause of a body or parameter that could
     * not be read) is this controller's invalid request. False leaves it to the generic answers (a malformed body, a
     * parameter of the wrong type; anything else is unexpected), for controllers that check every value themselves
     * and name it in an {@link InvalidParametersException}.
     */
    boolean valueRefusals() default true;
}
