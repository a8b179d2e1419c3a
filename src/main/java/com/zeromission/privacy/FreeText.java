package com.zeromission.privacy;

import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * The one policy for every field a person types outside the signal intake (an insight's title, a team's area, a
 * leap's mandate, a call note, ...): the text is stripped, refused when it holds control characters or is longer than
 * its kind allows, and masked like a complaint before anything stores, logs or shows it.
 *
 * <p>Why a single policy: fields masked one by one were forgotten one by one (titles, problem definitions, team
 * areas went out unmasked), and fields without a limit reached the database's column limit, whose error message
 * carries the raw value into the log. Each module calls this from its own domain records, so a controller, a page
 * form and a CSV import all get the same answer.
 *
 * <p>The limit counts the text as stored, i.e. after masking (a placeholder such as {@code [EMAIL]} may be a few
 * characters longer or shorter than what it replaced), so a stored value always fits its column.
 */
public final class FreeText {

    /** Kinds of typed text and their longest stored length. */
    public enum Kind {
        /** A reference typed as a name: an owner team, a responsible person, a team's area (one line). */
        LABEL(64, false),
        /** A title or a name (one line). */
        NAME(200, false),
        /** A description, a definition, a mandate, a note (several lines). */
        TEXT(5000, true);

        private final int max;
        private final boolean multiline;

        Kind(int max, boolean multiline) {
            this.max = max;
            this.multiline = multiline;
        }

        public int max() {
            return max;
        }

        public boolean multiline() {
            return multiline;
        }
    }

    private static final TextMasker MASKER = TextMasker.standard();

    private FreeText() {
    }

    /**
     * The text to store for {@code field}: stripped and masked; null when absent or blank.
     *
     * @throws TypedTextRefusedException naming the field, the limit and the length (never the value)
     */
    public static @Nullable String optional(String field, String value, Kind kind) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return required(field, value, kind);
    }

    /**
     * As {@link #optional}, but a missing or blank value is refused.
     *
     * @throws TypedTextRefusedException naming the field and what was wrong (never the value)
     */
    public static String required(String field, String value, Kind kind) {
        String v = value == null ? "" : value.strip();
        if (v.isEmpty()) {
            throw new TypedTextRefusedException(field, field + " is required (1-" + kind.max() + " characters)");
        }
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            boolean lineBreak = c == '\n' || c == '\r' || c == '\t';
            // NUL is refused by PostgreSQL with the value in its message; other controls hide text from a reader
            if ((Character.isISOControl(c) && !(lineBreak && kind.multiline())) || c == '\u2028' || c == '\u2029') {
                throw new TypedTextRefusedException(field, field + " must not contain control characters; found U+"
                        + String.format(Locale.ROOT, "%04X", (int) c) + " at position " + (i + 1));
            }
        }
        String masked = MASKER.mask(v).text();
        if (masked.length() > kind.max()) {
            throw new TypedTextRefusedException(field, field + " may be at most " + kind.max() + " characters, was "
                    + masked.length());
        }
        return masked;
    }
}
