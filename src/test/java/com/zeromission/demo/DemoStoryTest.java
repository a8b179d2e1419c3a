package com.zeromission.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.zeromission.demo.internal.Milestone;
import com.zeromission.demo.internal.Season;

/**
 * The demo tells the program's story in its numbers: complaints per million fall 40 → 33 → 28 because specific
 * problems are fixed, with the seasonality a payments company really sees. One generation of the default demo
 * (three years, scale 1) is aggregated once and checked from many angles.
 */
class DemoStoryTest {

    static final LocalDate FROM = LocalDate.of(2024, 1, 1);
    static final LocalDate TO = LocalDate.of(2026, 11, 22);

    /** complaints per (problem, day) */
    static final Map<DemoProblem, Map<LocalDate, Integer>> complaintsByDay = new EnumMap<>(DemoProblem.class);
    static final Map<LocalDate, Long> purchasesByDay = new TreeMap<>();
    static final Map<Integer, Long> complaintsByYear = new TreeMap<>(), purchasesByYear = new TreeMap<>();
    static final Map<String, Long> complaintsByMarket = new HashMap<>(), purchasesByMarket = new HashMap<>();
    static final Map<DayOfWeek, Long> complaintsByWeekday = new EnumMap<>(DayOfWeek.class);
    static final Map<DemoProblem, Map<Integer, Integer>> signalsByProblemYear = new EnumMap<>(DemoProblem.class);
    static long signals, complaints, feedback;

    @BeforeAll
    static void generate() {
        var generator = new DemoDataGenerator(new DemoSettings(DemoSettings.DEFAULT_SEED, FROM, TO, 1.0));
        generator.signals().forEach(s -> {
            LocalDate day = OffsetDateTime.parse(s.raw().receivedAt()).toLocalDate();
            signals++;
            signalsByProblemYear.computeIfAbsent(s.problem(), p -> new HashMap<>()).merge(day.getYear(), 1, Integer::sum);
            if (s.countsAsComplaint()) {
                complaints++;
                complaintsByDay.computeIfAbsent(s.problem(), p -> new HashMap<>()).merge(day, 1, Integer::sum);
                complaintsByYear.merge(day.getYear(), 1L, Long::sum);
                complaintsByMarket.merge(s.raw().market(), 1L, Long::sum);
                complaintsByWeekday.merge(day.getDayOfWeek(), 1L, Long::sum);
            } else {
                feedback++;
            }
        });
        generator.purchases().forEach(p -> {
            purchasesByDay.merge(p.day(), p.purchases(), Long::sum);
            purchasesByYear.merge(p.day().getYear(), p.purchases(), Long::sum);
            purchasesByMarket.merge(p.market(), p.purchases(), Long::sum);
        });
    }

    static double cpm(int year) {
        return complaintsByYear.get(year) * 1e6 / purchasesByYear.get(year);
    }

    /** Complaints per million purchases of one problem over a period. */
    static double cpm(DemoProblem problem, LocalDate from, LocalDate to) {
        long c = 0, p = 0;
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            c += complaintsByDay.getOrDefault(problem, Map.of()).getOrDefault(d, 0);
            p += purchasesByDay.get(d);
        }
        return c * 1e6 / p;
    }

    @Test
    void defaultDemoHasAbout130ThousandSignals() {
        assertThat(signals).isBetween(100_000L, 150_000L);
    }

    @Test
    void complaintsPerMillionPurchasesFall40To33To28() {
        assertThat(cpm(2024)).isCloseTo(40, within(4.0));
        assertThat(cpm(2025)).isCloseTo(33, within(3.3));
        assertThat(cpm(2026)).isCloseTo(28, within(2.8));
    }

    @Test
    void marketsDifferInComplaintsPerMillion() {
        // invoice markets suffer from post delays, the US from regulator escalations: not one flat rate everywhere
        var rates = new TreeMap<String, Double>();
        complaintsByMarket.forEach((m, c) -> rates.put(m, c * 1e6 / purchasesByMarket.get(m)));
        double min = rates.values().stream().mapToDouble(Double::doubleValue).min().orElseThrow();
        double max = rates.values().stream().mapToDouble(Double::doubleValue).max().orElseThrow();
        assertThat(rates).hasSize(9);
        assertThat(max / min).as("spread of CPM between markets %s", rates).isGreaterThan(1.25);
    }

    @Test
    void roughlyAsManyFeedbackItemsAsComplaints() {
        assertThat((double) feedback / complaints).isBetween(0.8, 1.4);
    }

    @Test
    void everyProblemAppearsInEveryYear() {
        for (DemoProblem p : DemoProblem.values()) {
            for (int year = 2024; year <= 2026; year++) {
                assertThat(signalsByProblemYear.get(p).getOrDefault(year, 0)).as("%s in %d", p.key(), year)
                        .isGreaterThan(300);
            }
        }
    }

    @Test
    void reminderFeesPeakEveryJanuaryAndLessAfterDigitalInvoices() {
        var invoice = DemoProblem.INVOICE_REMINDER_FEE;
        double[] januaryCpm = new double[3];
        for (int year = 2024; year <= 2026; year++) {
            YearMonth jan = YearMonth.of(year, 1);
            januaryCpm[year - 2024] = cpm(invoice, jan.atDay(1), jan.atEndOfMonth());
            double summer = cpm(invoice, LocalDate.of(year, 5, 1), LocalDate.of(year, 9, 30));
            assertThat(januaryCpm[year - 2024]).as("January %d vs May-September", year).isGreaterThan(4 * summer);
        }
        assertThat(januaryCpm[2]).as("January 2026, after digital invoices").isLessThan(0.85 * januaryCpm[1]);
    }

    @Test
    void nameConfusionFallsAfterTheRename() {
        LocalDate rename = Milestone.RENAME.date();
        double before = cpm(DemoProblem.PRODUCT_NAME_CONFUSION, rename.minusWeeks(8), rename.minusDays(1));
        double after = cpm(DemoProblem.PRODUCT_NAME_CONFUSION, rename.plusWeeks(8), rename.plusWeeks(16));
        assertThat(after).isLessThan(0.4 * before);
    }

    @Test
    void refundFrictionFallsAfterTheReturnsPortal() {
        LocalDate launch = Milestone.RETURNS_PORTAL.date();
        double before = cpm(DemoProblem.REFUND_FRICTION, launch.minusWeeks(10), launch.minusDays(1));
        double after = cpm(DemoProblem.REFUND_FRICTION, launch.plusWeeks(6), launch.plusWeeks(10));
        assertThat(after).isLessThan(0.8 * before);
    }

    @Test
    void missedPaymentsFallWithScheduledPaymentsAndBetterReminders() {
        double before = cpm(DemoProblem.MISSED_PAYMENT, LocalDate.of(2024, 3, 1), LocalDate.of(2024, 9, 30));
        double after = cpm(DemoProblem.MISSED_PAYMENT, LocalDate.of(2025, 3, 1), LocalDate.of(2025, 9, 30));
        assertThat(after).isLessThan(0.8 * before);
    }

    @Test
    void unclearDeclinesFallOnceCheckoutShowsTheReason() {
        LocalDate launch = Milestone.DECLINE_REASONS.date();
        double before = cpm(DemoProblem.CREDIT_DECLINE_UNCLEAR, launch.minusWeeks(8), launch.minusDays(1));
        double after = cpm(DemoProblem.CREDIT_DECLINE_UNCLEAR, launch.plusWeeks(6), launch.plusWeeks(14));
        assertThat(after).isLessThan(0.95 * before);
    }

    @Test
    void theChatOutageIsASpikeInCustomerServiceComplaints() {
        LocalDate start = Milestone.CHAT_OUTAGE.date();
        double before = cpm(DemoProblem.CUSTOMER_SERVICE_REACH, start.minusWeeks(4), start.minusDays(1));
        double during = cpm(DemoProblem.CUSTOMER_SERVICE_REACH, start, Milestone.CHAT_OUTAGE.until());
        assertThat(during).isGreaterThan(2 * before);
    }

    @Test
    void customersComplainMoreOnMondaysThanOnSaturdays() {
        assertThat(complaintsByWeekday.get(DayOfWeek.MONDAY))
                .isGreaterThan((long) (1.4 * complaintsByWeekday.get(DayOfWeek.SATURDAY)));
    }

    @Test
    void purchasesPeakOnBlackFridayAndDipInJuly() {
        for (int year = 2024; year <= 2025; year++) { // Black Friday 2026 lies after the period
            LocalDate bf = Season.blackFriday(year);
            long blackFriday = purchasesByDay.get(bf);
            long weekBefore = purchasesByDay.get(bf.minusWeeks(2));
            assertThat(blackFriday).as("Black Friday %d", year).isGreaterThan(2 * weekBefore);
        }
        long may = 0, july = 0;
        for (int d = 1; d <= 31; d++) {
            may += purchasesByDay.get(LocalDate.of(2025, 5, d));
            july += purchasesByDay.get(LocalDate.of(2025, 7, d));
        }
        assertThat(july).isLessThan((long) (0.9 * may));
    }

    @Test
    void christmasShoppingIsBusierThanTheFebruaryAfter() {
        long december = 0, february = 0;
        for (int d = 1; d <= 28; d++) {
            december += purchasesByDay.get(LocalDate.of(2024, 12, d));
            february += purchasesByDay.get(LocalDate.of(2025, 2, d));
        }
        assertThat(december * 1.0 / february).isGreaterThan(1.2);
    }

    @Test
    void everyMarketAndProductHasPurchasesEveryDay() {
        Set<String> cells = new HashSet<>();
        new DemoDataGenerator(new DemoSettings(1, LocalDate.of(2025, 7, 1), LocalDate.of(2025, 7, 7), 0.01)).purchases()
                .forEach(p -> {
                    assertThat(p.purchases()).isPositive();
                    cells.add(p.day() + p.market() + p.product());
                });
        assertThat(cells).hasSize(7 * 9 * 6);
    }
}
