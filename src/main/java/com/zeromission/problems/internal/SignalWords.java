package com.zeromission.problems.internal;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.BitSet;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * How the signal search reads a masked text into words: the one reading that the word index ({@link SignalWordIndex})
 * stores and the scan ({@link SignalSearchRepository}) matches. A word is a run of characters between spaces and the
 * {@link #SEPARATORS}; a query word (its search prefix) matches a text where it begins one of the text's words, in any
 * case. That is exactly what the scan asks the database, {@code ' ' || TRANSLATE(text, SEPARATORS, spaces)} ILIKE
 * {@code '% ' || prefix || '%'}, done once per text when it is indexed instead of on every search.
 *
 * <p>Case: each character is folded on its own, to the lower case of its upper case, so that 'Σ', 'σ' and 'ς' or
 * 'I', 'i' and 'İ' read the same, as H2's case-insensitive comparison (equal upper or equal lower case, character by
 * character) and PostgreSQL's (lower case of both sides) do. A folded word is stored as the UTF-8 bytes of its first
 * {@link #MAX_CHARS} characters: as bytes, every word that begins with a prefix lies between {@link #key} of the prefix
 * and {@link #after} it on both databases, whatever PostgreSQL's collation (a linguistic collation does not keep words
 * with a common prefix together, and H2 has no per-column collation to ask for a binary one).
 */
final class SignalWords {

    /** What separates words besides the space; the scan turns each into a space before matching. */
    static final String SEPARATORS = ".,;:!?()[]{}<>\"'`«»„“”‘’/\\|-–—_*&+=#@%$€£~^\n\r\t";

    /**
     * Characters of a word that are indexed: longer words are cut (a few long compounds, codes and links). A query
     * word longer than this is looked up by its first characters, then checked against the text (see
     * {@link SignalSearchRepository}).
     */
    static final int MAX_CHARS = 32;

    private static final BitSet SEPARATOR = new BitSet();

    static {
        SEPARATOR.set(' ');
        SEPARATORS.chars().forEach(SEPARATOR::set);
    }

    private SignalWords() {
    }

    /** The distinct words of a text, folded and cut to {@link #MAX_CHARS} characters, in the order they come. */
    static Set<String> of(String text) {
        var words = new LinkedHashSet<String>();
        int start = -1;
        for (int i = 0; i <= text.length(); i++) {
            boolean separator = i == text.length() || SEPARATOR.get(text.charAt(i));
            if (!separator && start < 0) {
                start = i;
            } else if (separator && start >= 0) {
                words.add(cut(fold(text.substring(start, i))));
                start = -1;
            }
        }
        return words;
    }

    /** The text with each character in the one case the search compares in (see the class comment). */
    static String fold(String text) {
        var folded = new StringBuilder(text.length());
        text.codePoints().forEach(c -> folded.appendCodePoint(Character.toLowerCase(Character.toUpperCase(c))));
        return folded.toString();
    }

    /** Whether a folded query prefix is longer than an indexed word can be, so the index alone cannot decide. */
    static boolean longerThanIndexed(String foldedPrefix) {
        return foldedPrefix.codePointCount(0, foldedPrefix.length()) > MAX_CHARS;
    }

    /** The index key of a folded word or prefix: its first {@link #MAX_CHARS} characters in UTF-8. */
    static byte[] key(String folded) {
        return cut(folded).getBytes(StandardCharsets.UTF_8);
    }

    /**
     * The least key after every key that begins with {@code key}: its last byte plus one. UTF-8 never has a byte
     * 0xFF, so the last byte can always grow; both databases compare bytes unsigned.
     */
    static byte[] after(byte[] key) {
        if (key.length == 0) {
            throw new IllegalArgumentException("an empty prefix has no range of its own");
        }
        byte[] after = Arrays.copyOf(key, key.length);
        after[after.length - 1]++;
        return after;
    }

    private static String cut(String word) {
        return word.codePointCount(0, word.length()) <= MAX_CHARS ? word
                : word.substring(0, word.offsetByCodePoints(0, MAX_CHARS));
    }
}
