package com.zeromission.metrics;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;

import org.springframework.stereotype.Service;

import com.zeromission.markets.Scope;
import com.zeromission.metrics.internal.PoissonInterval;
import com.zeromission.metrics.internal.TargetRepository;

/**
 * Yearly CPM targets per scope, and the progress report against them.
 *
 * <p>The projection is deliberately simple and stated in every report: the rest of the year gets last year's
 * purchases for the same days, scaled by this year's growth so far, and the complaint rate of the last 91 days
 * (recent fixes show there first, which a year-to-date rate would dilute).
 */
@Service
public class Targets {

    /** A target of this much CPM or more is surely a typo (the program started at 40). */
    public static final BigDecimal MAX_TARGET = new BigDecimal("100000");
    static final int RECENT_DAYS = 91;

    public record Target(int year, Scope scope, BigDecimal cpm) {
        public Target {
            if (year < 2000 || year > 2100) {
                throw new IllegalArgumentException("year must be between 2000 and 2100, was " + year);
            }
            requireTargetScope(scope);
            if (cpm == null || cpm.signum() < 0 || cpm.compareTo(MAX_TARGET) >= 0) {
                throw new IllegalArgumentException("target CPM must be >= 0 and < " + MAX_TARGET + ", was " + cpm);
            }
            cpm = cpm.setScale(4, RoundingMode.HALF_UP);
        }
    }

    /**
     * A target is for everything, one market or one product, not both: a target per market and product would be one
     * more budget nobody reports on (the year report and the dashboard read global, market and product targets).
     */
    public static Scope requireTargetScope(Scope scope) {
        if (scope == null) {
            throw new IllegalArgumentException("scope is required");
        }
        if (!scope.allMarkets() && !scope.allProducts()) {
            throw new IllegalArgumentException("a target is for all, one market or one product, not both ("
                    + scope.market() + ", " + scope.product() + ")");
        }
        return scope;
    }

    private final TargetRepository repository;
    private final CpmService cpm;
    private final Clock clock;

    public Targets(TargetRepository repository, CpmService cpm, Clock clock) {
        this.repository = repository;
        this.cpm = cpm;
        this.clock = clock;
    }

    public Target set(Target target) {
        repository.put(target.year(), target.scope(), target.cpm(), clock.instant());
        return target;
    }

    public java.util.Optional<Target> find(int year, Scope scope) {
        return repository.find(year, scope).map(s -> new Target(s.year(), s.scope(), s.cpm()));
    }

    /**
     * The target {@code scope} is held to in {@code year}: its own, or else the global one. A market or product
     * without a target of its own answers to the company's; every page and report reads targets through this one
     * rule (the returned target's scope says whose it is).
     */
    public java.util.Optional<Target> heldTo(int year, Scope scope) {
        var own = find(year, scope);
        return own.isPresent() || scope.equals(Scope.GLOBAL) ? own : find(year, Scope.GLOBAL);
    }

    public List<Target> list(int year) {
        return repository.list(year).stream().map(s -> new Target(s.year(), s.scope(), s.cpm())).toList();
    }

    /** Progress on {@code asOf} (inclusive; clamped to the year), or the clock's yesterday when null. */
    public TargetProgress progress(int year, Scope scope, LocalDate asOf) {
        var target = find(year, scope).orElseThrow(() -> new TargetNotFoundException(year, scope));
        return progress(target, scope, asOf);
    }

    /**
     * Progress of {@code scope} against {@code target}, which is the scope's own or the global one it is held to (see
     * {@link #heldTo}), on {@code asOf} (inclusive; clamped to the target's year), or the clock's yesterday when null.
     */
    public TargetProgress progress(Target target, Scope scope, LocalDate asOf) {
        return progress(target, scope, asOf, cpm::totals);
    }

    /** Where {@link #progress} reads a scope's totals over a range of days: {@link CpmService#totals}, or figures read ahead. */
    @FunctionalInterface
    public interface TotalsSource {
        CpmService.Totals totals(Scope scope, LocalDate from, LocalDate to);
    }

    /**
     * {@link #progress(Target, Scope, LocalDate)} with the totals read from {@code totals} (a report of every market
     * reads each range once for all of them), which must give what {@link CpmService#totals} gives.
     */
    public TargetProgress progress(Target target, Scope scope, LocalDate asOf, TotalsSource totals) {
        int year = target.year();
        LocalDate jan1 = LocalDate.of(year, 1, 1), dec31 = LocalDate.of(year, 12, 31);
        LocalDate day = asOf != null ? asOf : LocalDate.now(clock).minusDays(1);
        if (day.isBefore(jan1)) {
            day = jan1;
        }
        if (day.isAfter(dec31)) {
            day = dec31;
        }
        double goal = target.cpm().doubleValue();
        var ytd = totals.totals(scope, jan1, day);
        Double rate = ytd.cpm();
        Double lower = null, upper = null;
        if (ytd.purchases() > 0) {
            double[] b = PoissonInterval.bounds(ytd.complaints(), CpmService.CONFIDENCE);
            lower = b[0] * 1e6 / ytd.purchases();
            upper = b[1] * 1e6 / ytd.purchases();
        }
        double budget = goal * ytd.purchases() / 1e6;
        Double used = budget == 0 ? null : ytd.complaints() / budget * 100;

        // Projection: last year's purchases for the remaining days, scaled by growth so far; the recent rate.
        var lastYearSoFar = totals.totals(scope, jan1.minusYears(1), day.minusYears(1));
        var lastYearRest = day.equals(dec31) ? new CpmService.Totals(0, 0) : totals.totals(scope, day.plusDays(1).minusYears(1), dec31.minusYears(1));
        long remaining;
        if (lastYearSoFar.purchases() > 0) {
            remaining = Math.round(lastYearRest.purchases() * (double) ytd.purchases() / lastYearSoFar.purchases());
        } else {
            long daysSoFar = ChronoUnit.DAYS.between(jan1, day) + 1;
            remaining = Math.round((double) ytd.purchases() / daysSoFar * ChronoUnit.DAYS.between(day, dec31));
        }
        var recent = totals.totals(scope, day.minusDays(RECENT_DAYS - 1), day);
        Double recentRate = recent.cpm() != null ? recent.cpm() : rate;
        double projectedComplaints = ytd.complaints() + (recentRate == null ? 0 : recentRate * remaining / 1e6);
        long projectedPurchases = ytd.purchases() + remaining;
        Double projectedCpm = projectedPurchases == 0 ? null : projectedComplaints * 1e6 / projectedPurchases;
        boolean onTrack = projectedCpm != null && projectedCpm <= goal;

        var lastYear = totals.totals(scope, jan1.minusYears(1), dec31.minusYears(1));
        Double lastYearCpm = lastYear.cpm();
        Double change = rate == null || lastYearCpm == null || lastYearCpm == 0 ? null : (rate - lastYearCpm) / lastYearCpm * 100;
        String summary = summary(year, scope, !target.scope().equals(scope), goal, day, ytd, rate, lower, upper, used,
                projectedCpm, onTrack, lastYearCpm, change);
        return new TargetProgress(year, scope, goal, day, ytd.complaints(), ytd.purchases(), rate, lower, upper, budget,
                used, projectedPurchases, projectedComplaints, projectedCpm, onTrack, lastYearCpm, change, summary);
    }

    private static String summary(int year, Scope scope, boolean heldToGlobal, double goal, LocalDate day,
            CpmService.Totals ytd, Double rate, Double lower, Double upper, Double used, Double projected, boolean onTrack, Double lastYear, Double change) {
        String target = heldToGlobal ? "global target" : "target";
        if (rate == null) {
            return String.format(Locale.ROOT, "%d (%s): no purchases recorded up to %s; %s %.1f CPM", year,
                    scope.describe(), day, target, goal);
        }
        var sb = new StringBuilder(String.format(Locale.ROOT, "%d (%s) up to %s: %.1f CPM (95 %% CI %.1f-%.1f), %,d complaints "
                + "in %,d purchases, against %s of %.1f: %s", year, scope.describe(), day, rate, lower, upper,
                ytd.complaints(), ytd.purchases(), heldToGlobal ? "the global target" : "a target", goal, rate <= goal
                        ? String.format(Locale.ROOT, "%.1f CPM (%.0f %%) below it", goal - rate, (goal - rate) / goal * 100)
                        : String.format(Locale.ROOT, "%.1f CPM (%.0f %%) above it", rate - goal, (rate - goal) / goal * 100)));
        if (used != null) {
            sb.append(String.format(Locale.ROOT, "; %.0f %% of the complaint budget so far is used", used));
        }
        if (projected != null) {
            sb.append(String.format(Locale.ROOT, "; projected full year %.1f CPM, %s", projected, onTrack ? "on track" : "off track"));
        }
        if (lastYear != null && change != null) {
            sb.append(String.format(Locale.ROOT, "; last year %.1f CPM (%+.0f %%)", lastYear, change));
        }
        return sb.append('.').toString();
    }
}
