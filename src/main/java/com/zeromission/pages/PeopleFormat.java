package com.zeromission.pages;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.time.temporal.TemporalAccessor;
import java.util.Currency;
import java.util.Locale;
import java.util.Objects;

import org.springframework.context.MessageSource;

/**
 * How pages show values to people, as {@code #fmt} in every template: counts with thousands separators and the
 * right plural ("1 signal", "13,862,639 signals"), money with its currency, dates and times in the viewer's time
 * zone to the minute, and codes and enum values in words ("NOT_APPLICABLE" → "Not applicable", "SE" → "Sweden",
 * "pay-in-3" → "Pay in 3"; in Swedish "Sverige", "Delbetalning"). Words come from the message bundles
 * ({@code i18n/messages*.properties}: {@code words.*}, {@code market.*}, {@code product.*}); a value with no entry
 * there is still shown in words, made from its code. See docs/web.md, "Formatting for people".
 * <p>
 * One instance per rendered page ({@link PeopleFormatDialect} makes it with the viewer's zone); methods accept null
 * and show it as an en dash, since a missing value is common on these pages and never an error.
 */
public final class PeopleFormat {

    /** What a missing value looks like. */
    public static final String NONE = "–";

    private final Locale locale;
    private final ZoneId zone;
    private final MessageSource messages;
    private final Currency currency;

    public PeopleFormat(Locale locale, ZoneId zone, MessageSource messages) {
        this(locale, zone, messages, Currency.getInstance("EUR"));
    }

    /** @param currency the company's reporting currency: what amounts without a currency of their own are in */
    public PeopleFormat(Locale locale, ZoneId zone, MessageSource messages, Currency currency) {
        this.locale = Objects.requireNonNull(locale, "locale");
        this.zone = Objects.requireNonNull(zone, "zone");
        this.messages = Objects.requireNonNull(messages, "messages");
        this.currency = Objects.requireNonNull(currency, "currency");
    }

    /** The reporting currency's code ("EUR"), for labels such as "Cost of a contact (EUR)". */
    public String currency() {
        return currency.getCurrencyCode();
    }

    /** An amount in the reporting currency (insights' impact models are in it): "€254,520". */
    public String money(Number amount) {
        return money(amount, currency.getCurrencyCode());
    }

    /** The same formatting in another language (the public feedback form chooses its language itself). */
    public PeopleFormat in(String language) {
        return new PeopleFormat(language == null || language.isBlank() ? locale : Locale.forLanguageTag(language), zone,
                messages, currency);
    }

    public Locale locale() {
        return locale;
    }

    public ZoneId zone() {
        return zone;
    }

    // ---- numbers -----------------------------------------------------------------------------------------------

    /** A whole number with thousands separators: 13862639 → "13,862,639". */
    public String count(Number n) {
        if (n == null) {
            return NONE;
        }
        return NumberFormat.getIntegerInstance(locale).format(n instanceof BigDecimal b ? b : n.longValue());
    }

    /** A count with its noun, plural made by adding "s": (1, "signal") → "1 signal", (2199, "signal") → "2,199 signals". */
    public String count(Number n, String singular) {
        return count(n, singular, singular + "s");
    }

    /** A count with its noun in the singular or the given plural: (3, "person-day", "person-days"). */
    public String count(Number n, String singular, String plural) {
        if (n == null) {
            return NONE;
        }
        boolean one = new BigDecimal(n.toString()).compareTo(BigDecimal.ONE) == 0;
        return (n instanceof Double || n instanceof Float || n instanceof BigDecimal ? decimal(n, 1) : count(n)) + " "
                + (one ? singular : plural);
    }

    /** A number with at most {@code digits} decimals (trailing zeros dropped) and thousands separators. */
    public String decimal(Number n, int digits) {
        if (n == null) {
            return NONE;
        }
        var f = NumberFormat.getNumberInstance(locale);
        f.setMaximumFractionDigits(digits);
        f.setMinimumFractionDigits(0);
        return f.format(n instanceof BigDecimal b ? b : n.doubleValue());
    }

    /** A share (0.052) as a percentage with one decimal: "5.2 %". */
    public String percent(Number share) {
        return share == null ? NONE : decimal(share.doubleValue() * 100, 1) + " %";
    }

    /**
     * An amount in its currency (ISO 4217 code), without cents when it is whole: (254520, "EUR") → "€254,520",
     * (12.5, "SEK") → "SEK 12.50". An unknown code is put after the number as given.
     */
    public String money(Number amount, String currency) {
        if (amount == null) {
            return NONE;
        }
        BigDecimal value = new BigDecimal(amount.toString());
        Currency c;
        try {
            c = Currency.getInstance(currency == null ? "" : currency.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return decimal(value, 2) + (currency == null || currency.isBlank() ? "" : " " + currency.strip());
        }
        var f = NumberFormat.getCurrencyInstance(locale);
        f.setCurrency(c);
        boolean whole = value.stripTrailingZeros().scale() <= 0;
        f.setMinimumFractionDigits(whole ? 0 : c.getDefaultFractionDigits());
        f.setMaximumFractionDigits(whole ? 0 : c.getDefaultFractionDigits());
        return f.format(value);
    }

    // ---- time --------------------------------------------------------------------------------------------------

    /**
     * An instant (or a zoned/offset date-time) in the viewer's zone to the minute, with the zone's short name:
     * "7 Dec 2026, 09:15 CET". A local date-time is shown as it is, without a zone.
     */
    public String dateTime(TemporalAccessor t) {
        if (t == null) {
            return NONE;
        }
        var f = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm", locale);
        return switch (t) {
            case Instant i -> f.format(i.atZone(zone)) + " " + zoneName(i);
            case ZonedDateTime z -> dateTime(z.toInstant());
            case OffsetDateTime o -> dateTime(o.toInstant());
            case LocalDateTime l -> f.format(l);
            default -> date(t);
        };
    }

    /** A date: "7 Dec 2026"; an instant's date in the viewer's zone. */
    public String date(TemporalAccessor t) {
        if (t == null) {
            return NONE;
        }
        var f = DateTimeFormatter.ofPattern("d MMM yyyy", locale);
        return t instanceof Instant i ? f.format(i.atZone(zone)) : f.format(t);
    }

    /** The viewer's zone in words for a footnote: "Central European Time (Europe/Stockholm)". */
    public String zoneName() {
        return zone.getDisplayName(TextStyle.FULL, locale) + " (" + zone.getId() + ")";
    }

    private String zoneName(Instant at) {
        boolean summer = zone.getRules().isDaylightSavings(at);
        var name = java.util.TimeZone.getTimeZone(zone).getDisplayName(summer, java.util.TimeZone.SHORT, locale);
        return name;
    }

    // ---- words -------------------------------------------------------------------------------------------------

    /**
     * An enum value or a code in words: the bundle's {@code words.CODE} (lower case, hyphens for underscores), or
     * else the code itself made readable: "NOT_APPLICABLE" → "Not applicable", "in-progress" → "In progress".
     */
    public String words(Object value) {
        if (value == null) {
            return NONE;
        }
        String code = (value instanceof Enum<?> e ? e.name() : value.toString()).strip();
        String key = code.toLowerCase(Locale.ROOT).replace('_', '-');
        return message("words." + key, readable(key));
    }

    /** A market's name: "SE" → "Sweden" ("Sverige" in Swedish); an unknown code is shown as given. */
    public String market(Object code) {
        if (code == null) {
            return NONE;
        }
        String c = code.toString().strip().toUpperCase(Locale.ROOT);
        return message("market." + c, c);
    }

    /** A product's name: "pay-in-3" → "Pay in 3" ("Delbetalning" in Swedish). */
    public String product(Object code) {
        if (code == null) {
            return NONE;
        }
        String c = code.toString().strip().toLowerCase(Locale.ROOT);
        return message("product." + c, readable(c));
    }

    private String message(String key, String otherwise) {
        return messages.getMessage(key, null, otherwise, locale);
    }

    /** "not-applicable" → "Not applicable". */
    static String readable(String code) {
        String words = code.replace('-', ' ').replace('_', ' ').strip().replaceAll("\\s+", " ");
        if (words.isEmpty()) {
            return NONE;
        }
        words = words.toLowerCase(Locale.ROOT);
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }
}
