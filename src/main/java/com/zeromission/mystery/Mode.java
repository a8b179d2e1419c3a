package com.zeromission.mystery;

import com.fasterxml.jackson.annotation.JsonValue;

/** Where the mystery purchase is made. */
public enum Mode {
    ONLINE,
    IN_STORE;

    @JsonValue
    public String code() {
        return Codes.code(this);
    }

    public static Mode parse(String value) {
        return Codes.parse(Mode.class, "mode", value);
    }
}
