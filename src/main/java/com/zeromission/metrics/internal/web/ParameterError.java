package com.zeromission.metrics.internal.web;

import com.zeromission.privacy.TextMasker;

/** One bad request parameter: its name, what was sent (masked, it is echoed) and why it is wrong. */
record ParameterError(String field, String value, String reason) {

    ParameterError {
        var masker = TextMasker.standard();
        value = value == null ? null : masker.mask(value.length() > 100 ? value.substring(0, 100) + "…" : value).text();
        reason = masker.mask(reason).text();
    }
}
