package com.zeromission.privacy.internal;

import java.util.List;

import com.zeromission.privacy.PiiType;

/** Exposes where the masker would cut, for the evaluation in the module's API; not for use elsewhere. */
public final class MaskingProbe {

    public record Found(int start, int end, PiiType type) {
    }

    private static final PiiScanner SCANNER = new PiiScanner();
    /** The masker with Danish CPR and Dutch BSN accepted without their keyword: only to measure that trade-off. */
    private static final PiiScanner WITHOUT_ID_KEYWORDS = new PiiScanner(false);

    private MaskingProbe() {
    }

    public static List<Found> spans(String text) {
        return spans(text, true);
    }

    /** {@code idKeywordRequired}: false reads a bare Danish CPR or Dutch BSN as personal data too. */
    public static List<Found> spans(String text, boolean idKeywordRequired) {
        return (idKeywordRequired ? SCANNER : WITHOUT_ID_KEYWORDS).scan(text).stream()
                .map(s -> new Found(s.start(), s.end(), s.type())).toList();
    }
}
