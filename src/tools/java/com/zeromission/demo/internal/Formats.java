package com.zeromission.demo.internal;

import java.time.LocalDate;
import java.util.Locale;
import java.util.SplittableRandom;

/** Money and dates the way customers in each market and language write them, in a few variants each. */
final class Formats {

    private Formats() {
    }

    private static final String[] MONTHS_SV = {"januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti",
            "september", "oktober", "november", "december"};
    private static final String[] MONTHS_EN = {"January", "February", "March", "April", "May", "June", "July", "August",
            "September", "October", "November", "December"};
    private static final String[] MONTHS_DE = {"Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August",
            "September", "Oktober", "November", "Dezember"};
    private static final String[] MONTHS_NL = {"januari", "februari", "maart", "april", "mei", "juni", "juli",
            "augustus", "september", "oktober", "november", "december"};
    private static final String[] MONTHS_NB = {"januar", "februar", "mars", "april", "mai", "juni", "juli", "august",
            "september", "oktober", "november", "desember"};
    private static final String[] MONTHS_DA = {"januar", "februar", "marts", "april", "maj", "juni", "juli", "august",
            "september", "oktober", "november", "december"};

    static String date(LocalDate d, String market, String lang, SplittableRandom r) {
        int day = d.getDayOfMonth(), month = d.getMonthValue();
        boolean numeric = r.nextInt(3) == 0;
        return switch (lang) {
            case "sv" -> numeric ? day + "/" + month : day + " " + MONTHS_SV[month - 1];
            case "de" -> {
                String name = month == 1 && market.equals("AT") ? "Jänner" : MONTHS_DE[month - 1];
                yield numeric ? String.format(Locale.ROOT, "%02d.%02d.", day, month) : day + ". " + name;
            }
            case "nl" -> numeric ? day + "-" + month : day + " " + MONTHS_NL[month - 1];
            case "nb" -> numeric ? day + "." + month + "." : day + ". " + MONTHS_NB[month - 1];
            case "da" -> numeric ? day + "/" + month : day + ". " + MONTHS_DA[month - 1];
            case "fi" -> day + "." + month + ".";
            default -> market.equals("US")
                    ? (numeric ? month + "/" + day : MONTHS_EN[month - 1] + " " + day)
                    : (numeric ? day + "/" + month : day + " " + MONTHS_EN[month - 1]);
        };
    }

    /** A price: whole kronor ending in 9 in the Nordics, .95/.99/.00 elsewhere. */
    static String money(double euros, MarketProfile m, String lang, SplittableRandom r) {
        double local = euros * m.perEuro();
        return switch (m.currency()) {
            case "SEK", "NOK", "DKK" -> kronor(roundNine(local), m.currency(), lang, r);
            default -> cents(local, m.currency(), lang, r, false);
        };
    }

    /** A fixed fee as printed on a reminder. */
    static String fee(MarketProfile m, String lang, SplittableRandom r) {
        double fee = m.reminderFee();
        return switch (m.currency()) {
            case "SEK", "NOK", "DKK" -> kronor((long) fee, m.currency(), lang, r);
            default -> cents(fee, m.currency(), lang, r, true);
        };
    }

    private static long roundNine(double v) {
        long x = Math.max(9, Math.round(v / 10.0) * 10 - 1);
        return x;
    }

    private static String grouped(long v, char sep) {
        String s = Long.toString(v);
        var b = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            if (i > 0 && (s.length() - i) % 3 == 0) {
                b.append(sep);
            }
            b.append(s.charAt(i));
        }
        return b.toString();
    }

    private static String kronor(long v, String currency, String lang, SplittableRandom r) {
        int variant = r.nextInt(3);
        if (lang.equals("en")) {
            return switch (variant) {
                case 0 -> currency + " " + grouped(v, ',');
                case 1 -> grouped(v, ',') + " " + currency;
                default -> v + " kr";
            };
        }
        return switch (currency) {
            case "SEK" -> switch (variant) {
                case 0 -> grouped(v, ' ') + " kr";
                case 1 -> v + " kr";
                default -> grouped(v, ' ') + ":-";
            };
            case "NOK" -> switch (variant) {
                case 0 -> grouped(v, ' ') + " kr";
                case 1 -> "kr " + grouped(v, ' ') + ",-";
                default -> v + " kr";
            };
            default -> switch (variant) {
                case 0 -> grouped(v, '.') + " kr.";
                case 1 -> grouped(v, '.') + ",00 kr";
                default -> v + " kr";
            };
        };
    }

    /** Exact amounts (fees) keep their cents; prices get the usual .95/.99/.00 endings. */
    private static String cents(double v, String currency, String lang, SplittableRandom r, boolean exact) {
        long whole = Math.max(1, (long) Math.floor(v));
        int variant = r.nextInt(3);
        String frac = exact ? String.format(Locale.ROOT, "%02d", Math.round((v - Math.floor(v)) * 100)) : switch (r.nextInt(3)) {
            case 0 -> "95";
            case 1 -> "99";
            default -> "00";
        };
        if (currency.equals("GBP")) {
            return variant == 2 ? grouped(whole, ',') + "." + frac + " GBP" : "£" + grouped(whole, ',') + "." + frac;
        }
        if (currency.equals("USD")) {
            return switch (variant) {
                case 0 -> "$" + grouped(whole, ',') + "." + frac;
                case 1 -> "$" + grouped(whole, ',');
                default -> grouped(whole, ',') + " dollars";
            };
        }
        String comma = grouped(whole, '.') + "," + frac;
        return switch (lang) {
            case "de" -> switch (variant) {
                case 0 -> comma + " €";
                case 1 -> comma + " Euro";
                default -> comma + "€";
            };
            case "nl" -> switch (variant) {
                case 0 -> "€ " + comma;
                case 1 -> "€" + comma;
                default -> comma + " euro";
            };
            case "fi" -> variant == 2 ? comma + " e" : comma + " €";
            case "sv" -> variant == 2 ? comma + " €" : comma + " euro";
            default -> switch (variant) {
                case 0 -> "€" + grouped(whole, ',') + "." + frac;
                case 1 -> grouped(whole, ',') + "." + frac + " EUR";
                default -> "EUR " + grouped(whole, ',') + "." + frac;
            };
        };
    }
}
