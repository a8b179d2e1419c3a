package com.zeromission.privacy.internal;

import java.util.List;

import com.zeromission.privacy.PiiType;
import com.zeromission.privacy.internal.PiiScanner.Span;

/**
 * E-mail addresses in free text, and the user name and password in a URL (read first, so that an address is never
 * taken from a URL's authority). Each candidate reads a bounded number of characters.
 */
final class EmailScans {

    private EmailScans() {
    }

    /** Shortest user info masked: "[USER]" replaces at least four characters, so masking never grows a text by more than half. */
    static final int MIN_USER_INFO = 4;
    private static final int MAX_USER_INFO = 256;

    /**
     * The user name and password in a URL ("https://anna:secret@shop.example/"): everything between "://" and the
     * '@' that ends the authority. The '@' is remembered so that the e-mail scanner does not read
     * "secret@shop.example" as an address and mask the host instead. Each "://" reads at most 256 characters.
     */
    static void scanUrlUserInfo(String s, List<Span> out, java.util.BitSet authorityEnds) {
        int i = s.indexOf("://");
        while (i >= 0) {
            int start = i + 3;
            int at = -1;
            int j = start;
            while (j < s.length() && j - start < MAX_USER_INFO) {
                char c = s.charAt(j);
                if (c == '/' || c == '?' || c == '#' || c == '[' || c == ']' || Character.isWhitespace(c)) {
                    break;
                }
                if (c == '@') {
                    at = j; // the last '@' ends the user info (a decoded %40 may sit inside it)
                }
                j++;
            }
            if (at >= start + MIN_USER_INFO) {
                out.add(new Span(start, at, PiiType.URL_USER_INFO));
                authorityEnds.set(at);
            }
            i = s.indexOf("://", Math.max(i + 3, j));
        }
    }

    // ---------------------------------------------------------------- e-mail

    /**
     * {@code at}, when not null, maps positions of {@code s} to the view the other scanners read ({@code s} is then
     * that view without its loose spaces).
     */
    static void scanEmails(String s, List<Span> out, java.util.BitSet authorityEnds, int[] at) {
        int n = s.length();
        int i = s.indexOf('@');
        while (i >= 0) {
            if (authorityEnds.get(at == null ? i : at[i])) {
                i = s.indexOf('@', i + 1);
                continue;
            }
            // Neither part may contain '@', so each character is walked over by at most one '@' on each side.
            int left = i;
            while (left > 0 && isLocalChar(s.charAt(left - 1))) {
                left--;
            }
            while (left < i && (s.charAt(left) == '.' || s.charAt(left) == '-')) {
                left++;
            }
            int right = i + 1;
            while (right < n && isDomainChar(s.charAt(right))) {
                right++;
            }
            while (right > i + 1 && (s.charAt(right - 1) == '.' || s.charAt(right - 1) == '-')) {
                right--;
            }
            if (left < i && validDomain(s, i + 1, right)) {
                out.add(at == null ? new Span(left, right, PiiType.EMAIL)
                        : new Span(at[left], at[right - 1] + 1, PiiType.EMAIL));
            }
            i = s.indexOf('@', Math.max(i + 1, right));
        }
    }

    private static boolean isLocalChar(char c) {
        return Character.isLetterOrDigit(c) || c == '.' || c == '_' || c == '%' || c == '+' || c == '-';
    }

    private static boolean isDomainChar(char c) {
        return Character.isLetterOrDigit(c) || c == '.' || c == '-';
    }

    /** At least two labels, no empty label, and a top-level label of two or more letters. */
    private static boolean validDomain(String s, int from, int to) {
        if (to - from < 3) {
            return false;
        }
        int lastDot = -1;
        for (int k = from; k < to; k++) {
            if (s.charAt(k) == '.') {
                if (k == from || s.charAt(k - 1) == '.') {
                    return false;
                }
                lastDot = k;
            }
        }
        if (lastDot < 0 || to - lastDot - 1 < 2) {
            return false;
        }
        for (int k = lastDot + 1; k < to; k++) {
            if (!Character.isLetter(s.charAt(k))) {
                return false;
            }
        }
        return true;
    }
}
