package com.zeromission.privacy;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * Text whose personal data has been replaced by typed placeholders, with how many of each kind were found.
 * Holding a MaskedText is the type-level promise that the text may be stored, logged and shown.
 */
public record MaskedText(String text, Map<PiiType, Integer> counts) {

    public MaskedText {
        Objects.requireNonNull(text, "text");
        var copy = new EnumMap<PiiType, Integer>(PiiType.class);
        if (counts != null) {
            counts.forEach((type, n) -> {
                if (n == null || n < 0) {
                    throw new IllegalArgumentException("count for " + type + " must be >= 0, was " + n);
                }
                if (n > 0) {
                    copy.put(type, n);
                }
            });
        }
        counts = Collections.unmodifiableMap(copy);
    }

    public static MaskedText clean(String text) {
        return new MaskedText(text, Map.of());
    }

    public int total() {
        return counts.values().stream().mapToInt(Integer::intValue).sum();
    }
}
