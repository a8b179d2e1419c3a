package com.zeromission.privacy.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import com.zeromission.privacy.PiiType;

/**
 * Finds personal data in free text with a hand-written scanner instead of regular expressions: every character is
 * looked at a bounded number of times, so hostile input (long digit runs, thousands of '@', repeated separators)
 * costs time linear in its length. Candidates are only accepted when their check digits or their surrounding words
 * say what they are; that is how order numbers, amounts, dates and tracking codes stay readable.
 *
 * <p>This class runs the passes and resolves their overlaps; each pass is its own class: {@link EmailScans} (URL
 * user info, e-mail addresses), {@link LetteredIdScans} (IBAN, Finnish HETU, UK National Insurance numbers) and
 * {@link NumberScan} (cards, national ids, phones, with {@link Words} and {@link Barriers}).
 */
final class PiiScanner {

    /** A half-open range of the text [start, end) and what it holds. */
    record Span(int start, int end, PiiType type) {
        Span {
            if (start < 0 || end <= start) {
                throw new IllegalArgumentException("span must be non-empty, was [" + start + ", " + end + ")");
            }
        }
    }

    /** A half-open range of the text [start, end) that holds no personal data of its own (an IBAN-shaped typo). */
    record Range(int start, int end) {
    }

    /**
     * Whether a Danish CPR or Dutch BSN needs its keyword before it (the product's setting). Off only to measure
     * what the keyword costs and saves ({@code bin/zm privacy eval}, docs/privacy.md).
     */
    private final boolean idKeywordRequired;

    PiiScanner() {
        this(true);
    }

    PiiScanner(boolean idKeywordRequired) {
        this.idKeywordRequired = idKeywordRequired;
    }

    /** The personal data in {@code raw}, as ranges of {@code raw}, sorted and not overlapping. */
    List<Span> scan(String raw) {
        ScanView view = ScanView.of(raw);
        String text = view.text;
        var found = new ArrayList<Span>();
        var ibanShaped = new ArrayList<Range>();
        var authorityEnds = new java.util.BitSet();
        EmailScans.scanUrlUserInfo(text, found, authorityEnds);
        ScanView.Dense dense = view.withoutLooseSpaces();
        if (dense == null) {
            EmailScans.scanEmails(text, found, authorityEnds, null);
        } else {
            // Addresses are read through spaces that are not ASCII spaces ("anna\u2009@\u2009example.com"): nobody
            // types a thin space by accident, and a span found there covers them in the view.
            EmailScans.scanEmails(dense.text(), found, authorityEnds, dense.at());
        }
        LetteredIdScans.scanIbans(text, found, ibanShaped);
        LetteredIdScans.scanFinnishIds(text, found);
        LetteredIdScans.scanNationalInsuranceNumbers(text, found);
        NumberScan.scanNumbers(view, found, new Barriers(found), idKeywordRequired);
        if (!ibanShaped.isEmpty()) {
            // An IBAN with wrong check digits is a typo or a made-up number; its digit groups must not be read as
            // a phone or a card on their own. An e-mail address stays whatever its local part looks like
            // ("NO66NKQR6LMPONQ@example.com" is IBAN-shaped before the '@'; found by MaskerFuzzTest).
            found.removeIf(span -> span.type() != PiiType.EMAIL
                    && ibanShaped.stream().anyMatch(r -> span.start() < r.end() && r.start() < span.end()));
        }
        var spans = resolveOverlaps(found);
        if (text == raw) {
            return spans;
        }
        var onRaw = new ArrayList<Span>(spans.size());
        for (Span span : spans) {
            onRaw.add(new Span(view.rawStart(span.start()), view.rawEnd(span.end()), span.type()));
        }
        return onRaw;
    }

    // ---------------------------------------------------------------- helpers

    /**
     * Earliest span wins; of two starting together, the longer. A later span that overlaps it is merged into it,
     * not dropped: personal data glued to other personal data ("…45 67+anna@example.com") is masked in full, under
     * the first one's placeholder.
     */
    private static List<Span> resolveOverlaps(List<Span> spans) {
        spans.sort(Comparator.comparingInt(Span::start).thenComparing(Comparator.comparingInt(Span::end).reversed()));
        var kept = new ArrayList<Span>(spans.size());
        for (Span span : spans) {
            Span last = kept.isEmpty() ? null : kept.getLast();
            if (last == null || span.start() >= last.end()) {
                kept.add(span);
            } else if (span.end() > last.end()) {
                kept.set(kept.size() - 1, new Span(last.start(), span.end(), last.type()));
            }
        }
        return kept;
    }

    static boolean allDigits(String s, int from, int to) {
        for (int k = from; k < to; k++) {
            if (!isDigit(s.charAt(k))) {
                return false;
            }
        }
        return true;
    }

    static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    static boolean isAsciiLetter(char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
    }

    static boolean isAsciiAlnum(char c) {
        return isAsciiLetter(c) || isDigit(c);
    }
}
