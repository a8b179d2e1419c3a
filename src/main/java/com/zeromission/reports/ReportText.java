package com.zeromission.reports;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

import com.zeromission.insights.InsightState;

/**
 * The report's sentences, written from its figures. Numbers are printed as a reader expects in a report: CPM with
 * one decimal, percentages whole with a real minus sign and a space before the % ("−17 %"), dates in words.
 */
public final class ReportText {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH);

    private ReportText() {
    }

    /** {@code (now − before) ÷ before} in percent; null when either is unknown or there was nothing before. */
    public static @Nullable Double changePercent(@Nullable Double before, @Nullable Double now) {
        if (before == null || now == null || before == 0) {
            return null;
        }
        return (now - before) / before * 100;
    }

    static double oneDecimal(double value) {
        return BigDecimal.valueOf(value).setScale(1, RoundingMode.HALF_UP).doubleValue();
    }

    /** CPM as printed: one decimal, "n/a" when unknown. */
    public static String cpm(Double value) {
        return value == null ? "n/a" : String.format(Locale.ROOT, "%.1f", oneDecimal(value));
    }

    /** A change as printed: "−17 %", "+4 %", "0 %"; "n/a" when unknown. */
    public static String percent(Double value) {
        if (value == null) {
            return "n/a";
        }
        long whole = Math.round(value);
        return whole < 0 ? "\u2212" + (-whole) + " %" : whole > 0 ? "+" + whole + " %" : "0 %";
    }

    public static String day(LocalDate day) {
        return DAY.format(day);
    }

    /**
     * The headline, e.g. "In 2026 complaints per million purchases fell from 33.8 to 28.0 (−17 %), against a target of
     * 28.0: the target was met." A running year says up to when, and adds its projection.
     */
    public static String headline(int year, int lastYear, LocalDate asOf, boolean complete, YearlyReport.Figures g) {
        var sb = new StringBuilder("In ").append(year);
        if (!complete) {
            sb.append(" up to ").append(day(asOf));
        }
        sb.append(" complaints per million purchases ");
        sb.append(movement(g.lastYearCpm(), g.cpm(), g.changePercent(), complete, lastYear));
        if (g.target() == null) {
            sb.append(", with no target set for ").append(year).append('.');
            return sb.toString();
        }
        sb.append(", against a target of ").append(cpm(g.target()));
        switch (g.verdict()) {
            case MET -> sb.append(": the target was met");
            case MISSED -> sb.append(": the target was missed by ").append(cpm(g.cpm() - g.target())).append(" CPM");
            case ON_TRACK, OFF_TRACK -> {
                if (g.projectedCpm() != null) {
                    sb.append("; the full year is projected at ").append(cpm(g.projectedCpm()));
                }
                sb.append(": ").append(g.verdict().words());
            }
            case NO_TARGET -> {
            }
        }
        return sb.append('.').toString();
    }

    /** "fell from 33.8 to 28.0 (−17 %)", "rose from …", "held steady at 28.0 (28.1 in 2025)", or no comparison. */
    static String movement(Double before, Double now, Double change, boolean complete, int lastYear) {
        if (now == null) {
            return "cannot be told: no purchases were recorded";
        }
        if (before == null || change == null) {
            return (complete ? "were " : "are ") + cpm(now) + " (no figures for " + lastYear + " to compare with)";
        }
        long whole = Math.round(change);
        if (whole == 0) {
            return "held steady at " + cpm(now) + " (" + cpm(before) + " in " + lastYear + ")";
        }
        return (whole < 0 ? "fell" : "rose") + " from " + cpm(before) + " to " + cpm(now) + " (" + percent(change) + ")";
    }

    /** The markets in one sentence: how many improved, the biggest drop and the biggest rise, and targets. */
    public static String markets(int year, int lastYear, List<YearlyReport.Figures> markets) {
        var compared = markets.stream().filter(m -> m.changePercent() != null).toList();
        if (markets.isEmpty()) {
            return "No market has purchase figures for " + year + ".";
        }
        if (compared.isEmpty()) {
            return markets.size() + (markets.size() == 1 ? " market has" : " markets have") + " figures for " + year
                    + ", none for " + lastYear + " to compare with.";
        }
        long improved = compared.stream().filter(m -> Math.round(m.changePercent()) < 0).count();
        var sb = new StringBuilder().append(improved).append(" of ").append(compared.size())
                .append(compared.size() == 1 ? " market" : " markets").append(" improved on ").append(lastYear);
        var best = compared.stream().min(Comparator.comparingDouble(YearlyReport.Figures::changePercent)).orElseThrow();
        var worst = compared.stream().max(Comparator.comparingDouble(YearlyReport.Figures::changePercent)).orElseThrow();
        if (Math.round(best.changePercent()) < 0) {
            sb.append("; the largest drop was ").append(best.scope()).append(" (").append(cpm(best.lastYearCpm()))
                    .append(" to ").append(cpm(best.cpm())).append(", ").append(percent(best.changePercent())).append(')');
        }
        if (!worst.scope().equals(best.scope()) && Math.round(worst.changePercent()) > 0) {
            sb.append("; ").append(worst.scope()).append(" rose the most (").append(cpm(worst.lastYearCpm()))
                    .append(" to ").append(cpm(worst.cpm())).append(", ").append(percent(worst.changePercent())).append(')');
        }
        var targeted = markets.stream().filter(m -> m.target() != null).toList();
        var global = targeted.stream().filter(YearlyReport.Figures::globalTarget).toList();
        if (!targeted.isEmpty()) {
            long good = targeted.stream().filter(m -> m.verdict().good()).count();
            sb.append("; ").append(good).append(" of ").append(targeted.size());
            if (global.isEmpty()) {
                sb.append(targeted.size() == 1 ? " market with its own target is" : " markets with their own target are")
                        .append(" within it");
            } else {
                sb.append(targeted.size() == 1 ? " market is within its target" : " markets are within their target")
                        .append(" (").append(global.size() == targeted.size() ? "all" : global.size())
                        .append(" held to the global target ").append(cpm(global.getFirst().target())).append(" CPM)");
            }
        }
        return sb.append('.').toString();
    }

    /** One initiative: what it changed, measured. */
    public static String initiative(YearlyReport.Initiative i) {
        var e = i.effect();
        String who = i.ownerTeam() == null ? "" : " (" + i.ownerTeam() + ")";
        if (e == null || i.complaintsPerWeekBefore() == null || i.complaintsPerWeekAfter() == null) {
            return "“" + i.title() + "”" + who + " was resolved; no full week after the fix has passed to measure it yet.";
        }
        var sb = new StringBuilder("“").append(i.title()).append("”").append(who).append(' ');
        boolean verified = i.verifiedAt() != null;
        sb.append(verified ? "cut" : "has so far moved").append(" its problems' complaints from ")
                .append(perWeek(i.complaintsPerWeekBefore())).append(" to ").append(perWeek(i.complaintsPerWeekAfter()))
                .append(" a week (").append(percent(e.changePercent())).append(" per purchase, ").append(pValue(e.pValue()))
                .append(')');
        if (i.state() == InsightState.REGRESSED) {
            sb.append("; verified, but the complaints came back");
        } else if (verified) {
            sb.append("; verified");
        } else {
            sb.append("; ").append(e.real() ? "a real drop, waiting for the nightly measurement to verify it"
                    : "not a proven drop yet");
        }
        return sb.append('.').toString();
    }

    static String perWeek(double value) {
        return value >= 10 ? String.format(Locale.ROOT, "%.0f", value) : String.format(Locale.ROOT, "%.1f", value);
    }

    static String pValue(double p) {
        return p < 0.001 ? "p < 0.001" : String.format(Locale.ROOT, "p = %.3f", p);
    }

    /** All initiatives in one sentence. */
    public static String initiatives(int year, List<YearlyReport.Initiative> initiatives) {
        var verified = initiatives.stream().filter(i -> i.verifiedAt() != null).toList();
        long regressed = verified.stream().filter(i -> i.state() == InsightState.REGRESSED).count();
        long pending = initiatives.size() - verified.size();
        if (initiatives.isEmpty()) {
            return "No fix was resolved or verified in " + year + ".";
        }
        var sb = new StringBuilder();
        sb.append(verified.size()).append(verified.size() == 1 ? " fix was" : " fixes were").append(" verified in ")
                .append(year).append(" by the effect measurement");
        double before = verified.stream().filter(i -> i.complaintsPerWeekBefore() != null)
                .mapToDouble(YearlyReport.Initiative::complaintsPerWeekBefore).sum();
        double after = verified.stream().filter(i -> i.complaintsPerWeekAfter() != null)
                .mapToDouble(YearlyReport.Initiative::complaintsPerWeekAfter).sum();
        if (!verified.isEmpty() && before > 0) {
            sb.append(": together their problems went from ").append(perWeek(before)).append(" to ").append(perWeek(after))
                    .append(" complaints a week");
        }
        if (regressed > 0) {
            sb.append("; ").append(regressed).append(regressed == 1 ? " of them has" : " of them have")
                    .append(" regressed since");
        }
        if (pending > 0) {
            sb.append("; ").append(pending).append(pending == 1 ? " more was" : " more were")
                    .append(" resolved and " + (pending == 1 ? "is" : "are") + " still being measured");
        }
        return sb.append('.').toString();
    }

    /** One focus area. */
    public static String focusArea(YearlyReport.FocusArea f) {
        var sb = new StringBuilder("“").append(f.label()).append("”: ").append(String.format(Locale.ROOT, "%,d", f.complaints()))
                .append(" complaints, ").append(share(f.share())).append(" of all, ").append(f.trend().words());
        if (f.trendPercent() != null) {
            sb.append(" (").append(percent(f.trendPercent())).append(" in the last six weeks against the six before)");
        }
        if (f.ownerTeam() != null) {
            sb.append("; owned by ").append(f.ownerTeam());
        } else {
            sb.append("; nobody owns it yet");
        }
        return sb.append('.').toString();
    }

    static String share(double share) {
        return String.format(Locale.ROOT, "%.0f %%", share * 100);
    }

    /** Next year's focus in one sentence. */
    public static String focus(int nextYear, YearlyReport.Focus focus) {
        Objects.requireNonNull(focus, "focus");
        if (focus.areas().isEmpty()) {
            return "No open problem had complaints from " + focus.fromWeek() + " to " + focus.toWeek() + ".";
        }
        double share = focus.areas().stream().mapToDouble(YearlyReport.FocusArea::share).sum();
        var first = focus.areas().getFirst();
        long rising = focus.areas().stream().filter(a -> a.trend() == Trend.RISING).count();
        long unowned = focus.areas().stream().filter(a -> a.ownerTeam() == null).count();
        var sb = new StringBuilder("Focus for ").append(nextYear).append(": the ").append(focus.areas().size())
                .append(focus.areas().size() == 1 ? " open problem" : " open problems")
                .append(" with the most complaints from ").append(focus.fromWeek()).append(" to ").append(focus.toWeek())
                .append(" account for ").append(share(share)).append(" of all complaints in those weeks; the largest, “")
                .append(first.label()).append("”, alone for ").append(share(first.share()));
        if (rising > 0) {
            sb.append("; ").append(rising).append(rising == 1 ? " is" : " are").append(" rising");
        }
        if (unowned > 0) {
            sb.append("; ").append(unowned).append(unowned == 1 ? " has" : " have").append(" no owner yet");
        }
        return sb.append('.').toString();
    }
}
