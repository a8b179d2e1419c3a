package com.zeromission.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import com.zeromission.support.FuzzBudget;

/**
 * Fuzz target 4 (docs/fuzzing.md): the masker, on any text the fuzzer writes, and on that text with a piece of
 * personal data planted at a position the fuzzer chooses. Invariants:
 * <ul>
 * <li>{@code mask} never throws;</li>
 * <li>it is idempotent: masking masked text changes nothing (stored texts are masked again on re-import and by
 * the privacy tools);</li>
 * <li>it makes no text longer than {@value #MAX_GROWTH} times its length: the longest placeholder,
 * [PERSONAL_ID] (13 characters), replaces at least 9 characters (a BSN or SSN);</li>
 * <li>a planted e-mail address, IBAN, Swedish personnummer or UK National Insurance number, all recognised by
 * their shape and check digits rather than by the words around them, does not survive, even written to evade the
 * masker: invisible characters (zero-width space, joiners, word joiner, soft hyphen, BOM) anywhere inside it, an
 * address with thin or no-break spaces inside or its '@' percent-encoded or full-width, a personnummer with a space
 * of any kind between date and digits.</li>
 * </ul>
 * Cards and phone numbers are not planted: a word before them ("order", "kundnummer") makes them references by
 * design, and a line break does not hide that word from the masker.
 * The planted value stands on a line of its own. The masker reads digit groups joined by spaces as one number
 * ("12 811228-9874" is a 3-group number, not a personnummer after a 12) and an e-mail address glued to letters
 * as a longer one, both by design; a line break ends every number, address and IBAN, so it isolates the value
 * without making it easier to find.
 */
class MaskerFuzzTest {

    static final double MAX_GROWTH = 1.5;

    private static final TextMasker MASKER = TextMasker.standard();
    private static final List<String> COUNTRIES = CheckDigits.IBAN_LENGTHS.keySet().stream().sorted().toList();
    private static final String LOCAL = "abcdefghijklmnopqrstuvwxyz0123456789._+-";
    private static final String LABEL = "abcdefghijklmnopqrstuvwxyz0123456789-";
    private static final String ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

    @FuzzTest(maxDuration = "20s")
    void masksPlantedPersonalDataIdempotentlyInAnyText(FuzzedDataProvider data) throws Exception {
        int kind = data.consumeInt(0, 3);
        String planted = withInvisibleCharacters(data, switch (kind) {
            case 0 -> email(data);
            case 1 -> iban(data);
            case 2 -> personnummer(data);
            default -> nationalInsuranceNumber(data);
        });
        int position = data.consumeInt(0, Integer.MAX_VALUE);
        String text = data.consumeRemainingAsString();
        FuzzBudget.within(() -> {
            checkInvariants(text);
            int at = position % (text.length() + 1);
            if (at > 0 && at < text.length() && Character.isLowSurrogate(text.charAt(at))) {
                at--; // do not split a surrogate pair
            }
            String withPii = text.substring(0, at) + "\n" + planted + "\n" + text.substring(at);
            MaskedText masked = checkInvariants(withPii);
            assertThat(masked.text()).as("planted %s", planted).doesNotContain(planted);
            assertThat(masked.total()).isPositive();
        });
    }

    private static MaskedText checkInvariants(String raw) {
        MaskedText once = MASKER.mask(raw);
        assertThat(once.text().length()).as("growth").isLessThanOrEqualTo((int) Math.ceil(raw.length() * MAX_GROWTH));
        MaskedText twice = MASKER.mask(once.text());
        assertThat(twice.text()).as("masking masked text changes nothing").isEqualTo(once.text());
        return once;
    }

    /** Characters nobody sees: the masker must read through them wherever they are. */
    private static final String INVISIBLE = "\u200b\u200c\u200d\u2060\u00ad\ufeff";
    /** Spaces that are not ASCII spaces: no-break, narrow no-break, thin, hair, figure, ideographic. */
    private static final String ODD_SPACES = "\u00a0\u202f\u2009\u200a\u2007\u3000";

    /** Up to three invisible characters at positions the fuzzer chooses. */
    static String withInvisibleCharacters(FuzzedDataProvider data, String value) {
        var b = new StringBuilder(value);
        int count = data.consumeInt(0, 3);
        for (int i = 0; i < count; i++) {
            b.insert(data.consumeInt(0, b.length()), pick(data, INVISIBLE));
        }
        return b.toString();
    }

    /** local@label(.label)*.tld, as the masker's scanner reads addresses: letters, digits and . _ % + - on the left. */
    static String email(FuzzedDataProvider data) {
        String address = plainEmail(data);
        int at = address.indexOf('@');
        return switch (data.consumeInt(0, 4)) {
            case 0 -> address.substring(0, at) + "%40" + address.substring(at + 1);
            case 1 -> address.substring(0, at) + "\uff20" + address.substring(at + 1);
            case 2 -> { // odd spaces anywhere inside: the e-mail scanner reads through them
                var b = new StringBuilder(address);
                int count = data.consumeInt(1, 3);
                for (int i = 0; i < count; i++) {
                    b.insert(data.consumeInt(1, b.length() - 1), pick(data, ODD_SPACES));
                }
                yield b.toString();
            }
            default -> address;
        };
    }

    private static String plainEmail(FuzzedDataProvider data) {
        var b = new StringBuilder();
        b.append(pick(data, ALNUM.toLowerCase(Locale.ROOT)));
        int localLength = data.consumeInt(0, 20);
        for (int i = 0; i < localLength; i++) {
            b.append(pick(data, LOCAL));
        }
        if (localLength > 0) {
            b.append(pick(data, ALNUM.toLowerCase(Locale.ROOT)));
        }
        b.append('@');
        int labels = data.consumeInt(1, 3);
        for (int l = 0; l < labels; l++) {
            b.append(pick(data, ALNUM.toLowerCase(Locale.ROOT)));
            int labelLength = data.consumeInt(0, 10);
            for (int i = 0; i < labelLength; i++) {
                b.append(pick(data, LABEL));
            }
            if (labelLength > 0) {
                b.append(pick(data, ALNUM.toLowerCase(Locale.ROOT)));
            }
            b.append('.');
        }
        int tld = data.consumeInt(2, 6);
        for (int i = 0; i < tld; i++) {
            b.append(pick(data, "abcdefghijklmnopqrstuvwxyz"));
        }
        return data.consumeBoolean() ? b.toString().toUpperCase(Locale.ROOT) : b.toString();
    }

    /** A valid IBAN of any country the masker knows, compact or in groups of four, either case. */
    static String iban(FuzzedDataProvider data) {
        String country = COUNTRIES.get(data.consumeInt(0, COUNTRIES.size() - 1));
        var bban = new StringBuilder();
        for (int i = 0; i < CheckDigits.IBAN_LENGTHS.get(country) - 4; i++) {
            bban.append(data.consumeBoolean() ? pick(data, ALNUM) : (char) ('0' + data.consumeInt(0, 9)));
        }
        String iban = country + CheckDigits.ibanCheckDigits(country, bban.toString()) + bban;
        if (data.consumeBoolean()) {
            var grouped = new StringBuilder();
            for (int i = 0; i < iban.length(); i++) {
                if (i > 0 && i % 4 == 0) {
                    grouped.append(' ');
                }
                grouped.append(iban.charAt(i));
            }
            iban = grouped.toString();
        }
        return data.consumeBoolean() ? iban.toLowerCase(Locale.ROOT) : iban;
    }

    /** A personnummer or samordningsnummer (day + 60), YYMMDD-NNNC, YYMMDD+NNNC, YYMMDDNNNC or with the century. */
    static String personnummer(FuzzedDataProvider data) {
        int year = data.consumeInt(1900, 2029);
        int month = data.consumeInt(1, 12);
        int day = data.consumeInt(1, 28) + (data.consumeBoolean() ? 60 : 0);
        String yymmdd = String.format(Locale.ROOT, "%02d%02d%02d", year % 100, month, day);
        String serial = String.format(Locale.ROOT, "%03d", data.consumeInt(0, 999));
        String last4 = serial + CheckDigits.luhnDigit(yymmdd + serial);
        return switch (data.consumeInt(0, 6)) {
            case 0 -> yymmdd + "-" + last4;
            case 1 -> yymmdd + "+" + last4;
            case 2 -> yymmdd + last4;
            case 3 -> year / 100 + yymmdd + "-" + last4;
            case 4 -> yymmdd + pick(data, " " + ODD_SPACES) + last4;
            case 5 -> year / 100 + yymmdd + pick(data, " " + ODD_SPACES) + last4;
            default -> year / 100 + yymmdd + last4;
        };
    }

    /**
     * A UK National Insurance number: an allocated prefix, six digits, suffix A–D, compact or with one kind of
     * separator (space, '-', '.', or a space of any kind) between its parts, either case.
     */
    static String nationalInsuranceNumber(FuzzedDataProvider data) {
        String first = "ABCEGHJKLMNOPRSTWXYZ", second = "ABCEGHJKLMNPRSTWXYZ";
        String prefix;
        do {
            prefix = "" + pick(data, first) + pick(data, second);
        } while (List.of("BG", "GB", "KN", "NK", "NT", "TN", "ZZ").contains(prefix));
        String six = String.format(Locale.ROOT, "%06d", data.consumeInt(0, 999_999));
        char suffix = pick(data, "ABCD");
        String sep = switch (data.consumeInt(0, 4)) {
            case 0 -> "";
            case 1 -> "-";
            case 2 -> ".";
            case 3 -> String.valueOf(pick(data, ODD_SPACES));
            default -> " ";
        };
        String nino = data.consumeBoolean()
                ? prefix + sep + six.substring(0, 2) + sep + six.substring(2, 4) + sep + six.substring(4) + sep + suffix
                : prefix + sep + six + sep + suffix;
        return data.consumeBoolean() ? nino.toLowerCase(Locale.ROOT) : nino;
    }

    private static char pick(FuzzedDataProvider data, String alphabet) {
        return alphabet.charAt(data.consumeInt(0, alphabet.length() - 1));
    }
}
