package com.zeromission.cli;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import com.zeromission.markets.Scope;
import com.zeromission.metrics.CpmQuery;
import com.zeromission.metrics.CpmRow;
import com.zeromission.metrics.CpmService;
import com.zeromission.metrics.Dimension;
import com.zeromission.metrics.Period;
import com.zeromission.metrics.TargetNotFoundException;
import com.zeromission.metrics.Targets;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "cpm", mixinStandardHelpOptions = true,
        description = {"Complaints per million purchases: a table per year (or another period), with 95 %% Poisson "
                + "intervals and the change on the year before, and the year's standing against its target."})
final class CpmCommand implements Callable<Integer> {

    @Option(names = "--year", description = "The year to report on (default: the last three years).")
    Integer year;

    @Option(names = "--period", defaultValue = "year", description = "year, quarter, month, week or day (default: ${DEFAULT-VALUE}).")
    String period;

    @Option(names = "--by", split = ",", description = "Slice by market, product and/or channel, e.g. --by market.")
    List<String> by = new ArrayList<>();

    @Parameters(arity = "0..*", paramLabel = "SPRING_ARG", description = "Spring Boot arguments, e.g. --spring.datasource.url=...")
    List<String> springArgs = new ArrayList<>();

    @Override
    public Integer call() {
        Period p;
        var dims = EnumSet.noneOf(Dimension.class);
        try {
            p = Period.parse(period);
            by.forEach(d -> dims.add(Dimension.parse(d)));
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            return 2;
        }
        CliContext.requireSpringProperties(springArgs);
        try (var context = CliContext.start(springArgs)) {
            var cpm = context.getBean(CpmService.class);
            var targets = context.getBean(Targets.class);
            int last = year != null ? year : LocalDate.now(context.getBean(java.time.Clock.class)).getYear();
            int first = year != null ? year : last - 2;
            var rows = cpm.query(new CpmQuery(p, LocalDate.of(first, 1, 1), LocalDate.of(last, 12, 31), dims, null, null, null));
            System.out.printf(Locale.ROOT, "Complaints per million purchases, %d-%d (95 %% Poisson interval)%n%n", first, last);
            System.out.printf(Locale.ROOT, "%-10s %-7s %-10s %-20s %10s %14s %8s %17s %10s%n", "period", "market", "product",
                    "channel", "complaints", "purchases", "CPM", "95 % interval", "vs year-1");
            for (CpmRow r : rows) {
                System.out.printf(Locale.ROOT, "%-10s %-7s %-10s %-20s %,10d %,14d %8s %17s %10s%n", r.label(), dash(r.market()),
                        dash(r.product()), dash(r.channel()), r.complaints(), r.purchases(), num(r.cpm()),
                        r.lower() == null ? "-" : String.format(Locale.ROOT, "%.1f-%.1f", r.lower(), r.upper()),
                        r.changePercent() == null ? "-" : String.format(Locale.ROOT, "%+.1f %%", r.changePercent()));
            }
            System.out.println();
            for (int y = first; y <= last; y++) {
                try {
                    System.out.println(targets.progress(y, Scope.GLOBAL, null).summary());
                } catch (TargetNotFoundException e) {
                    System.out.println(y + ": no target set.");
                }
            }
            return 0;
        }
    }

    private static String dash(String s) {
        return s == null ? "all" : s;
    }

    private static String num(Double d) {
        return d == null ? "-" : String.format(Locale.ROOT, "%.1f", d);
    }
}
