package com.zeromission.web;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A request with one or more invalid parameters or fields, every one of them named with its value and reason; the
 * web edge answers it 400 with the problem type and title of the controller's {@link InvalidRequests}.
 */
public class InvalidParametersException extends RuntimeException {

    private final List<ParameterError> errors;

    public InvalidParametersException(List<ParameterError> errors) {
        super(errors.stream().map(ParameterError::describe).collect(Collectors.joining("; ")));
        if (errors.isEmpty()) {
            throw new IllegalArgumentException("an invalid request names at least one invalid parameter");
        }
        this.errors = List.copyOf(errors);
    }

    /** Throws if any parameter was found invalid, naming them all; the way a controller ends its checks. */
    public static void throwIfAny(List<ParameterError> errors) {
        if (!errors.isEmpty()) {
            throw new InvalidParametersException(errors);
        }
    }

    public List<ParameterError> errors() {
        return errors;
    }
}
