package com.zeromission.intake.internal.csv;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.zeromission.intake.ImportFormat;
import com.zeromission.intake.JourneyStage;
import com.zeromission.intake.RawSignal;
import com.zeromission.intake.UnreadableImportException;
import com.zeromission.intake.UnreadableImportException.Reason;

/**
 * A recognised header: which format it is and where each column sits. Turns a CSV row into a {@link RawSignal},
 * and maps the product's field names back to the file's column names for error reports.
 */
public final class CsvLayout {

    /** Columns of the product's own format, in their documented order. */
    public static final List<String> OWN_COLUMNS = List.of("source", "source_id", "channel", "market", "product",
            "journey_stage", "received_at", "language", "text", "order_reference", "evidence_urls", "customer_id");
    private static final Set<String> OWN_REQUIRED = Set.of("source_id", "channel", "market", "product", "received_at", "text");

    static final String CFPB_DATE = "Date received", CFPB_PRODUCT = "Product", CFPB_ISSUE = "Issue",
            CFPB_SUB_ISSUE = "Sub-issue", CFPB_NARRATIVE = "Consumer complaint narrative", CFPB_ID = "Complaint ID";
    private static final Set<String> CFPB_REQUIRED = Set.of(CFPB_DATE, CFPB_PRODUCT, CFPB_ISSUE, CFPB_ID);
    private static final DateTimeFormatter US_DATE = DateTimeFormatter.ofPattern("MM/dd/yyyy", Locale.ROOT);

    private final ImportFormat format;
    private final Map<String, Integer> index;
    private final int width;
    private final String defaultSource;

    private CsvLayout(ImportFormat format, Map<String, Integer> index, int width, String defaultSource) {
        this.format = format;
        this.index = index;
        this.width = width;
        this.defaultSource = defaultSource;
    }

    /** Recognises the header, or explains exactly what is missing. */
    public static CsvLayout of(List<String> header, String defaultSource) {
        var index = new HashMap<String, Integer>();
        for (int i = 0; i < header.size(); i++) {
            String name = header.get(i).strip();
            if (i == 0 && name.startsWith("\uFEFF")) {
                name = name.substring(1);
            }
            if (index.putIfAbsent(name, i) != null) {
                throw new UnreadableImportException(Reason.HEADER, "column '" + name + "' appears twice in the header");
            }
        }
        if (index.containsKey(CFPB_ID) && index.containsKey(CFPB_DATE)) {
            var missing = CFPB_REQUIRED.stream().filter(c -> !index.containsKey(c)).sorted().toList();
            if (!missing.isEmpty()) {
                throw new UnreadableImportException(Reason.HEADER, "CFPB export is missing column(s) " + missing);
            }
            return new CsvLayout(ImportFormat.CFPB, index, header.size(), "cfpb");
        }
        var lower = new HashMap<String, Integer>();
        index.forEach((k, v) -> lower.put(k.toLowerCase(Locale.ROOT), v));
        if (lower.containsKey("source_id") || lower.containsKey("text")) {
            var missing = new ArrayList<String>();
            OWN_REQUIRED.stream().filter(c -> !lower.containsKey(c)).sorted().forEach(missing::add);
            if (!lower.containsKey("source") && (defaultSource == null || defaultSource.isBlank())) {
                missing.addFirst("source (or give a default source for the whole file)");
            }
            if (!missing.isEmpty()) {
                throw new UnreadableImportException(Reason.HEADER, "header is missing required column(s) " + missing
                        + "; expected columns: " + String.join(",", OWN_COLUMNS));
            }
            var unknown = lower.keySet().stream().filter(c -> !OWN_COLUMNS.contains(c)).sorted().toList();
            if (!unknown.isEmpty()) {
                throw new UnreadableImportException(Reason.HEADER, "unknown column(s) " + unknown
                        + "; expected columns: " + String.join(",", OWN_COLUMNS));
            }
            return new CsvLayout(ImportFormat.ZEROMISSION, lower, header.size(), defaultSource);
        }
        throw new UnreadableImportException(Reason.HEADER, "header not recognised: expected the zeromission format ("
                + String.join(",", OWN_COLUMNS) + ") or a CFPB complaint export (with \"" + CFPB_DATE + "\" and \""
                + CFPB_ID + "\")");
    }

    public ImportFormat format() {
        return format;
    }

    public int width() {
        return width;
    }

    /** The file's column name for a field of {@link RawSignal}, for error reports. */
    public String columnFor(String field) {
        String base = field.replaceAll("\\[\\d+]$", "");
        if (format == ImportFormat.CFPB) {
            return switch (base) {
                case "sourceId" -> CFPB_ID;
                case "receivedAt" -> CFPB_DATE;
                case "product" -> CFPB_PRODUCT;
                case "text" -> CFPB_NARRATIVE;
                default -> base;
            };
        }
        return switch (base) {
            case "sourceId" -> "source_id";
            case "journeyStage" -> "journey_stage";
            case "receivedAt" -> "received_at";
            case "orderReference" -> "order_reference";
            case "evidence" -> "evidence_urls";
            case "customerId" -> "customer_id";
            default -> base;
        };
    }

    public RawSignal toRawSignal(List<String> fields) {
        return format == ImportFormat.CFPB ? cfpb(fields) : own(fields);
    }

    private RawSignal own(List<String> f) {
        String source = get(f, "source");
        if (source == null || source.isBlank()) {
            source = defaultSource;
        }
        String evidence = get(f, "evidence_urls");
        List<String> links = evidence == null || evidence.isBlank() ? List.of() : List.of(evidence.strip().split("\\s+"));
        return new RawSignal(source, get(f, "source_id"), get(f, "channel"), get(f, "market"), get(f, "product"),
                get(f, "journey_stage"), get(f, "received_at"), get(f, "language"), get(f, "text"),
                get(f, "order_reference"), links, get(f, "customer_id"));
    }

    /**
     * A CFPB row is a complaint forwarded by a regulator, in the US, in English. Rows without a narrative (the
     * consumer did not consent to publish it) still count as complaints, so their issue stands in for the text.
     */
    private RawSignal cfpb(List<String> f) {
        String narrative = get(f, CFPB_NARRATIVE);
        String issue = get(f, CFPB_ISSUE);
        String subIssue = get(f, CFPB_SUB_ISSUE);
        String text = narrative;
        if (text == null || text.isBlank()) {
            text = issue == null || issue.isBlank() ? null
                    : "Issue: " + issue.strip() + (subIssue == null || subIssue.isBlank() ? "" : ". Sub-issue: " + subIssue.strip());
        }
        return new RawSignal(defaultSource, get(f, CFPB_ID), "regulator-complaint", "US", get(f, CFPB_PRODUCT),
                journeyStage(issue).code(), isoDate(get(f, CFPB_DATE)), "en", text, null, List.of(), null);
    }

    /** The CFPB export writes dates as MM/DD/YYYY (older downloads) or YYYY-MM-DD (newer ones). */
    private static String isoDate(String value) {
        if (value == null || value.isBlank() || value.length() != 10 || value.charAt(2) != '/') {
            return value;
        }
        try {
            return LocalDate.parse(value, US_DATE).toString();
        } catch (DateTimeParseException e) {
            return value;
        }
    }

    /** A coarse map from CFPB issue wording to the journey stage where it happened. */
    static JourneyStage journeyStage(String issue) {
        if (issue == null) {
            return JourneyStage.UNKNOWN;
        }
        String i = issue.toLowerCase(Locale.ROOT);
        if (i.contains("collect") || i.contains("debt")) {
            return JourneyStage.DEBT_COLLECTION;
        }
        if (i.contains("refund") || i.contains("dispute")) {
            return JourneyStage.REFUND;
        }
        if (i.contains("credit report") || i.contains("application") || i.contains("getting a loan")
                || i.contains("getting a line of credit") || i.contains("getting a credit card")) {
            return JourneyStage.CREDIT_DECISION;
        }
        if (i.contains("fee") || i.contains("interest") || i.contains("statement") || i.contains("billing")) {
            return JourneyStage.INVOICE;
        }
        if (i.contains("payment") || i.contains("purchase") || i.contains("charge") || i.contains("transaction")) {
            return JourneyStage.PAYMENT;
        }
        if (i.contains("customer service") || i.contains("communication") || i.contains("contact")) {
            return JourneyStage.CUSTOMER_SERVICE;
        }
        if (i.contains("mobile") || i.contains("online") || i.contains("website") || i.contains("app")) {
            return JourneyStage.APP;
        }
        if (i.contains("account") || i.contains("closing") || i.contains("opening")) {
            return JourneyStage.ACCOUNT;
        }
        return JourneyStage.OTHER;
    }

    private String get(List<String> fields, String column) {
        Integer i = index.get(column);
        return i == null || i >= fields.size() ? null : fields.get(i);
    }
}
