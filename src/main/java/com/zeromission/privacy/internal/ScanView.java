package com.zeromission.privacy.internal;

import org.jspecify.annotations.Nullable;

/**
 * The text as the scanner reads it, with a map back to the raw text. Personal data can be hidden from a scanner
 * that reads characters literally without hiding it from a reader: an invisible character inside an address
 * ({@code anna\u200B@example.com}), a soft hyphen or thin space inside a phone number, a percent-encoded '@'
 * ({@code anna%40example.com}), no-break spaces between the groups of a card number, full-width digits. So the
 * scanner reads a normalised copy, built in one pass:
 * <ul>
 * <li>invisible characters (Unicode category Cf: zero-width space, joiners, word joiner, soft hyphen, BOM,
 * direction marks; also variation selectors, the combining grapheme joiner and the Hangul fillers) are removed;
 * a removed character still ends a word ({@link #cutBefore}), so it cannot glue a number to the word before it;</li>
 * <li>every space character (category Zs: no-break, narrow no-break, thin, hair, figure, en, em, ideographic …)
 * becomes an ASCII space, remembered as "loose" ({@link #withoutLooseSpaces}): the e-mail scanner reads an
 * address through them, the number scanner reads them as the separators they look like;</li>
 * <li>dashes and minus signs become '-', full-width ASCII becomes ASCII, decimal digits of any script become
 * ASCII digits, small and one-dot-leader stops and the small commercial at become '.' and '@';</li>
 * <li>percent escapes of printable ASCII ({@code %40}, {@code %2E}, {@code %2b}) and HTML character references
 * ({@code &#64;}, {@code &#x40;}, {@code &commat;}, {@code &period;}) are decoded. '+' is <em>not</em> read as a
 * space, as form encoding would: it opens international phone numbers and tags e-mail addresses.</li>
 * </ul>
 * Every character of the view knows the raw range it came from, so a span found in the view masks the whole raw
 * span, the invisible characters and escapes inside it included. Text without any of these characters (nearly
 * all of it) is read as it is, without copying or maps. One pass, constant work per character: linear time.
 */
final class ScanView {

    /** The normalised text the scanners read. */
    final String text;
    /** For each view character, where its raw characters start and end; null when the view is the raw text. */
    private final int[] from;
    private final int[] to;
    /** View positions right after removed invisible characters; null when none were removed. */
    private final java.util.BitSet cut;
    /** View positions of spaces that were not ASCII spaces in the raw text; null when none. */
    private final java.util.BitSet loose;

    private ScanView(String text, int[] from, int[] to, java.util.BitSet cut, java.util.BitSet loose) {
        this.text = text;
        this.from = from;
        this.to = to;
        this.cut = cut;
        this.loose = loose;
    }

    static ScanView of(String raw) {
        int n = raw.length();
        int first = 0;
        while (first < n && standsForItself(raw, first)) {
            first++;
        }
        if (first == n) {
            return new ScanView(raw, null, null, null, null); // the common case: nothing to normalise
        }
        var out = new StringBuilder(n);
        int[] from = new int[n];
        int[] to = new int[n];
        var cut = new java.util.BitSet();
        var loose = new java.util.BitSet();
        for (int k = 0; k < first; k++) {
            out.append(raw.charAt(k));
            from[k] = k;
            to[k] = k + 1;
        }
        int i = first;
        boolean removed = false;
        while (i < n) {
            long d = decodeOrSelf(raw, i);
            int length = (int) (d >>> 32);
            int c = (int) d;
            if (c == REMOVE) {
                removed = true;
            } else {
                int at = out.length();
                if (removed) {
                    cut.set(at);
                    removed = false;
                }
                if (c == LOOSE_SPACE) {
                    loose.set(at);
                    c = ' ';
                }
                if (c > 0xFFFF) { // a supplementary character kept as it is: both halves map to its whole range
                    out.append(Character.highSurrogate(c)).append(Character.lowSurrogate(c));
                    from[at] = i;
                    to[at] = i + length;
                    from[at + 1] = i;
                    to[at + 1] = i + length;
                } else {
                    out.append((char) c);
                    from[at] = i;
                    to[at] = i + length;
                }
            }
            i += length;
        }
        return new ScanView(out.toString(), from, to, cut.isEmpty() ? null : cut, loose.isEmpty() ? null : loose);
    }

    /** Where view position {@code start} begins in the raw text. */
    int rawStart(int start) {
        return from == null ? start : from[start];
    }

    /** Where the view range ending before {@code end} ends in the raw text. */
    int rawEnd(int end) {
        return to == null ? end : to[end - 1];
    }

    /** Whether invisible characters were removed right before view position {@code i}: a word ends there. */
    boolean cutBefore(int i) {
        return cut != null && cut.get(i);
    }

    /**
     * The view without its loose spaces, with the position of each remaining character in this view: what the
     * e-mail scanner reads, so that {@code anna\u2009@\u2009example.com} is one address. Null when there are none.
     */
    @Nullable Dense withoutLooseSpaces() {
        if (loose == null) {
            return null;
        }
        var out = new StringBuilder(text.length());
        int[] at = new int[text.length()];
        for (int k = 0; k < text.length(); k++) {
            if (!loose.get(k)) {
                at[out.length()] = k;
                out.append(text.charAt(k));
            }
        }
        return new Dense(out.toString(), at);
    }

    /** A view of this view: its text and, per character, its position in this view. */
    record Dense(String text, int[] at) {
    }

    // ---------------------------------------------------------------- decoding one raw character

    private static final int REMOVE = -1;
    private static final int LOOSE_SPACE = -2;

    /** Whether the raw character at {@code i} is read as it is (cheap for ASCII, the common case). */
    private static boolean standsForItself(String s, int i) {
        char ch = s.charAt(i);
        if (ch < 0x80 && ch != '%' && ch != '&') {
            return true;
        }
        long d = decodeOrSelf(s, i);
        return (int) d == s.codePointAt(i) && (int) (d >>> 32) == Character.charCount(s.codePointAt(i));
    }

    /** (raw length << 32) | code point, REMOVE or LOOSE_SPACE. */
    private static long decodeOrSelf(String s, int i) {
        char ch = s.charAt(i);
        if (ch < 0x80) {
            if (ch == '%') {
                long escape = percentEscape(s, i);
                int v = (int) escape;
                if (escape >= 0 && v >= 0x20 && v < 0x7F) {
                    return escape;
                }
            } else if (ch == '&') {
                long ref = characterReference(s, i);
                if (ref >= 0) {
                    int length = (int) (ref >>> 32);
                    return pack(length, mapped((int) ref));
                }
            }
            return pack(1, ch);
        }
        int cp = s.codePointAt(i);
        int length = Character.charCount(cp);
        return pack(length, mapped(cp));
    }

    private static long pack(int length, int c) {
        return ((long) length << 32) | (c & 0xFFFFFFFFL);
    }

    /** What a (non-ASCII or decoded) code point is read as. */
    private static int mapped(int cp) {
        if (cp < 0x80) {
            return cp;
        }
        switch (cp) {
            case 0x034F, 0x115F, 0x1160, 0x3164, 0xFFA0 -> {
                return REMOVE; // combining grapheme joiner, Hangul fillers: invisible, not Cf
            }
            case 0x2010, 0x2011, 0x2012, 0x2013, 0x2014, 0x2015, 0x2212, 0xFE58, 0xFE63 -> {
                return '-';
            }
            case 0x2024, 0xFE52 -> {
                return '.';
            }
            case 0xFE6B -> {
                return '@';
            }
            case 0x2028, 0x2029 -> {
                return '\n'; // line and paragraph separators end a line like a line break
            }
            default -> {
                // handled below
            }
        }
        if ((cp >= 0xFE00 && cp <= 0xFE0F) || (cp >= 0xE0100 && cp <= 0xE01EF)) {
            return REMOVE; // variation selectors
        }
        if (cp >= 0xFF01 && cp <= 0xFF5E) {
            return cp - 0xFEE0; // full-width ASCII
        }
        int type = Character.getType(cp);
        if (type == Character.FORMAT) {
            return REMOVE;
        }
        if (type == Character.SPACE_SEPARATOR) {
            return LOOSE_SPACE;
        }
        if (type == Character.DECIMAL_DIGIT_NUMBER) {
            int digit = Character.digit(cp, 10);
            return digit >= 0 ? '0' + digit : cp;
        }
        return cp;
    }

    /**
     * A percent escape at {@code i}: (raw length << 32) | value, or -1. Invisible characters inside it ("%\u200B40")
     * are read through, as everywhere else, and become part of the escape's raw range; at most four of them.
     */
    private static long percentEscape(String s, int i) {
        int j = i + 1;
        int value = 0, digits = 0, skipped = 0;
        while (j < s.length() && digits < 2) {
            char c = s.charAt(j);
            int hex = c < 0x80 ? Character.digit(c, 16) : -1;
            if (hex >= 0) {
                value = value * 16 + hex;
                digits++;
                j++;
            } else if (c >= 0x80 && skipped < 4 && mapped(s.codePointAt(j)) == REMOVE) {
                j += Character.charCount(s.codePointAt(j));
                skipped++;
            } else {
                return -1;
            }
        }
        return digits == 2 ? pack(j - i, value) : -1;
    }

    private static final java.util.Map<String, Integer> NAMED = java.util.Map.of("commat", (int) '@', "period", (int) '.',
            "plus", (int) '+', "hyphen", (int) '-', "dash", (int) '-', "lowbar", (int) '_', "nbsp", 0xA0, "num", (int) '#');

    /** An HTML character reference at {@code i} ("&#64;", "&#x40;", "&commat;"): (length << 32) | code point, or -1. */
    private static long characterReference(String s, int i) {
        int n = s.length();
        int j = i + 1;
        if (j < n && s.charAt(j) == '#') {
            j++;
            boolean hex = j < n && (s.charAt(j) == 'x' || s.charAt(j) == 'X');
            if (hex) {
                j++;
            }
            int value = 0, digits = 0;
            // At most seven digits are read: constant work per '&'.
            while (j < n && digits < 7 && Character.digit(s.charAt(j), hex ? 16 : 10) >= 0 && s.charAt(j) < 0x80) {
                value = value * (hex ? 16 : 10) + Character.digit(s.charAt(j), hex ? 16 : 10);
                j++;
                digits++;
            }
            if (digits == 0 || j >= n || s.charAt(j) != ';' || value < 0x20 || value > Character.MAX_CODE_POINT
                    || (value >= 0x7F && value < 0xA0) || Character.isSurrogate((char) Math.min(value, 0xFFFF))) {
                return -1;
            }
            return ((long) (j + 1 - i) << 32) | value;
        }
        int end = j;
        while (end < n && end - j < 7 && s.charAt(end) >= 'a' && s.charAt(end) <= 'z') {
            end++;
        }
        if (end < n && s.charAt(end) == ';') {
            Integer value = NAMED.get(s.substring(j, end));
            if (value != null) {
                return ((long) (end + 1 - i) << 32) | value;
            }
        }
        return -1;
    }
}
