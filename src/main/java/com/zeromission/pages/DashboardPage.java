package com.zeromission.pages;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import com.zeromission.alarms.Alarms;
import com.zeromission.alarms.Alert;
import com.zeromission.insights.Insight;
import com.zeromission.insights.InsightState;
import com.zeromission.insights.Insights;
import com.zeromission.markets.Market;
import com.zeromission.markets.Scope;
import com.zeromission.metrics.CpmQuery;
import com.zeromission.metrics.CpmRow;
import com.zeromission.metrics.CpmService;
import com.zeromission.metrics.Dimension;
import com.zeromission.metrics.Period;
import com.zeromission.metrics.TargetProgress;
import com.zeromission.metrics.Targets;
import com.zeromission.problems.ProblemViews.WeeklyTop;
import com.zeromission.problems.Problems;
import com.zeromission.problems.TopOrder;

/**
 * The dashboard: the year's weekly CPM with its 95 % interval band against the yearly target (and last year's
 * line), filtered by market or product; where the year stands; open alerts; last week's top problems; insights
 * that passed the gate and wait for delegation.
 */
@Controller
class DashboardPage {

    static final int TOP_PROBLEMS = 5, ALERTS = 10;

    private final CpmService cpm;
    private final Targets targets;
    private final Alarms alarms;
    private final Problems problems;
    private final Insights insights;
    private final Clock clock;
    private final tools.jackson.databind.json.JsonMapper json;

    DashboardPage(CpmService cpm, Targets targets, Alarms alarms, Problems problems, Insights insights, Clock clock,
            tools.jackson.databind.json.JsonMapper json) {
        this.json = json;
        this.cpm = cpm;
        this.targets = targets;
        this.alarms = alarms;
        this.problems = problems;
        this.insights = insights;
        this.clock = clock;
    }

    /** One point of the chart; nulls where a week had no purchases. */
    public record Point(String week, Double cpm, Double lower, Double upper, Double lastYear, long complaints,
            long purchases) {
    }

    @GetMapping("/")
    String dashboard(@RequestParam(required = false) String market, @RequestParam(required = false) String product,
            @RequestParam(required = false) Integer year, Model model) {
        LocalDate today = LocalDate.now(clock);
        List<Integer> years = years(today);
        int y = year == null ? today.getYear() : year;
        if (!years.contains(y)) {
            throw new IllegalArgumentException("year " + y + " has no purchase figures; years with figures: "
                    + years.stream().sorted().map(String::valueOf).toList());
        }
        String m = blankToNull(market), p = blankToNull(product);
        if (m != null) {
            m = new Market(m).code();
        }
        if (p != null && !p.matches("[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?")) {
            throw new IllegalArgumentException("product must be 1-64 of a-z, 0-9 and '-', was '" + p + "'");
        }
        LocalDate jan1 = LocalDate.of(y, 1, 1);
        // the last complete day: today's figures are still arriving
        LocalDate last = y == today.getYear() ? today.minusDays(1) : LocalDate.of(y, 12, 31);
        if (last.isBefore(jan1)) {
            last = jan1;
        }
        List<String> markets = options(jan1, last, Dimension.MARKET), products = options(jan1, last, Dimension.PRODUCT);
        // a well-formed but unknown value would silently show an empty dashboard: say what exists instead
        if (m != null && !markets.contains(m)) {
            throw new IllegalArgumentException("market " + m + " has no purchase figures in " + y + "; markets: " + markets);
        }
        if (p != null && !products.contains(p)) {
            throw new IllegalArgumentException("product '" + p + "' has no purchase figures in " + y + "; products: " + products);
        }
        List<CpmRow> weeks = cpm.query(new CpmQuery(Period.WEEK, jan1, last, Set.of(), m, p, null));
        var points = new ArrayList<Point>();
        for (CpmRow r : weeks) {
            // a week still running (it ends after the last complete day) would show a one-day figure as a week's
            if (r.start().plusDays(6).isAfter(last) && !points.isEmpty()) {
                continue;
            }
            points.add(new Point(r.label(), r.cpm(), r.lower(), r.upper(), r.previousYearCpm(), r.complaints(), r.purchases()));
        }

        Optional<Scope> scope = m != null && p != null ? Optional.empty() : Optional.of(new Scope(m, p));
        // a market or product without a target of its own is held to the global one, as in the yearly report
        Optional<Targets.Target> heldTo = scope.flatMap(s -> targets.heldTo(y, s));
        Double target = heldTo.map(t -> t.cpm().doubleValue()).orElse(null);
        TargetProgress progress = heldTo.isEmpty() ? null : targets.progress(heldTo.get(), scope.get(), last);
        boolean globalTarget = heldTo.isPresent() && !heldTo.get().scope().equals(scope.get());
        var total = cpm.totals(scope.orElse(Scope.GLOBAL), jan1, last);

        List<Alert> open = alarms.list(false, ALERTS).stream().filter(Alert::isOpen).toList();
        WeeklyTop top = problems.top(problems.lastWeek(), TopOrder.COMPLAINTS, TOP_PROBLEMS);
        // waiting: passed the gate (actionable, or a draft that would pass) and not yet delegated
        List<Insight> waiting = insights.list(EnumSet.of(InsightState.DRAFT, InsightState.ACTIONABLE)).stream()
                .filter(i -> i.state() == InsightState.ACTIONABLE || i.gate().passed()).toList();

        model.addAttribute("year", y);
        model.addAttribute("years", years);
        model.addAttribute("market", m == null ? "" : m);
        model.addAttribute("product", p == null ? "" : p);
        model.addAttribute("markets", markets);
        model.addAttribute("products", products);
        model.addAttribute("filtered", m != null || p != null);
        model.addAttribute("points", points);
        model.addAttribute("chart", scriptSafe(json.writeValueAsString(chartData(points, target))));
        model.addAttribute("target", target);
        model.addAttribute("globalTarget", globalTarget);
        model.addAttribute("bothFilters", scope.isEmpty());
        model.addAttribute("progress", progress);
        model.addAttribute("complaints", scope.isPresent() ? total.complaints() : sum(points, true));
        model.addAttribute("purchases", scope.isPresent() ? total.purchases() : sum(points, false));
        model.addAttribute("alerts", open);
        model.addAttribute("top", top);
        model.addAttribute("waiting", waiting);
        model.addAttribute("asOf", last);
        return "pages/dashboard";
    }

    /** What the chart script reads: one JSON document in the page, so no inline script is needed. */
    static Map<String, Object> chartData(List<Point> points, Double target) {
        var data = new LinkedHashMap<String, Object>();
        data.put("labels", points.stream().map(Point::week).toList());
        data.put("cpm", points.stream().map(Point::cpm).toList());
        data.put("lower", points.stream().map(Point::lower).toList());
        data.put("upper", points.stream().map(Point::upper).toList());
        data.put("lastYear", points.stream().map(Point::lastYear).toList());
        data.put("target", target);
        return data;
    }

    /** JSON inside a script element: '<' must not be able to close the element. */
    static String scriptSafe(String jsonText) {
        return jsonText.replace("<", "\\u003c");
    }

    private List<String> options(LocalDate from, LocalDate to, Dimension dimension) {
        var values = new TreeSet<String>();
        for (CpmRow r : cpm.query(new CpmQuery(Period.YEAR, from, to, Set.of(dimension), null, null, null))) {
            String v = dimension == Dimension.MARKET ? r.market() : r.product();
            if (v != null && r.purchases() > 0) {
                values.add(v);
            }
        }
        return List.copyOf(values);
    }

    /** The years with purchase figures (newest first, at most ten back), and always the current one. */
    private List<Integer> years(LocalDate today) {
        var list = new ArrayList<Integer>();
        list.add(today.getYear());
        LocalDate from = LocalDate.of(today.getYear() - 9, 1, 1);
        for (CpmRow r : cpm.query(new CpmQuery(Period.YEAR, from, today, Set.of(), null, null, null))) {
            if (r.purchases() > 0 && !list.contains(r.start().getYear())) {
                list.add(r.start().getYear());
            }
        }
        list.sort(java.util.Comparator.reverseOrder());
        return list;
    }

    private static long sum(List<Point> points, boolean complaints) {
        return points.stream().mapToLong(p -> complaints ? p.complaints() : p.purchases()).sum();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
