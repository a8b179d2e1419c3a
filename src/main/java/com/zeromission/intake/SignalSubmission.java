package com.zeromission.intake;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import com.zeromission.markets.Market;
import com.zeromission.markets.Product;
import com.zeromission.privacy.TextMasker;

/**
 * A checked signal, ready for intake. It still holds the raw text and customer id: it lives only in memory,
 * on its way to the masker, and its {@link #toString()} never prints either.
 */
public record SignalSubmission(
        String source,
        String sourceId,
        Channel channel,
        Market market,
        String product,
        JourneyStage journeyStage,
        Instant receivedAt,
        String language,
        String text,
        String orderReference,
        List<URI> evidence,
        String customerId,
        @Nullable UUID replayId) {

    public static final int MAX_TEXT_CHARS = 10_000;
    public static final int MAX_EVIDENCE_LINKS = 10;
    public static final int MAX_URL_CHARS = 2_048;
    public static final int MAX_SOURCE_ID_CHARS = 128;
    public static final int MAX_CUSTOMER_ID_CHARS = 256;
    /** Signals are accepted up to this far in the future, to tolerate clock skew between systems. */
    public static final Duration MAX_CLOCK_SKEW = Duration.ofMinutes(5);
    public static final Instant EARLIEST = Instant.parse("2000-01-01T00:00:00Z");

    private static final Pattern SOURCE = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");
    /** The shared product vocabulary (purchases, targets and alerts use the same). */
    private static final Pattern PRODUCT = Product.SLUG;
    private static final Pattern ORDER_REFERENCE = Pattern.compile("[A-Za-z0-9._/#-]{1,64}");
    private static final Set<String> ISO_LANGUAGES = Set.of(Locale.getISOLanguages());

    public SignalSubmission {
        requireMatch("source", source, SOURCE);
        if (sourceId == null || sourceId.isBlank() || sourceId.length() > MAX_SOURCE_ID_CHARS || hasControl(sourceId)) {
            throw new IllegalArgumentException("sourceId must be 1-" + MAX_SOURCE_ID_CHARS + " printable characters");
        }
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(market, "market");
        requireMatch("product", product, PRODUCT);
        journeyStage = journeyStage == null ? JourneyStage.UNKNOWN : journeyStage;
        Objects.requireNonNull(receivedAt, "receivedAt");
        if (language != null && !ISO_LANGUAGES.contains(language)) {
            throw new IllegalArgumentException("language must be an ISO 639-1 code, was '" + language + "'");
        }
        if (text == null || text.isBlank() || text.length() > MAX_TEXT_CHARS || text.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("text must be 1-" + MAX_TEXT_CHARS + " characters without NUL");
        }
        if (orderReference != null) {
            requireMatch("orderReference", orderReference, ORDER_REFERENCE);
        }
        evidence = List.copyOf(evidence == null ? List.of() : evidence);
        if (evidence.size() > MAX_EVIDENCE_LINKS) {
            throw new IllegalArgumentException("at most " + MAX_EVIDENCE_LINKS + " evidence links, was " + evidence.size());
        }
        if (customerId != null && (customerId.isBlank() || customerId.length() > MAX_CUSTOMER_ID_CHARS)) {
            throw new IllegalArgumentException("customerId must be 1-" + MAX_CUSTOMER_ID_CHARS + " characters");
        }
    }

    /** A submission without a session replay. */
    public SignalSubmission(String source, String sourceId, Channel channel, Market market, String product,
            JourneyStage journeyStage, Instant receivedAt, String language, String text, String orderReference,
            List<URI> evidence, String customerId) {
        this(source, sourceId, channel, market, product, journeyStage, receivedAt, language, text, orderReference,
                evidence, customerId, null);
    }

    /**
     * Checks every field of a raw signal and reports all problems at once.
     *
     * @throws InvalidSignalException naming each broken field, the (safe to show) value and the reason
     */
    public static SignalSubmission parse(RawSignal raw, Clock clock) {
        if (raw == null) { // a JSON null where a signal belongs, e.g. an item of a batch: a refusal, not a 500
            throw new InvalidSignalException(List.of(new FieldViolation("$", null,
                    "is null; expected an object with the signal's fields")));
        }
        var v = new ArrayList<FieldViolation>();

        String source = trimToNull(raw.source());
        if (source == null) {
            v.add(new FieldViolation("source", null, "is required (the name of the system the signal comes from, e.g. zendesk)"));
        } else {
            source = source.toLowerCase(Locale.ROOT);
            if (!SOURCE.matcher(source).matches()) {
                v.add(new FieldViolation("source", shorten(raw.source()), "must be 1-64 of a-z, 0-9, '.', '_' or '-', starting with a letter or digit"));
            }
        }

        String sourceId = trimToNull(raw.sourceId());
        if (sourceId == null) {
            v.add(new FieldViolation("sourceId", null, "is required (the source system's own id, used to make retries safe)"));
        } else if (sourceId.length() > MAX_SOURCE_ID_CHARS) {
            v.add(new FieldViolation("sourceId", null, "is " + sourceId.length() + " characters; at most " + MAX_SOURCE_ID_CHARS + " allowed"));
        } else if (hasControl(sourceId)) {
            v.add(new FieldViolation("sourceId", null, "contains control characters"));
        } else if (looksPersonal(sourceId) != null) {
            v.add(new FieldViolation("sourceId", null, "looks like personal data (" + looksPersonal(sourceId)
                    + "); use the source system's opaque id, never an e-mail address or phone number"));
        }

        Channel channel = null;
        try {
            channel = Channel.parse(raw.channel());
        } catch (IllegalArgumentException e) {
            v.add(new FieldViolation("channel", shorten(raw.channel()), e.getMessage()));
        }

        Market market = null;
        try {
            market = Market.of(raw.market());
        } catch (IllegalArgumentException e) {
            v.add(new FieldViolation("market", shorten(raw.market()), e.getMessage()));
        }

        String product = trimToNull(raw.product());
        if (product == null) {
            v.add(new FieldViolation("product", null, "is required (e.g. pay-later, pay-in-3, financing, card)"));
        } else {
            product = slug(product);
            if (!PRODUCT.matcher(product).matches()) {
                v.add(new FieldViolation("product", shorten(raw.product()), "must be 1-64 letters, digits or '-' once normalised"));
            } else if (looksPersonal(raw.product()) != null) {
                v.add(new FieldViolation("product", null, "looks like personal data (" + looksPersonal(raw.product())
                        + "); a product is a name such as pay-later"));
            }
        }

        JourneyStage stage = null;
        try {
            stage = JourneyStage.parse(raw.journeyStage());
        } catch (IllegalArgumentException e) {
            v.add(new FieldViolation("journeyStage", shorten(raw.journeyStage()), e.getMessage()));
        }

        Instant receivedAt = null;
        String receivedRaw = trimToNull(raw.receivedAt());
        if (receivedRaw == null) {
            v.add(new FieldViolation("receivedAt", null, "is required (ISO-8601, e.g. 2026-01-07T09:30:00Z or 2026-01-07)"));
        } else {
            receivedAt = parseInstant(receivedRaw);
            if (receivedAt == null) {
                v.add(new FieldViolation("receivedAt", shorten(receivedRaw), "is not an ISO-8601 date-time with offset (2026-01-07T09:30:00Z) or date (2026-01-07)"));
            } else if (receivedAt.isAfter(clock.instant().plus(MAX_CLOCK_SKEW))) {
                v.add(new FieldViolation("receivedAt", receivedRaw, "lies in the future (now is " + clock.instant() + ")"));
                receivedAt = null;
            } else if (receivedAt.isBefore(EARLIEST)) {
                v.add(new FieldViolation("receivedAt", receivedRaw, "is before " + EARLIEST));
                receivedAt = null;
            }
        }

        String language = trimToNull(raw.language());
        if (language != null) {
            language = language.toLowerCase(Locale.ROOT);
            if (!ISO_LANGUAGES.contains(language)) {
                v.add(new FieldViolation("language", shorten(raw.language()), "is not an ISO 639-1 language code (e.g. sv, en, nl, de)"));
            }
        }

        String text = raw.text() == null ? null : raw.text().replace("\r\n", "\n").strip();
        if (text == null || text.isEmpty()) {
            v.add(new FieldViolation("text", null, "is required and must not be blank"));
        } else if (text.length() > MAX_TEXT_CHARS) {
            v.add(new FieldViolation("text", null, "is " + text.length() + " characters; at most " + MAX_TEXT_CHARS + " allowed"));
        } else if (text.indexOf('\0') >= 0) {
            v.add(new FieldViolation("text", null, "contains a NUL character at position " + text.indexOf('\0')));
        }

        String orderReference = trimToNull(raw.orderReference());
        if (orderReference != null && !ORDER_REFERENCE.matcher(orderReference).matches()) {
            v.add(new FieldViolation("orderReference", null, "must be 1-64 of A-Z, a-z, 0-9, '.', '_', '/', '#' or '-'"));
        }

        var evidence = new ArrayList<URI>();
        List<String> links = raw.evidence();
        if (links.size() > MAX_EVIDENCE_LINKS) {
            v.add(new FieldViolation("evidence", null, "has " + links.size() + " links; at most " + MAX_EVIDENCE_LINKS + " allowed"));
        } else {
            for (int i = 0; i < links.size(); i++) {
                String field = "evidence[" + i + "]";
                String link = trimToNull(links.get(i));
                if (link == null) {
                    v.add(new FieldViolation(field, null, "is blank"));
                } else if (link.length() > MAX_URL_CHARS) {
                    v.add(new FieldViolation(field, null, "is " + link.length() + " characters; at most " + MAX_URL_CHARS + " allowed"));
                } else {
                    try {
                        URI uri = new URI(link);
                        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
                        if (!(scheme.equals("https") || scheme.equals("http")) || uri.getHost() == null) {
                            v.add(new FieldViolation(field, null, "must be an absolute http(s) URL"));
                        } else {
                            evidence.add(uri);
                        }
                    } catch (URISyntaxException e) {
                        v.add(new FieldViolation(field, null, "is not a valid URL: " + e.getReason()));
                    }
                }
            }
        }

        String customerId = trimToNull(raw.customerId());
        if (customerId != null && customerId.length() > MAX_CUSTOMER_ID_CHARS) {
            v.add(new FieldViolation("customerId", null, "is " + customerId.length() + " characters; at most " + MAX_CUSTOMER_ID_CHARS + " allowed"));
        }

        UUID replayId = null;
        String replayRaw = trimToNull(raw.replayId());
        if (replayRaw != null) {
            replayId = replayId(replayRaw);
            if (replayId == null) {
                v.add(new FieldViolation("replayId", shorten(replayRaw), "is not a UUID (the session id the replay "
                        + "recorder gave, e.g. 0190a6f2-1c2d-7e3f-8a4b-5c6d7e8f9a0b)"));
            }
        }

        if (!v.isEmpty()) {
            throw new InvalidSignalException(v);
        }
        return new SignalSubmission(source, sourceId, channel, market, product, stage, receivedAt, language, text,
                orderReference, evidence, customerId, replayId);
    }

    /** Lower case, spaces and underscores to hyphens: "Pay Later" and "pay_later" are the product pay-later. */
    public static String slug(String product) {
        return Product.slug(product);
    }

    private static @Nullable Instant parseInstant(@Nullable String value) {
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException ignored) {
            // fall through: a plain date is the start of that day in UTC
        }
        try {
            return LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant();
        } catch (DateTimeParseException ignored) {
            return null;
        }
    }

    /**
     * A replay id in its canonical form (36 characters, hex and hyphens), or null. {@link UUID#fromString} alone also
     * takes shortened groups ("1-2-3-4-5"), which no recorder sends.
     */
    public static @Nullable UUID replayId(String text) {
        if (text.length() != 36 || !text.matches("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")) {
            return null;
        }
        return UUID.fromString(text);
    }

    private static void requireMatch(String field, String value, Pattern pattern) {
        if (value == null || !pattern.matcher(value).matches()) {
            throw new IllegalArgumentException(field + " '" + value + "' does not match " + pattern.pattern());
        }
    }

    private static boolean hasControl(String s) {
        return s.chars().anyMatch(Character::isISOControl);
    }

    /**
     * Identifying fields are stored and shown as they are, unmasked, so personal data must not get into them at
     * all. Returns the kind found, or null.
     */
    private static String looksPersonal(String value) {
        var counts = TextMasker.standard().mask(value).counts();
        return counts.isEmpty() ? null : counts.keySet().iterator().next().name();
    }

    private static @Nullable String trimToNull(@Nullable String s) {
        if (s == null) {
            return null;
        }
        String t = s.strip();
        return t.isEmpty() ? null : t;
    }

    /** Values echoed in errors are cut short: an error message is not a place to reflect a whole payload. */
    private static @Nullable String shorten(@Nullable String s) {
        if (s == null) {
            return null;
        }
        return s.length() <= 40 ? s : s.substring(0, 40) + "…";
    }

    @Override
    public String toString() {
        return "SignalSubmission[source=" + source + ", sourceId=" + sourceId + ", channel=" + channel.code()
                + ", market=" + market + ", product=" + product + ", receivedAt=" + receivedAt + ", text=<"
                + text.length() + " chars>, customerId=" + (customerId == null ? "none" : "<present>") + "]";
    }
}
