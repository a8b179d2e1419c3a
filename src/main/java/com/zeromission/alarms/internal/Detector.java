package com.zeromission.alarms.internal;

import java.time.LocalDate;
import java.time.Year;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import com.zeromission.alarms.AlertKind;
import com.zeromission.alarms.Evidence.Window;
import com.zeromission.alarms.Evidence;
import com.zeromission.alarms.Severity;
import com.zeromission.markets.Scope;

/**
 * The rules themselves, as a pure function of the figures: which alerts should be open as of a day. Knows nothing
 * about storage or delivery, so the same code evaluates today and replays history.
 */
public final class Detector {

    /**
     * Burn-rate rules, adapted from the SRE workbook's 14.4 / 6 / 1 over 1 h / 6 h / 3 d (with 5 min / 30 min / 6 h
     * short windows) for a 30-day SLO to whole days and a yearly target. See docs/alarms.md for the reasoning and the
     * share of the year's complaint budget each one stands for.
     */
    public static final List<BurnRateRule> BURN_RATE_RULES = List.of(
            new BurnRateRule("fast-burn", Severity.PAGE, 14.4, 2, 1),
            new BurnRateRule("medium-burn", Severity.PAGE, 6, 7, 1),
            new BurnRateRule("slow-burn", Severity.TICKET, 1, 28, 7));

    /**
     * Spike rules: yesterday of each market and product against the same weekday of the eight weeks before (a local
     * incident, today), and the last seven days of everything, each market and each product against the 28 days
     * before (a broad incident spread thin over many slices, this week). See docs/alarms.md for what they find in the
     * demo data and why the baselines are what they are.
     */
    public static final List<SpikeRule> SPIKE_RULES = List.of(
            new SpikeRule("spike", Severity.PAGE, SpikeRule.Slices.MARKET_PRODUCT, 1, new SpikeRule.SameWeekday(8), 0.001, 10),
            new SpikeRule("weekly-spike", Severity.TICKET, SpikeRule.Slices.AGGREGATES, 7, new SpikeRule.Trailing(28), 0.001, 10));

    /**
     * A burn-rate window decides only if reaching the threshold takes at least this many complaints: no alert fires
     * on a handful of complaints in a small market, where one more or less swings the rate by a large factor.
     */
    public static final long MIN_COMPLAINTS_AT_THRESHOLD = 10;

    /** How far back from yesterday to look for the last day with purchase figures (the last complete day). */
    public static final int LOOKBACK_DAYS = 7;

    private final List<BurnRateRule> burnRules;
    private final List<SpikeRule> spikeRules;

    public Detector() {
        this(BURN_RATE_RULES, SPIKE_RULES);
    }

    public Detector(List<BurnRateRule> burnRules, List<SpikeRule> spikeRules) {
        this.burnRules = List.copyOf(burnRules);
        this.spikeRules = List.copyOf(spikeRules);
    }

    /** The first day of figures an evaluation as of {@code latest} reads. */
    public LocalDate firstDayNeeded(LocalDate latest) {
        int days = 1;
        for (BurnRateRule r : burnRules) {
            days = Math.max(days, r.longDays());
        }
        for (SpikeRule r : spikeRules) {
            days = Math.max(days, r.windowDays() + r.baseline().reach());
        }
        return latest.minusDays(LOOKBACK_DAYS - 1L + days - 1L);
    }

    /**
     * Every decision as of {@code latest} (yesterday, normally): burn-rate rules for each scope with a target, spike
     * rules for the slices they watch among those in the figures.
     *
     * @param targets target CPM per scope for the year of {@code latest}
     */
    public List<Decision> decide(Figures figures, LocalDate latest, Map<Scope, Double> targets) {
        var decisions = new ArrayList<Decision>();
        targets.entrySet().stream()
                .sorted(Map.Entry.comparingByKey(java.util.Comparator.comparing(Scope::market).thenComparing(Scope::product)))
                .forEach(t -> burnRules.forEach(rule -> decisions.add(burnRate(rule, figures, latest, t.getKey(), t.getValue()))));
        for (SpikeRule rule : spikeRules) {
            for (Scope scope : slices(rule.slices(), figures)) {
                decisions.add(spike(rule, figures, latest, scope));
            }
        }
        return decisions;
    }

    static List<Scope> slices(SpikeRule.Slices slices, Figures figures) {
        var cells = figures.cells();
        return switch (slices) {
            case MARKET_PRODUCT -> cells.stream().map(c -> new Scope(c.market(), c.product())).toList();
            case AGGREGATES -> {
                var scopes = new ArrayList<Scope>();
                scopes.add(Scope.GLOBAL);
                cells.stream().map(Figures.Cell::market).distinct().sorted().forEach(m -> scopes.add(new Scope(m, null)));
                cells.stream().map(Figures.Cell::product).distinct().sorted().forEach(p -> scopes.add(new Scope(null, p)));
                yield scopes;
            }
        };
    }

    Decision burnRate(BurnRateRule rule, Figures figures, LocalDate latest, Scope scope, double target) {
        var key = new AlertKey(AlertKind.BURN_RATE, rule.name(), scope);
        if (!(target > 0)) {
            return new Decision.Undecided(key, rule.severity(), "the target is " + fmt(target)
                    + " CPM: every complaint is over budget, so a burn rate says nothing");
        }
        Optional<LocalDate> day = figures.lastCompleteDay(scope, latest, LOOKBACK_DAYS);
        if (day.isEmpty()) {
            return new Decision.Undecided(key, rule.severity(), "no purchase figures from "
                    + latest.minusDays(LOOKBACK_DAYS - 1L) + " to " + latest);
        }
        LocalDate asOf = day.get();
        Window lw = figures.window(scope, asOf.minusDays(rule.longDays() - 1L), asOf);
        Window sw = figures.window(scope, asOf.minusDays(rule.shortDays() - 1L), asOf);
        long needed = rule.minPurchases(target, MIN_COMPLAINTS_AT_THRESHOLD);
        for (Window w : List.of(sw, lw)) { // the short window is the smaller one: name it first
            if (w.purchases() < needed) {
                return new Decision.Undecided(key, rule.severity(), String.format(Locale.ROOT,
                        "too few purchases: %,d in the %d-day window to %s; at least %,d are needed so that %.1f× the "
                                + "target of %s CPM means %d or more complaints", w.purchases(), w.days(), asOf, needed,
                        rule.threshold(), fmt(target), MIN_COMPLAINTS_AT_THRESHOLD));
            }
        }
        var evidence = new Evidence.BurnRate(target, rule.threshold(), lw, sw);
        double longRate = evidence.longBurnRate(), shortRate = evidence.shortBurnRate();
        if (longRate > rule.threshold() && shortRate > rule.threshold()) {
            double spent = lw.complaints() / (target * yearlyPurchasesEstimate(lw, asOf) / 1e6) * 100;
            return new Decision.Firing(key, rule.severity(), asOf, evidence, String.format(Locale.ROOT,
                    "%s: complaints burn the %d budget (target %s CPM) at %.1f× over %d days and %.1f× over %d day%s "
                            + "(threshold %s×): %,d complaints in %,d purchases from %s to %s, about %.1f %% of a "
                            + "year's budget", scope.describe(), asOf.getYear(), fmt(target), longRate, lw.days(),
                    shortRate, sw.days(), sw.days() == 1 ? "" : "s", fmt(rule.threshold()), lw.complaints(),
                    lw.purchases(), lw.from(), lw.to(), spent));
        }
        String why = shortRate <= rule.threshold()
                ? String.format(Locale.ROOT, "burn rate %.2f× over the %d-day window to %s is not above %s×", shortRate,
                        sw.days(), asOf, fmt(rule.threshold()))
                : String.format(Locale.ROOT, "burn rate %.2f× over the %d-day window to %s is not above %s×", longRate,
                        lw.days(), asOf, fmt(rule.threshold()));
        return new Decision.Quiet(key, rule.severity(), asOf, why);
    }

    /**
     * The window's purchases scaled to a year, to say what share of a year's budget the window's complaints are. An
     * estimate for the summary only; the decision never uses it.
     */
    private static double yearlyPurchasesEstimate(Window w, LocalDate asOf) {
        return (double) w.purchases() / w.days() * Year.of(asOf.getYear()).length();
    }

    Decision spike(SpikeRule rule, Figures figures, LocalDate latest, Scope scope) {
        var key = new AlertKey(AlertKind.SPIKE, rule.name(), scope);
        Optional<LocalDate> day = figures.lastCompleteDay(scope, latest, LOOKBACK_DAYS);
        if (day.isEmpty()) {
            return new Decision.Undecided(key, rule.severity(), "no purchase figures from "
                    + latest.minusDays(LOOKBACK_DAYS - 1L) + " to " + latest);
        }
        LocalDate asOf = day.get();
        LocalDate from = asOf.minusDays(rule.windowDays() - 1L);
        Window window = figures.window(scope, from, asOf);
        Evidence.Baseline baseline = figures.baseline(scope, from, rule.baseline());
        if (baseline.purchases() == 0) {
            return new Decision.Undecided(key, rule.severity(), "no purchases in the baseline (" + baseline.description()
                    + " " + from + ")");
        }
        double p = PoissonRateTest.pValue(window.complaints(), window.purchases(), baseline.complaints(), baseline.purchases());
        var evidence = new Evidence.Spike(window, baseline, p, rule.maxPValue(), rule.minComplaints());
        String period = rule.windowDays() == 1
                ? "on " + asOf + " (" + asOf.getDayOfWeek().getDisplayName(java.time.format.TextStyle.FULL, Locale.ENGLISH) + ")"
                : "from " + from + " to " + asOf;
        if (window.complaints() >= rule.minComplaints() && p < rule.maxPValue()) {
            return new Decision.Firing(key, rule.severity(), asOf, evidence, String.format(Locale.ROOT,
                    "%s: %,d complaints %s where the rate of %s predicts %.1f for %,d purchases (%.1f× the baseline rate; "
                            + "one-sided p = %.2g < %s)", scope.describe(), window.complaints(), period,
                    baseline.description(), evidence.expected(), window.purchases(),
                    evidence.expected() == 0 ? Double.POSITIVE_INFINITY : window.complaints() / evidence.expected(),
                    p, fmt(rule.maxPValue())));
        }
        String why = window.complaints() < rule.minComplaints()
                ? String.format(Locale.ROOT, "%,d complaints %s, fewer than %d", window.complaints(), period, rule.minComplaints())
                : String.format(Locale.ROOT, "%,d complaints %s against %.1f expected: p = %.2g is not below %s",
                        window.complaints(), period, evidence.expected(), p, fmt(rule.maxPValue()));
        return new Decision.Quiet(key, rule.severity(), asOf, why);
    }

    static String fmt(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? String.valueOf((long) v) : String.valueOf(v);
    }
}
