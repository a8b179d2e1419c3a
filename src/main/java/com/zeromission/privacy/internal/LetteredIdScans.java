package com.zeromission.privacy.internal;

import java.util.List;
import java.util.Locale;
import java.util.Set;

import com.zeromission.privacy.CheckDigits;
import com.zeromission.privacy.PiiType;
import com.zeromission.privacy.internal.PiiScanner.Span;

import static com.zeromission.privacy.internal.PiiScanner.allDigits;
import static com.zeromission.privacy.internal.PiiScanner.isDigit;
import static com.zeromission.privacy.internal.PiiScanner.isAsciiLetter;
import static com.zeromission.privacy.internal.PiiScanner.isAsciiAlnum;

/**
 * Identifiers written with letters as well as digits: IBANs (by their check digits; an IBAN-shaped string with wrong
 * ones is reported so that its digits are not read as a phone or a card), Finnish HETU and UK National Insurance
 * numbers.
 */
final class LetteredIdScans {

    private LetteredIdScans() {
    }

    static void scanIbans(String s, List<Span> out, List<PiiScanner.Range> ibanShaped) {
        int n = s.length();
        for (int i = 0; i + 4 <= n; i++) {
            char a = s.charAt(i), b = s.charAt(i + 1);
            if (!isAsciiLetter(a) || !isAsciiLetter(b) || !isDigit(s.charAt(i + 2)) || !isDigit(s.charAt(i + 3))
                    || (i > 0 && Character.isLetterOrDigit(s.charAt(i - 1)))) {
                continue;
            }
            String country = ("" + a + b).toUpperCase(Locale.ROOT);
            Integer length = CheckDigits.IBAN_LENGTHS.get(country);
            if (length == null) {
                continue;
            }
            var iban = new StringBuilder(length);
            int j = i;
            // At most 34 characters plus one space between groups are read per candidate: constant work.
            while (j < n && iban.length() < length) {
                char c = s.charAt(j);
                if (isAsciiLetter(c) || isDigit(c)) {
                    iban.append(Character.toUpperCase(c));
                    j++;
                } else if ((c == ' ' || c == '-' || c == '.') && j + 1 < n && isAsciiAlnum(s.charAt(j + 1))) {
                    j++;
                } else {
                    break;
                }
            }
            if (iban.length() == length && (j == n || !Character.isLetterOrDigit(s.charAt(j)))) {
                if (CheckDigits.iban(iban.toString())) {
                    out.add(new Span(i, j, PiiType.IBAN));
                } else {
                    ibanShaped.add(new PiiScanner.Range(i, j));
                }
                i = j - 1;
            }
        }
    }

    // ---------------------------------------------------------------- Finnish HETU (letters inside, own pass)

    static void scanFinnishIds(String s, List<Span> out) {
        int n = s.length();
        for (int i = 0; i + 11 <= n; i++) {
            if (i > 0 && Character.isLetterOrDigit(s.charAt(i - 1))) {
                continue;
            }
            if (!allDigits(s, i, i + 6) || "+-ABCDEFUVWXY".indexOf(s.charAt(i + 6)) < 0 || !allDigits(s, i + 7, i + 10)) {
                continue;
            }
            if ((i + 11 == n || !Character.isLetterOrDigit(s.charAt(i + 11)))
                    && CheckDigits.finnishPersonalId(s.substring(i, i + 11).toUpperCase(Locale.ROOT))) {
                out.add(new Span(i, i + 11, PiiType.PERSONAL_ID));
                i += 10;
            }
        }
    }

    // ---------------------------------------------------------------- UK National Insurance number

    /** Letters HMRC never uses first or second, and the prefixes it never allocates. */
    private static final String NINO_NOT_FIRST = "DFIQUV";
    private static final String NINO_NOT_SECOND = "DFIOQUV";
    private static final Set<String> NINO_NOT_ALLOCATED = Set.of("BG", "GB", "KN", "NK", "NT", "TN", "ZZ");
    private static final String NINO_SEPARATORS = " -.";

    /**
     * UK National Insurance numbers: two prefix letters (the unused ones excluded), six digits and a suffix A–D,
     * compact ("QQ123456C" is HMRC's example and stays readable: Q is never a first letter) or written with one
     * kind of separator anywhere between its parts ("AB 12 34 56 C", "AB-123456-C"). There is no check digit;
     * the shape, the allocated prefixes and the suffix are all there is. Each candidate reads at most 17
     * characters: constant work.
     */
    static void scanNationalInsuranceNumbers(String s, List<Span> out) {
        int n = s.length();
        for (int i = 0; i + 9 <= n; i++) {
            char a = Character.toUpperCase(s.charAt(i)), b = Character.toUpperCase(s.charAt(i + 1));
            if (a < 'A' || a > 'Z' || b < 'A' || b > 'Z' || (i > 0 && Character.isLetterOrDigit(s.charAt(i - 1)))
                    || NINO_NOT_FIRST.indexOf(a) >= 0 || NINO_NOT_SECOND.indexOf(b) >= 0
                    || NINO_NOT_ALLOCATED.contains("" + a + b)) {
                continue;
            }
            int j = i + 2;
            int digits = 0;
            char separator = 0;
            int end = -1;
            while (j < n) {
                char c = s.charAt(j);
                if (NINO_SEPARATORS.indexOf(c) >= 0) {
                    if ((separator != 0 && c != separator) || j + 1 >= n || NINO_SEPARATORS.indexOf(s.charAt(j + 1)) >= 0) {
                        break;
                    }
                    separator = c;
                    j++;
                    continue;
                }
                if (digits < 6) {
                    if (!isDigit(c)) {
                        break;
                    }
                    digits++;
                    j++;
                    continue;
                }
                char suffix = Character.toUpperCase(c);
                if (suffix >= 'A' && suffix <= 'D' && (j + 1 == n || !Character.isLetterOrDigit(s.charAt(j + 1)))) {
                    end = j + 1;
                }
                break;
            }
            if (end > 0) {
                out.add(new Span(i, end, PiiType.PERSONAL_ID));
                i = end - 1;
            }
        }
    }
}
