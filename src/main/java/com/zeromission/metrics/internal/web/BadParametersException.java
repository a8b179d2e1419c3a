package com.zeromission.metrics.internal.web;

import java.util.List;
import java.util.stream.Collectors;

/** A metrics request with one or more invalid parameters; every one of them is named. */
class BadParametersException extends RuntimeException {

    private final List<ParameterError> errors;

    BadParametersException(List<ParameterError> errors) {
        super(errors.stream().map(e -> e.field() + (e.value() == null ? "" : " '" + e.value() + "'") + ": " + e.reason())
                .collect(Collectors.joining("; ")));
        this.errors = List.copyOf(errors);
    }

    List<ParameterError> errors() {
        return errors;
    }
}
