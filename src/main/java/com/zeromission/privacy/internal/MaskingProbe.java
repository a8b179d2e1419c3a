package com.zeromission.privacy.internal;

import java.util.List;

import com.zeromission.privacy.PiiType;

/** Exposes where the masker would cut, for the evaluation in the module's API; not for use elsewhere. */
public final class MaskingProbe {

    public record Found(int start, int end, PiiType type) {
    }

    private static final PiiScanner SCANNER = new PiiScanner();

    private MaskingProbe() {
    }

    public static List<Found> spans(String text) {
        return SCANNER.scan(text).stream().map(s -> new Found(s.start(), s.end(), s.type())).toList();
    }
}
