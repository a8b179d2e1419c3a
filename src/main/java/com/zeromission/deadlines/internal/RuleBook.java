package com.zeromission.deadlines.internal;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.Year;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

import com.zeromission.deadlines.RuleSet;
import com.zeromission.deadlines.TimeLimit;

import de.focus_shift.jollyday.core.Holiday;
import de.focus_shift.jollyday.core.HolidayManager;
import de.focus_shift.jollyday.core.HolidayType;
import de.focus_shift.jollyday.core.ManagerParameters;

/**
 * The rules and calendars of every market: built-in defaults (docs/deadlines.md gives each one's source) with the
 * overrides from the settings on top. A market with no rules of its own gets the PSD2 defaults: every market the
 * product serves today is in the EEA, Great Britain or the US, and the shortest common limit is the safe guess.
 */
@Component
public class RuleBook {

    /** PSD2 Art. 101(2): 15 business days; in exceptional situations a holding reply, final reply within 35. */
    static final RuleSet PSD2 = new RuleSet("PSD2 Art. 101", new TimeLimit.BusinessDays(1), new TimeLimit.BusinessDays(15),
            new TimeLimit.BusinessDays(35));
    /** DISP 1.6.2: a final response by the end of eight weeks after receipt; no extension (the customer may go to the FOS). */
    static final RuleSet DISP = new RuleSet("DISP 1.6.2", new TimeLimit.BusinessDays(1), new TimeLimit.CalendarDays(56), null);
    /** DISP 1.6.2A: payment-service complaints (PSRs 2017), 15 business days, 35 after a holding reply. */
    static final RuleSet DISP_PAYMENTS = new RuleSet("DISP 1.6.2A", new TimeLimit.BusinessDays(1),
            new TimeLimit.BusinessDays(15), new TimeLimit.BusinessDays(35));
    /** The CFPB portal: a response within 15 days; when that response says "in progress", a final one within 60. */
    static final RuleSet CFPB = new RuleSet("CFPB", new TimeLimit.BusinessDays(1), new TimeLimit.CalendarDays(15),
            new TimeLimit.CalendarDays(60));

    /** The time zone each market's clock runs in; the US runs on the Eastern time of the CFPB. */
    static final Map<String, String> ZONES = Map.ofEntries(Map.entry("SE", "Europe/Stockholm"),
            Map.entry("NO", "Europe/Oslo"), Map.entry("DK", "Europe/Copenhagen"), Map.entry("FI", "Europe/Helsinki"),
            Map.entry("DE", "Europe/Berlin"), Map.entry("AT", "Europe/Vienna"), Map.entry("NL", "Europe/Amsterdam"),
            Map.entry("GB", "Europe/London"), Map.entry("US", "America/New_York"), Map.entry("FR", "Europe/Paris"),
            Map.entry("ES", "Europe/Madrid"), Map.entry("BE", "Europe/Brussels"), Map.entry("IT", "Europe/Rome"),
            Map.entry("PL", "Europe/Warsaw"), Map.entry("IE", "Europe/Dublin"), Map.entry("PT", "Europe/Lisbon"),
            Map.entry("CH", "Europe/Zurich"), Map.entry("CZ", "Europe/Prague"), Map.entry("GR", "Europe/Athens"));

    /**
     * Jollyday subdivisions whose holidays are the business calendar: Great Britain's national list holds only the
     * UK-wide days (no Easter Monday, no summer bank holiday), so it is England and Wales', where the FCA sits.
     */
    static final Map<String, String> REGIONS = Map.of("GB", "eng");

    /** Built-in rules by market or market/product. */
    static final Map<String, RuleSet> DEFAULTS = Map.of("GB", DISP, "GB/pay-now", DISP_PAYMENTS, "US", CFPB);

    private final DeadlinesProperties properties;
    private final Map<String, RuleSet> rules = new HashMap<>();
    private final Map<String, BusinessCalendar> calendars = new ConcurrentHashMap<>();

    public RuleBook(DeadlinesProperties properties) {
        this.properties = properties;
        rules.putAll(DEFAULTS);
        for (var e : properties.rules().entrySet()) {
            String key = normalise(e.getKey());
            var s = e.getValue();
            RuleSet base = rules.getOrDefault(key, rules.getOrDefault(key.split("/")[0], PSD2));
            try {
                rules.put(key, new RuleSet(s.rule() == null ? base.rule() : s.rule(),
                        s.acknowledgement() == null ? base.acknowledgement() : TimeLimit.parse(s.acknowledgement()),
                        s.finalReply() == null ? base.finalReply() : TimeLimit.parse(s.finalReply()),
                        s.extendedFinalReply() == null ? base.extendedFinalReply()
                                : "none".equalsIgnoreCase(s.extendedFinalReply().strip()) ? null
                                : TimeLimit.parse(s.extendedFinalReply())));
            } catch (IllegalArgumentException invalid) {
                throw new IllegalArgumentException("zeromission.deadlines.rules[" + e.getKey() + "]: " + invalid.getMessage(),
                        invalid);
            }
        }
    }

    private static String normalise(String key) {
        String[] parts = key.strip().split("/", 2);
        return parts[0].toUpperCase(Locale.ROOT) + (parts.length > 1 ? "/" + parts[1].strip().toLowerCase(Locale.ROOT) : "");
    }

    /** The rules for a complaint about {@code product} in {@code market}: the product's own, else the market's, else PSD2's. */
    public RuleSet rules(String market, String product) {
        String m = market.toUpperCase(Locale.ROOT);
        RuleSet own = product == null ? null : rules.get(m + "/" + product.toLowerCase(Locale.ROOT));
        return own != null ? own : rules.getOrDefault(m, PSD2);
    }

    public BusinessCalendar calendar(String market) {
        return calendars.computeIfAbsent(market.toUpperCase(Locale.ROOT), this::build);
    }

    public int dueSoonBusinessDays() {
        return properties.dueSoonBusinessDays();
    }

    public java.time.Duration caseWindow() {
        return properties.caseWindow();
    }

    private BusinessCalendar build(String market) {
        var settings = properties.rules().entrySet().stream().filter(e -> normalise(e.getKey()).equals(market))
                .map(Map.Entry::getValue).findFirst().orElse(null);
        String zone = settings != null && settings.zone() != null ? settings.zone() : ZONES.getOrDefault(market, "UTC");
        String region = settings != null && settings.region() != null ? settings.region() : REGIONS.get(market);
        HolidayManager holidays;
        try {
            holidays = HolidayManager.getInstance(ManagerParameters.create(market));
        } catch (RuntimeException unknown) {
            // Jollyday has no calendar for this country: weekends only, said once in the log.
            org.slf4j.LoggerFactory.getLogger(RuleBook.class).warn(
                    "No holiday calendar for market {}; its business days are Monday to Friday", market);
            return new BusinessCalendar(market, ZoneId.of(zone), properties.cutoff(), y -> Set.of());
        }
        String[] subdivision = region == null ? new String[0] : new String[] {region};
        LocalTime cutoff = properties.cutoff();
        // Only public holidays: observances (Good Friday in the Netherlands, Christmas Eve in Austria) are working days.
        return new BusinessCalendar(market, ZoneId.of(zone), cutoff, year -> holidays
                .getHolidays(Year.of(year), HolidayType.PUBLIC_HOLIDAY, subdivision).stream().map(Holiday::getDate)
                .collect(Collectors.toSet()));
    }

    /** The deadlines of one complaint received at {@code receivedAt}, under the rules in force now. */
    public Deadlines deadlines(String market, String product, java.time.Instant receivedAt) {
        RuleSet rule = rules(market, product);
        BusinessCalendar calendar = calendar(market);
        LocalDate countedFrom = calendar.countedFrom(receivedAt);
        LocalDate receivedOn = calendar.localDate(receivedAt);
        return new Deadlines(rule.rule(), countedFrom, due(calendar, rule.acknowledgement(), receivedOn, countedFrom),
                due(calendar, rule.finalReply(), receivedOn, countedFrom),
                rule.extendedFinalReply() == null ? null : due(calendar, rule.extendedFinalReply(), receivedOn, countedFrom));
    }

    /**
     * Business days count from the day the complaint counts as received (that day itself not counted); calendar
     * days from the local day it actually arrived ("eight weeks after its receipt").
     */
    private static LocalDate due(BusinessCalendar calendar, TimeLimit limit, LocalDate receivedOn, LocalDate countedFrom) {
        return switch (limit) {
            case TimeLimit.BusinessDays b -> calendar.plusBusinessDays(countedFrom, b.days());
            case TimeLimit.CalendarDays c -> receivedOn.plusDays(c.days());
        };
    }

    /** A complaint's deadlines; {@code extensionDue} is null where the rules allow no holding reply. */
    public record Deadlines(String rule, LocalDate countedFrom, LocalDate acknowledgementDue, LocalDate finalReplyDue,
            LocalDate extensionDue) {
    }
}
