package com.zeromission.privacy;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * Check-digit algorithms of the identifiers the masker recognises. A number is only called a card, an IBAN or a
 * national id when its check digits agree: that is what keeps order numbers, amounts and tracking codes unmasked.
 * The same algorithms compute check digits for synthetic test and demo data, so that generator and masker can never
 * disagree about what "valid" means. Validators take ASCII digit strings (already stripped of separators) and never
 * throw on odd input.
 */
public final class CheckDigits {

    private CheckDigits() {
    }

    /** Luhn (mod 10) over all digits, the last one being the check digit: payment cards, Swedish personnummer. */
    public static boolean luhn(CharSequence digits) {
        int n = digits.length();
        if (n < 2) {
            return false;
        }
        for (int i = 0; i < n; i++) {
            if (!isDigit(digits.charAt(i))) {
                return false;
            }
        }
        return luhnDigit(digits.subSequence(0, n - 1)) == digits.charAt(n - 1) - '0';
    }

    /** Card numbers: 13–19 digits, Luhn, and a prefix that a real card scheme issues (Visa, Mastercard, Amex, …). */
    public static boolean paymentCard(String digits) {
        int n = digits.length();
        if (n < 13 || n > 19 || !luhn(digits)) {
            return false;
        }
        int two = Integer.parseInt(digits.substring(0, 2));
        int four = Integer.parseInt(digits.substring(0, 4));
        return digits.charAt(0) == '4'                       // Visa
                || (two >= 51 && two <= 55) || (four >= 2221 && four <= 2720) // Mastercard
                || two == 34 || two == 37                      // American Express
                || four == 6011 || two == 65 || (four >= 6440 && four <= 6499) // Discover
                || (four >= 3528 && four <= 3589)              // JCB
                || two == 36 || (four >= 3000 && four <= 3059) || two == 38 || two == 39 // Diners
                || two == 62                                   // UnionPay
                || two == 50 || (two >= 56 && two <= 69);      // Maestro ranges
    }

    /** IBAN lengths per country (ISO 13616 registry, SEPA and the markets we serve). */
    public static final Map<String, Integer> IBAN_LENGTHS = Map.ofEntries(
            Map.entry("AD", 24), Map.entry("AT", 20), Map.entry("BE", 16), Map.entry("BG", 22), Map.entry("CH", 21),
            Map.entry("CY", 28), Map.entry("CZ", 24), Map.entry("DE", 22), Map.entry("DK", 18), Map.entry("EE", 20),
            Map.entry("ES", 24), Map.entry("FI", 18), Map.entry("FO", 18), Map.entry("FR", 27), Map.entry("GB", 22),
            Map.entry("GI", 23), Map.entry("GL", 18), Map.entry("GR", 27), Map.entry("HR", 21), Map.entry("HU", 28),
            Map.entry("IE", 22), Map.entry("IS", 26), Map.entry("IT", 27), Map.entry("LI", 21), Map.entry("LT", 20),
            Map.entry("LU", 20), Map.entry("LV", 21), Map.entry("MC", 27), Map.entry("MT", 31), Map.entry("NL", 18),
            Map.entry("NO", 15), Map.entry("PL", 28), Map.entry("PT", 25), Map.entry("RO", 24), Map.entry("SE", 24),
            Map.entry("SI", 19), Map.entry("SK", 24), Map.entry("SM", 27), Map.entry("VA", 22));

    /** ISO 7064 mod 97-10 over an IBAN (upper-case letters and digits, no spaces). */
    public static boolean iban(String iban) {
        Integer expected = iban.length() >= 4 ? IBAN_LENGTHS.get(iban.substring(0, 2)) : null;
        if (expected == null || expected != iban.length()) {
            return false;
        }
        int remainder = 0;
        for (int k = 0; k < iban.length(); k++) {
            char c = iban.charAt((k + 4) % iban.length());
            if (c >= '0' && c <= '9') {
                remainder = (remainder * 10 + (c - '0')) % 97;
            } else if (c >= 'A' && c <= 'Z') {
                remainder = (remainder * 100 + (c - 'A' + 10)) % 97;
            } else {
                return false;
            }
        }
        return remainder == 1;
    }

    /**
     * Swedish personnummer or samordningsnummer (day + 60) given as 10 digits YYMMDDNNNC or 12 digits
     * YYYYMMDDNNNC: a real calendar date and a Luhn check digit over the last ten digits.
     */
    public static boolean swedishPersonalNumber(String digits) {
        String ten;
        if (digits.length() == 12) {
            int century = num(digits, 0, 2);
            if (century != 18 && century != 19 && century != 20) {
                return false;
            }
            if (!validDate(num(digits, 0, 4), num(digits, 4, 6), dayOf(num(digits, 6, 8)))) {
                return false;
            }
            ten = digits.substring(2);
        } else if (digits.length() == 10) {
            int month = num(digits, 2, 4);
            int day = dayOf(num(digits, 4, 6));
            // The century is not written: accept the date if it exists in either the 1900s or the 2000s.
            int yy = num(digits, 0, 2);
            if (!validDate(1900 + yy, month, day) && !validDate(2000 + yy, month, day)) {
                return false;
            }
            ten = digits;
        } else {
            return false;
        }
        return luhn(ten);
    }

    private static int dayOf(int day) {
        return day > 60 ? day - 60 : day; // samordningsnummer add 60 to the day
    }

    /** Norwegian fødselsnummer / D-nummer: 11 digits DDMMYYIIICC with two mod-11 check digits. */
    public static boolean norwegianBirthNumber(String d) {
        if (d.length() != 11) {
            return false;
        }
        int day = num(d, 0, 2), month = num(d, 2, 4), yy = num(d, 4, 6);
        if (day > 40) {
            day -= 40; // D-nummer
        }
        if (month > 40) {
            month -= 40; // H-nummer (assigned by health services)
        }
        if (!validDate(1900 + yy, month, day) && !validDate(2000 + yy, month, day)) {
            return false;
        }
        int[] w1 = {3, 7, 6, 1, 8, 9, 4, 5, 2};
        int[] w2 = {5, 4, 3, 2, 7, 6, 5, 4, 3, 2};
        int k1 = mod11(d, w1);
        if (k1 < 0 || k1 != d.charAt(9) - '0') {
            return false;
        }
        int k2 = mod11(d, w2);
        return k2 >= 0 && k2 == d.charAt(10) - '0';
    }

    private static int mod11(String d, int[] weights) {
        int sum = 0;
        for (int i = 0; i < weights.length; i++) {
            sum += (d.charAt(i) - '0') * weights[i];
        }
        int k = 11 - sum % 11;
        if (k == 11) {
            return 0;
        }
        return k == 10 ? -1 : k;
    }

    /** Danish CPR: DDMMYY-SSSS with a real date (the old modulus-11 rule was dropped in 2007, so no check digit). */
    public static boolean danishCprDate(String d) {
        if (d.length() != 10) {
            return false;
        }
        int day = num(d, 0, 2), month = num(d, 2, 4), yy = num(d, 4, 6);
        return validDate(1900 + yy, month, day) || validDate(2000 + yy, month, day);
    }

    private static final String HETU_CHECK = "0123456789ABCDEFHJKLMNPRSTUVWXY";

    /** Finnish henkilötunnus: DDMMYY, century sign, three digits, check character = DDMMYYNNN mod 31. */
    public static boolean finnishPersonalId(String hetu) {
        if (hetu.length() != 11) {
            return false;
        }
        String digits = hetu.substring(0, 6) + hetu.substring(7, 10);
        for (int i = 0; i < digits.length(); i++) {
            if (!isDigit(digits.charAt(i))) {
                return false;
            }
        }
        int century = switch (hetu.charAt(6)) {
            case '+' -> 1800;
            case '-', 'Y', 'X', 'W', 'V', 'U' -> 1900;
            case 'A', 'B', 'C', 'D', 'E', 'F' -> 2000;
            default -> -1;
        };
        if (century < 0 || !validDate(century + num(hetu, 4, 6), num(hetu, 2, 4), num(hetu, 0, 2))) {
            return false;
        }
        return HETU_CHECK.charAt(Integer.parseInt(digits) % 31) == Character.toUpperCase(hetu.charAt(10));
    }

    /** Dutch burgerservicenummer: nine digits passing the "elfproef" (weights 9..2 and −1). */
    public static boolean dutchBsn(String d) {
        if (d.length() != 9 || d.equals("000000000")) {
            return false;
        }
        int sum = 0;
        for (int i = 0; i < 8; i++) {
            sum += (d.charAt(i) - '0') * (9 - i);
        }
        sum -= d.charAt(8) - '0';
        return sum % 11 == 0;
    }

    /** US social security number AAA-GG-SSSS: area not 000, 666 or 9xx, group not 00, serial not 0000. */
    public static boolean usSsn(String d) {
        if (d.length() != 9) {
            return false;
        }
        int area = num(d, 0, 3), group = num(d, 3, 5), serial = num(d, 5, 9);
        return area != 0 && area != 666 && area < 900 && group != 0 && serial != 0;
    }

    /** The Luhn (mod 10) check digit to append to {@code payload}. */
    public static int luhnDigit(CharSequence payload) {
        int sum = 0;
        boolean dbl = true; // the rightmost payload digit is doubled, since the check digit goes after it
        for (int i = payload.length() - 1; i >= 0; i--) {
            int d = payload.charAt(i) - '0';
            if (dbl) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
            dbl = !dbl;
        }
        return (10 - sum % 10) % 10;
    }

    /** ISO 13616 check digits for a country and BBAN: 98 − (BBAN + country + "00") mod 97, two digits. */
    public static String ibanCheckDigits(String country, String bban) {
        int check = 98 - mod97(bban + country + "00");
        return check < 10 ? "0" + check : String.valueOf(check);
    }

    /** The two Norwegian fødselsnummer check digits for nine digits DDMMYYIII, or null if none exist. */
    public static int @Nullable [] norwegianCheckDigits(String nineDigits) {
        int k1 = mod11(nineDigits, new int[] {3, 7, 6, 1, 8, 9, 4, 5, 2});
        if (k1 < 0) {
            return null;
        }
        int k2 = mod11(nineDigits + k1, new int[] {5, 4, 3, 2, 7, 6, 5, 4, 3, 2});
        return k2 < 0 ? null : new int[] {k1, k2};
    }

    /** The Finnish henkilötunnus check character for DDMMYY and the three-digit individual number. */
    public static char finnishCheckChar(String ddmmyy, String individual) {
        return HETU_CHECK.charAt(Integer.parseInt(ddmmyy + individual) % 31);
    }

    private static int mod97(String alnum) {
        int r = 0;
        for (int k = 0; k < alnum.length(); k++) {
            char c = Character.toUpperCase(alnum.charAt(k));
            r = c >= '0' && c <= '9' ? (r * 10 + (c - '0')) % 97 : (r * 100 + (c - 'A' + 10)) % 97;
        }
        return r;
    }

    public static boolean validDate(int year, int month, int day) {
        if (month < 1 || month > 12 || day < 1 || day > 31) {
            return false;
        }
        try {
            LocalDate.of(year, month, day);
            return true;
        } catch (DateTimeException e) {
            return false;
        }
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static int num(String s, int from, int to) {
        int v = 0;
        for (int i = from; i < to; i++) {
            v = v * 10 + (s.charAt(i) - '0');
        }
        return v;
    }
}
