package com.zeromission.alarms.internal.web;

import java.util.List;
import java.util.stream.Collectors;

/** An alerts request with one or more invalid parameters; every one of them is named with its value. */
class BadAlertRequestException extends RuntimeException {

    /** One bad parameter: its name, what was sent (masked: it is echoed) and why it is wrong. */
    record ParameterError(String field, String value, String reason) {
        ParameterError {
            var masker = com.zeromission.privacy.TextMasker.standard();
            value = value == null ? null : masker.mask(value.length() > 100 ? value.substring(0, 100) + "…" : value).text();
            reason = masker.mask(reason).text();
        }
    }

    private final List<ParameterError> errors;

    BadAlertRequestException(List<ParameterError> errors) {
        super(errors.stream().map(e -> e.field() + (e.value() == null ? "" : " '" + e.value() + "'") + ": " + e.reason())
                .collect(Collectors.joining("; ")));
        this.errors = List.copyOf(errors);
    }

    List<ParameterError> errors() {
        return errors;
    }
}
