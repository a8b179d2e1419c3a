package com.zeromission.privacy.internal;

import java.util.EnumMap;

import org.springframework.stereotype.Component;

import com.zeromission.privacy.MaskedText;
import com.zeromission.privacy.PiiType;
import com.zeromission.privacy.TextMasker;

/** Replaces every span the {@link PiiScanner} finds by its type's placeholder. Stateless and thread-safe. */
@Component
public final class ScanningTextMasker implements TextMasker {

    private final PiiScanner scanner = new PiiScanner();

    @Override
    public MaskedText mask(String raw) {
        if (raw == null || raw.isEmpty()) {
            return MaskedText.clean(raw == null ? "" : raw);
        }
        var spans = scanner.scan(raw);
        if (spans.isEmpty()) {
            return MaskedText.clean(raw);
        }
        var counts = new EnumMap<PiiType, Integer>(PiiType.class);
        var out = new StringBuilder(raw.length());
        int at = 0;
        for (var span : spans) {
            out.append(raw, at, span.start()).append(span.type().placeholder());
            counts.merge(span.type(), 1, Integer::sum);
            at = span.end();
        }
        out.append(raw, at, raw.length());
        return new MaskedText(out.toString(), counts);
    }
}
