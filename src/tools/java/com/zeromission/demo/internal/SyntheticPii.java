package com.zeromission.demo.internal;

import com.zeromission.privacy.CheckDigits;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

import com.zeromission.demo.PlantedPii.Kind;

/**
 * Synthetic personal data in the shapes customers really type: national phone formats, personal identity numbers,
 * IBANs and card numbers with valid check digits (a masker that checks them must still catch them), e-mail addresses
 * on reserved example domains. Nothing here belongs to a real person: phone numbers use the ranges regulators keep
 * for fiction where one exists (GB 07700 900xxx, US 555-01xx, SE 070-17406xx), otherwise random digits with no name
 * attached.
 */
final class SyntheticPii {

    private SyntheticPii() {
    }

    /** The kinds that make sense for a market (no IBAN in the US, personal ids only where the masker knows them). */
    static List<Kind> kindsFor(String market) {
        var kinds = new ArrayList<>(List.of(Kind.EMAIL, Kind.PHONE, Kind.PAYMENT_CARD));
        if (!market.equals("US")) {
            kinds.add(Kind.IBAN);
        }
        if (List.of("SE", "NO", "FI", "NL").contains(market)) {
            kinds.add(Kind.PERSONAL_ID);
        }
        return kinds;
    }

    static String generate(Kind kind, String market, String language, SplittableRandom r) {
        return switch (kind) {
            case EMAIL -> email(language, r);
            case PHONE -> phone(market, r);
            case PERSONAL_ID -> personalId(market, r);
            case IBAN -> iban(market, r);
            case PAYMENT_CARD -> card(r);
        };
    }

    private static final List<String> DOMAINS = List.of("example.com", "example.org", "example.net", "mail.example.com",
            "post.example.org");

    private static String email(String language, SplittableRandom r) {
        String[][] names = switch (language) {
            case "sv" -> new String[][] {{"anna", "erik", "lars", "karin", "johan", "maria", "sara", "oskar"},
                    {"karlsson", "lindqvist", "berg", "nilsson", "holm", "ek"}};
            case "de" -> new String[][] {{"julia", "lukas", "katrin", "stefan", "lena", "jonas"},
                    {"mueller", "schmidt", "becker", "wagner", "huber"}};
            case "nl" -> new String[][] {{"sanne", "daan", "lotte", "bram", "fleur"}, {"devries", "jansen", "bakker", "visser"}};
            case "nb" -> new String[][] {{"ingrid", "ola", "kari", "sindre"}, {"hansen", "johansen", "berg"}};
            case "da" -> new String[][] {{"mette", "rasmus", "freja", "mads"}, {"nielsen", "jensen", "larsen"}};
            case "fi" -> new String[][] {{"aino", "mikko", "juha", "sanna"}, {"virtanen", "korhonen", "makinen"}};
            default -> new String[][] {{"emma", "james", "olivia", "liam", "sophie", "noah"},
                    {"smith", "taylor", "brown", "walker", "clarke"}};
        };
        String first = names[0][r.nextInt(names[0].length)];
        String last = names[1][r.nextInt(names[1].length)];
        String local = switch (r.nextInt(5)) {
            case 0 -> first + "." + last;
            case 1 -> first + "_" + last + r.nextInt(10, 99);
            case 2 -> first + last.charAt(0) + r.nextInt(60, 100);
            case 3 -> first.charAt(0) + last;
            default -> first + "." + last + r.nextInt(1, 9);
        };
        String email = local + "@" + DOMAINS.get(r.nextInt(DOMAINS.size()));
        // people type their address with a capital now and then; the masker must not care
        return r.nextInt(8) == 0 ? Character.toUpperCase(email.charAt(0)) + email.substring(1) : email;
    }

    private static String digits(SplittableRandom r, int n) {
        var b = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            b.append((char) ('0' + r.nextInt(10)));
        }
        return b.toString();
    }

    static String phone(String market, SplittableRandom r) {
        return switch (market) {
            case "SE" -> {
                String n = "17406" + r.nextInt(5, 10) + r.nextInt(10); // 070-1740605..99: PTS numbers for fiction
                yield switch (r.nextInt(4)) {
                    case 0 -> "070-" + n.substring(0, 3) + " " + n.substring(3, 5) + " " + n.substring(5);
                    case 1 -> "+46 70 " + n.substring(0, 3) + " " + n.substring(3, 5) + " " + n.substring(5);
                    case 2 -> "070" + n;
                    default -> "070-" + n;
                };
            }
            case "NO" -> {
                String n = (r.nextBoolean() ? "4" : "9") + digits(r, 7);
                yield switch (r.nextInt(3)) {
                    case 0 -> "+47 " + n.substring(0, 3) + " " + n.substring(3, 5) + " " + n.substring(5);
                    case 1 -> n.substring(0, 3) + " " + n.substring(3, 5) + " " + n.substring(5);
                    default -> n;
                };
            }
            case "DK" -> {
                String n = (r.nextBoolean() ? "2" : "3") + digits(r, 7);
                yield (r.nextBoolean() ? "+45 " : "") + n.substring(0, 2) + " " + n.substring(2, 4) + " " + n.substring(4, 6)
                        + " " + n.substring(6);
            }
            case "FI" -> {
                String op = r.nextBoolean() ? "40" : "50";
                String n = digits(r, 7);
                yield switch (r.nextInt(3)) {
                    case 0 -> "0" + op + " " + n.substring(0, 3) + " " + n.substring(3);
                    case 1 -> "+358 " + op + " " + n.substring(0, 3) + " " + n.substring(3);
                    default -> "0" + op + "-" + n;
                };
            }
            case "DE" -> {
                String op = List.of("151", "160", "171", "176").get(r.nextInt(4));
                String n = digits(r, 8);
                yield switch (r.nextInt(4)) {
                    case 0 -> "+49 " + op + " " + n;
                    case 1 -> "0" + op + " " + n.substring(0, 4) + " " + n.substring(4);
                    case 2 -> "0" + op + "/" + n;
                    default -> "030 " + digits(r, 7);
                };
            }
            case "AT" -> {
                String op = r.nextBoolean() ? "660" : "664";
                String n = digits(r, 7);
                yield switch (r.nextInt(3)) {
                    case 0 -> "+43 " + op + " " + n;
                    case 1 -> "0" + op + " " + n;
                    default -> "0" + op + "/" + n;
                };
            }
            case "NL" -> {
                String n = digits(r, 8);
                yield switch (r.nextInt(3)) {
                    case 0 -> "06-" + n;
                    case 1 -> "+31 6 " + n;
                    default -> "06 " + n.substring(0, 2) + " " + n.substring(2, 4) + " " + n.substring(4, 6) + " " + n.substring(6);
                };
            }
            case "GB" -> {
                String n = "900" + r.nextInt(100, 1000); // Ofcom's drama range 07700 900000-900999
                yield r.nextBoolean() ? "07700 " + n : "+44 7700 " + n;
            }
            default -> {
                String area = List.of("212", "312", "415", "512", "617", "702").get(r.nextInt(6));
                String n = "01" + r.nextInt(10) + r.nextInt(10); // 555-0100..0199 is reserved for fiction
                yield r.nextBoolean() ? "(" + area + ") 555-" + n : area + "-555-" + n;
            }
        };
    }

    static String personalId(String market, SplittableRandom r) {
        return switch (market) {
            case "SE" -> swedishPersonnummer(r);
            case "NO" -> norwegianFodselsnummer(r);
            case "FI" -> finnishHetu(r);
            case "NL" -> dutchBsn(r);
            default -> throw new IllegalArgumentException("no personal id format for " + market);
        };
    }

    private static String swedishPersonnummer(SplittableRandom r) {
        int year = r.nextInt(1950, 2006);
        int month = r.nextInt(1, 13);
        int day = r.nextInt(1, 29);
        String yymmdd = String.format(Locale.ROOT, "%02d%02d%02d", year % 100, month, day);
        String serial = String.format(Locale.ROOT, "%03d", r.nextInt(1000));
        int check = CheckDigits.luhnDigit(yymmdd + serial);
        return switch (r.nextInt(10)) {
            case 0, 1 -> year + yymmdd.substring(2) + "-" + serial + check;
            case 2 -> yymmdd + serial + check;
            default -> yymmdd + "-" + serial + check;
        };
    }

    private static String norwegianFodselsnummer(SplittableRandom r) {
        while (true) {
            int year = r.nextInt(1950, 2006);
            String ddmmyy = String.format(Locale.ROOT, "%02d%02d%02d", r.nextInt(1, 29), r.nextInt(1, 13), year % 100);
            // individual numbers 000-499 belong to people born 1900-1999, 500-999 to 2000-2039
            int individual = year < 2000 ? r.nextInt(0, 500) : r.nextInt(500, 1000);
            String nine = ddmmyy + String.format(Locale.ROOT, "%03d", individual);
            int[] k = CheckDigits.norwegianCheckDigits(nine);
            if (k != null) {
                return nine + k[0] + k[1];
            }
        }
    }

    private static String finnishHetu(SplittableRandom r) {
        int year = r.nextInt(1950, 2006);
        String ddmmyy = String.format(Locale.ROOT, "%02d%02d%02d", r.nextInt(1, 29), r.nextInt(1, 13), year % 100);
        String individual = String.format(Locale.ROOT, "%03d", r.nextInt(2, 900));
        char sign = year < 2000 ? '-' : 'A';
        return ddmmyy + sign + individual + CheckDigits.finnishCheckChar(ddmmyy, individual);
    }

    private static String dutchBsn(SplittableRandom r) {
        while (true) {
            String eight = (char) ('1' + r.nextInt(6)) + digits(r, 7);
            int sum = 0;
            for (int i = 0; i < 8; i++) {
                sum += (9 - i) * (eight.charAt(i) - '0');
            }
            int last = sum % 11;
            if (last <= 9) {
                return eight + last;
            }
        }
    }

    static String iban(String market, SplittableRandom r) {
        String country = market;
        String bban = switch (market) {
            case "SE" -> List.of("500", "800", "300", "600").get(r.nextInt(4)) + digits(r, 17);
            case "NO" -> digits(r, 11);
            case "DK" -> digits(r, 14);
            case "FI" -> digits(r, 14);
            case "DE" -> digits(r, 8) + digits(r, 10);
            case "AT" -> digits(r, 16);
            case "NL" -> List.of("ABNA", "INGB", "RABO", "TRIO", "SNSB", "ASNB").get(r.nextInt(6)) + digits(r, 10);
            case "GB" -> List.of("NWBK", "BARC", "LOYD", "HBUK", "MIDL").get(r.nextInt(5)) + digits(r, 14);
            default -> throw new IllegalArgumentException("no IBAN format for " + market);
        };
        String iban = country + CheckDigits.ibanCheckDigits(country, bban) + bban;
        if (r.nextInt(10) < 6) {
            // the paper format: groups of four
            var b = new StringBuilder(iban.length() + iban.length() / 4);
            for (int i = 0; i < iban.length(); i++) {
                if (i > 0 && i % 4 == 0) {
                    b.append(' ');
                }
                b.append(iban.charAt(i));
            }
            return b.toString();
        }
        return iban;
    }

    static String card(SplittableRandom r) {
        String payload = switch (r.nextInt(3)) {
            case 0, 1 -> "4" + digits(r, 14);                     // Visa
            default -> "5" + (char) ('1' + r.nextInt(5)) + digits(r, 13); // Mastercard 51-55
        };
        String number = payload + CheckDigits.luhnDigit(payload);
        return switch (r.nextInt(10)) {
            case 0, 1, 2, 3, 4 -> number.substring(0, 4) + " " + number.substring(4, 8) + " " + number.substring(8, 12)
                    + " " + number.substring(12);
            case 5, 6 -> number.substring(0, 4) + "-" + number.substring(4, 8) + "-" + number.substring(8, 12) + "-"
                    + number.substring(12);
            default -> number;
        };
    }
}
