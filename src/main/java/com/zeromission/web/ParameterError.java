package com.zeromission.web;

import com.zeromission.privacy.TextMasker;

/**
 * One bad request parameter or body field: its name, what was sent and why it is wrong, as listed in a problem
 * detail's {@code errors}. The value and the reason are echoed to the client, so they are masked here, once, whoever
 * builds the error (a value is cut at 100 characters: a pasted text is not echoed whole).
 */
public record ParameterError(String field, String value, String reason) {

    private static final TextMasker MASKER = TextMasker.standard();

    public ParameterError {
        value = value == null ? null : MASKER.mask(value.length() > 100 ? value.substring(0, 100) + "…" : value).text();
        reason = MASKER.mask(String.valueOf(reason)).text();
    }

    /** How the problem detail's {@code detail} names it: {@code field 'value': reason}. */
    String describe() {
        return field + (value == null ? "" : " '" + value + "'") + ": " + reason;
    }
}
