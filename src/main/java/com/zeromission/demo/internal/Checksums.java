package com.zeromission.demo.internal;

import java.math.BigInteger;

/** The check digits of the identifiers the generator plants, so that a masker that verifies them must catch them. */
public final class Checksums {

    private Checksums() {
    }

    /** The Luhn (mod 10) check digit for a payload of digits. */
    public static int luhnDigit(String payload) {
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

    public static boolean luhnValid(String digits) {
        return digits.length() >= 2
                && luhnDigit(digits.substring(0, digits.length() - 1)) == digits.charAt(digits.length() - 1) - '0';
    }

    /** ISO 13616 check digits for a country and BBAN: 98 - (BBAN + country + "00" as a number) mod 97. */
    public static String ibanCheckDigits(String country, String bban) {
        int mod = mod97(bban + country + "00");
        int check = 98 - mod;
        return check < 10 ? "0" + check : String.valueOf(check);
    }

    public static boolean ibanValid(String iban) {
        String compact = iban.replace(" ", "");
        if (compact.length() < 5) {
            return false;
        }
        return mod97(compact.substring(4) + compact.substring(0, 4)) == 1;
    }

    /** Letters count as 10..35; computed in pieces so that no big integer is needed. */
    static int mod97(String s) {
        int mod = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            int v = Character.isDigit(c) ? c - '0' : Character.toUpperCase(c) - 'A' + 10;
            mod = v >= 10 ? (mod * 100 + v) % 97 : (mod * 10 + v) % 97;
        }
        return mod;
    }

    /** Norwegian fødselsnummer check digits (two mod-11 digits), or null if no valid number has this payload. */
    public static int[] norwegianCheckDigits(String nineDigits) {
        int[] w1 = {3, 7, 6, 1, 8, 9, 4, 5, 2};
        int[] w2 = {5, 4, 3, 2, 7, 6, 5, 4, 3, 2};
        int k1 = 11 - weighted(nineDigits, w1) % 11;
        k1 = k1 == 11 ? 0 : k1;
        if (k1 == 10) {
            return null;
        }
        int k2 = 11 - weighted(nineDigits + k1, w2) % 11;
        k2 = k2 == 11 ? 0 : k2;
        return k2 == 10 ? null : new int[] {k1, k2};
    }

    /** Finnish henkilötunnus check character: (birth date + individual number) mod 31. */
    public static char finnishCheckChar(String sixDigitsDate, String threeDigits) {
        int n = new BigInteger(sixDigitsDate + threeDigits).mod(BigInteger.valueOf(31)).intValue();
        return "0123456789ABCDEFHJKLMNPRSTUVWXY".charAt(n);
    }

    /** Dutch BSN "elfproef": 9·d1 + 8·d2 + … + 2·d8 − d9 must be divisible by 11. */
    public static boolean bsnValid(String nineDigits) {
        int sum = 0;
        for (int i = 0; i < 8; i++) {
            sum += (9 - i) * (nineDigits.charAt(i) - '0');
        }
        sum -= nineDigits.charAt(8) - '0';
        return sum % 11 == 0;
    }

    private static int weighted(String digits, int[] weights) {
        int sum = 0;
        for (int i = 0; i < weights.length; i++) {
            sum += weights[i] * (digits.charAt(i) - '0');
        }
        return sum;
    }
}
