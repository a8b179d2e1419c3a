package com.zeromission.privacy;

import com.zeromission.privacy.internal.ScanningTextMasker;


/**
 * Replaces personal data in free text by typed placeholders. Implementations must run in time linear in the
 * input (no backtracking regular expressions) and must be safe to call from many threads.
 */
public interface TextMasker {

    MaskedText mask(String raw);

    /** The product's masker, for tools that run without the application context (benchmarks, evaluation). */
    static TextMasker standard() {
        return new ScanningTextMasker();
    }
}
