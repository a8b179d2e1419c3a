package com.zeromission.demo.internal;

import java.io.IOException;
import java.io.Writer;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.zeromission.demo.DailyPurchases;
import com.zeromission.demo.DemoProblem;
import com.zeromission.demo.DemoSignal;
import com.zeromission.demo.PlantedPii;
import com.zeromission.intake.RawSignal;

import de.siegmar.fastcsv.writer.CsvWriter;

/** The CSV writers behind {@link com.zeromission.demo.DemoExport}. */
public final class CsvExports {

    /** The product's own format, in its documented column order (docs/csv-format.md). */
    public static final List<String> OWN_COLUMNS = List.of("source", "source_id", "channel", "market", "product",
            "journey_stage", "received_at", "language", "text", "order_reference", "evidence_urls", "customer_id");

    /** The header of the public CFPB consumer complaint export, column for column. */
    public static final List<String> CFPB_COLUMNS = List.of("Date received", "Product", "Sub-product", "Issue",
            "Sub-issue", "Consumer complaint narrative", "Company public response", "Company", "State", "ZIP code", "Tags",
            "Consumer consent provided?", "Submitted via", "Date sent to company", "Company response to consumer",
            "Timely response?", "Consumer disputed?", "Complaint ID");

    public static final List<String> PURCHASE_COLUMNS = List.of("day", "market", "product", "purchases");

    /** A made-up company: the demo must not put complaints in a real company's name. */
    static final String CFPB_COMPANY = "ZEROMISSION PAYMENTS, INC.";

    private CsvExports() {
    }

    public static long writeOwn(Stream<DemoSignal> signals, Writer out) throws IOException {
        CsvWriter csv = CsvWriter.builder().build(out);
        csv.writeRecord(OWN_COLUMNS);
        long rows = 0;
        for (Iterator<DemoSignal> it = signals.iterator(); it.hasNext();) {
            RawSignal s = it.next().raw();
            csv.writeRecord(s.source(), s.sourceId(), s.channel(), s.market(), s.product(), nz(s.journeyStage()),
                    s.receivedAt(), nz(s.language()), s.text(), nz(s.orderReference()), String.join(" ", s.evidence()),
                    nz(s.customerId()));
            rows++;
        }
        csv.flush();
        return rows;
    }

    public static long writePurchases(Stream<DailyPurchases> purchases, Writer out) throws IOException {
        CsvWriter csv = CsvWriter.builder().build(out);
        csv.writeRecord(PURCHASE_COLUMNS);
        long rows = 0;
        for (Iterator<DailyPurchases> it = purchases.iterator(); it.hasNext();) {
            DailyPurchases p = it.next();
            csv.writeRecord(p.day().toString(), p.market(), p.product(), Long.toString(p.purchases()));
            rows++;
        }
        csv.flush();
        return rows;
    }

    /**
     * The US complaints as rows of the CFPB export. As in the real export, only some rows carry the consumer's
     * narrative (those who consented to publish it), and narratives are redacted: personal data, names of companies,
     * dates and order numbers become XXXX, amounts are wrapped in braces.
     */
    public static long writeCfpb(Stream<DemoSignal> signals, long seed, Writer out) throws IOException {
        CsvWriter csv = CsvWriter.builder().build(out);
        csv.writeRecord(CFPB_COLUMNS);
        long rows = 0;
        for (Iterator<DemoSignal> it = signals.iterator(); it.hasNext();) {
            DemoSignal s = it.next();
            if (!s.raw().market().equals("US") || !s.countsAsComplaint()) {
                continue;
            }
            csv.writeRecord(cfpbRow(s, seed));
            rows++;
        }
        csv.flush();
        return rows;
    }

    private static final DateTimeFormatter US_DATE = DateTimeFormatter.ofPattern("MM/dd/yyyy", Locale.ROOT);

    static List<String> cfpbRow(DemoSignal s, long seed) {
        RawSignal raw = s.raw();
        long complaintId = complaintId(raw.sourceId());
        SplittableRandom r = Seeds.random(seed, 3, complaintId);
        LocalDate received = OffsetDateTime.parse(raw.receivedAt()).toLocalDate();
        String[] product = cfpbProduct(raw.product());
        String[] issue = cfpbIssue(s.problem(), raw.product(), r);
        boolean narrative = r.nextInt(100) < 45;
        String state = STATES[r.nextInt(STATES.length)];
        var row = new ArrayList<String>(CFPB_COLUMNS.size());
        row.add(received.format(US_DATE));
        row.add(product[0]);
        row.add(product[1]);
        row.add(issue[0]);
        row.add(issue[1]);
        row.add(narrative ? narrative(s, received.getYear()) : "");
        row.add(r.nextInt(10) < 6 ? "Company has responded to the consumer and the CFPB and chooses not to provide a public response" : "");
        row.add(CFPB_COMPANY);
        row.add(state.substring(0, 2));
        row.add(zip(state));
        row.add(pick(r, new String[] {"", "", "", "", "", "", "", "", "", "", "", "", "", "", "", "", "", "Older American",
                "Older American", "Servicemember"}));
        row.add(narrative ? "Consent provided"
                : pick(r, new String[] {"Consent not provided", "Consent not provided", "N/A", "N/A", "Other", "Consent withdrawn"}));
        row.add(raw.channel().equals("regulator-complaint") ? "Referral"
                : pick(r, new String[] {"Web", "Web", "Web", "Web", "Web", "Web", "Web", "Phone", "Postal mail", "Email"}));
        row.add(received.plusDays(r.nextInt(3)).format(US_DATE));
        int response = r.nextInt(100);
        row.add(response < 70 ? "Closed with explanation"
                : response < 83 ? "Closed with non-monetary relief"
                : response < 97 ? "Closed with monetary relief" : "Untimely response");
        row.add(response < 97 && r.nextInt(50) > 0 ? "Yes" : "No");
        row.add("N/A");
        row.add(Long.toString(complaintId));
        return row;
    }

    /** Stable and unique: days since 2022-01-08 times a million plus the signal's number within its day. */
    static long complaintId(String sourceId) {
        LocalDate day = LocalDate.parse(sourceId.substring(0, 8), DateTimeFormatter.BASIC_ISO_DATE);
        long index = Long.parseLong(sourceId.substring(9));
        return (day.toEpochDay() - 19_000) * 1_000_000L + index;
    }

    private static String[] cfpbProduct(String product) {
        return switch (product) {
            case "pay-later", "pay-in-3" -> new String[] {"Payday loan, title loan, personal loan, or advance loan", "Installment loan"};
            case "financing" -> new String[] {"Payday loan, title loan, personal loan, or advance loan", "Personal line of credit"};
            case "card" -> new String[] {"Credit card", "General-purpose credit card or charge card"};
            default -> new String[] {"Money transfer, virtual currency, or money service", "Mobile or digital wallet"};
        };
    }

    private static String[] cfpbIssue(DemoProblem problem, String product, SplittableRandom r) {
        boolean card = product.equals("card");
        return switch (problem) {
            case INVOICE_REMINDER_FEE -> card ? new String[] {"Fees or interest", "Problem with fees"}
                    : new String[] {"Charged fees or interest you didn't expect", ""};
            case PRODUCT_NAME_CONFUSION -> new String[] {"Confusing or missing disclosures", ""};
            case REFUND_FRICTION -> card
                    ? new String[] {"Problem with a purchase shown on your statement", "Credit card company isn't resolving a dispute about a purchase on your statement"}
                    : new String[] {"Refund or dispute not resolved", ""};
            case CREDIT_DECLINE_UNCLEAR -> card ? new String[] {"Getting a credit card", "Application denied"}
                    : new String[] {"Getting a line of credit", "Denied credit"};
            case MISSED_PAYMENT -> r.nextInt(10) < 3 ? new String[] {"Attempts to collect debt not owed", "Debt was paid"}
                    : new String[] {"Problem when making payments", ""};
            case DELIVERY_RETURNS -> card
                    ? new String[] {"Problem with a purchase shown on your statement", "Credit card company isn't resolving a dispute about a purchase on your statement"}
                    : new String[] {"Problem with a purchase or transfer", "Merchandise or service not delivered"};
            case CUSTOMER_SERVICE_REACH -> new String[] {"Problem with customer service", ""};
            case MISC, POSITIVE -> new String[] {"Managing an account", "Updating your account information"};
        };
    }

    // case-insensitive: chat-style messages are all lower case, angry ones shout in capitals
    private static final Pattern ORDER = Pattern.compile("ORD-[A-Z0-9]{4}-[A-Z0-9]{4}", Pattern.CASE_INSENSITIVE);
    private static final Pattern MONTH_DATE = Pattern.compile(
            "\\b(January|February|March|April|May|June|July|August|September|October|November|December) \\d{1,2}\\b");
    private static final Pattern NUMERIC_DATE = Pattern.compile("\\b\\d{1,2}/\\d{1,2}\\b");
    private static final Pattern DOLLARS = Pattern.compile("\\$(\\d[\\d,]*)(\\.\\d{2})?|(\\d[\\d,]*) dollars");

    /** The consumer's words as the CFPB publishes them. */
    static String narrative(DemoSignal s, int year) {
        String text = stripRegulatorFrame(s.raw().text());
        for (PlantedPii pii : s.pii()) {
            text = text.replace(pii.value(), "XXXX");
        }
        text = MERCHANTS.matcher(text).replaceAll("XXXX");
        text = ORDER.matcher(text).replaceAll("XXXX");
        text = MONTH_DATE.matcher(text).replaceAll("XX/XX/" + year);
        text = NUMERIC_DATE.matcher(text).replaceAll("XX/XX/" + year);
        Matcher m = DOLLARS.matcher(text);
        var b = new StringBuilder();
        while (m.find()) {
            String whole = m.group(1) != null ? m.group(1) : m.group(3);
            String cents = m.group(2) != null ? m.group(2) : ".00";
            m.appendReplacement(b, Matcher.quoteReplacement("{$" + whole + cents + "}"));
        }
        m.appendTail(b);
        return b.toString();
    }

    /** Company names are redacted in the public export; the US merchants and the global ones can appear there. */
    private static final Pattern MERCHANTS = Pattern.compile(Stream
            .concat(Catalog.market("US").merchants().stream(), Catalog.GLOBAL_MERCHANTS.stream())
            .map(Pattern::quote).collect(java.util.stream.Collectors.joining("|")), Pattern.CASE_INSENSITIVE);

    /** The CFPB export holds what the consumer wrote, not the forwarding note around it. */
    static String stripRegulatorFrame(String text) {
        for (Phrasebook.Line line : Phrasebook.of("en").lines("frame.regulator")) {
            String prefix = line.template().substring(0, line.template().indexOf("{body}"));
            if (!prefix.isEmpty() && text.startsWith(prefix)) {
                return text.substring(prefix.length());
            }
        }
        return text;
    }

    /** Two-letter state and the first digits of its ZIP codes; repeated by rough population. */
    private static final String[] STATES = {"CA900", "CA913", "CA945", "CA921", "TX750", "TX770", "TX787", "FL320",
            "FL331", "FL336", "NY100", "NY112", "NY146", "GA300", "IL606", "PA191", "PA152", "OH441", "NC275", "NJ070",
            "WA981", "AZ850", "MI482", "VA223", "MA021", "MD212", "TN372", "CO802", "MN554", "NV891"};

    private static String zip(String state) {
        // the public export masks ZIP codes to their first three digits
        return state.substring(2) + "XX";
    }

    private static String pick(SplittableRandom r, String[] options) {
        return options[r.nextInt(options.length)];
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

}
