package com.zeromission.privacy;

/**
 * A value a person typed that {@link FreeText} refuses: too long, blank where required, or holding control characters.
 * The message names the field and the rule, never the value. An {@link IllegalArgumentException}, so every module's
 * existing "bad input" answer (a 400 problem detail, an error page, a refused CSV line) applies to it.
 */
public class TypedTextRefusedException extends IllegalArgumentException {

    private final String field;

    public TypedTextRefusedException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
