package com.zeromission.alarms;

/** The two families of alerts: the yearly complaint budget burning too fast, or a sudden spike in one slice. */
public enum AlertKind {
    BURN_RATE("burn-rate"), SPIKE("spike");

    private final String code;

    AlertKind(String code) {
        this.code = code;
    }

    /** The stable name used in storage, the API and webhook payloads. */
    public String code() {
        return code;
    }

    public static AlertKind ofCode(String code) {
        for (AlertKind k : values()) {
            if (k.code.equals(code)) {
                return k;
            }
        }
        throw new IllegalArgumentException("unknown alert kind '" + code + "'; one of burn-rate, spike");
    }

    @Override
    public String toString() {
        return code;
    }
}
