package com.zeromission.web;

import java.util.List;

/** A token request that names no usable name, an unknown role or an impossible lifetime; every problem is listed. */
class InvalidTokenRequestException extends IllegalArgumentException {

    private final List<String> problems;

    InvalidTokenRequestException(List<String> problems) {
        super(String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    List<String> problems() {
        return problems;
    }
}
