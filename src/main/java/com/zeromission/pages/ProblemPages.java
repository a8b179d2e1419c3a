package com.zeromission.pages;

import java.security.Principal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import com.zeromission.insights.Insight;
import com.zeromission.insights.Insights;
import com.zeromission.problems.Problem;
import com.zeromission.problems.ProblemEvent;
import com.zeromission.problems.ProblemId;
import com.zeromission.problems.ProblemState;
import com.zeromission.problems.ProblemViews.Details;
import com.zeromission.problems.ProblemViews.WeekFigure;
import com.zeromission.problems.Problems;
import com.zeromission.problems.ReplayedSignal;
import com.zeromission.problems.TopOrder;
import com.zeromission.replay.ReplayId;
import com.zeromission.replay.Replays;

/**
 * The problems list (with last week's top, emerging and regressed problems above it) and one problem's page: its
 * masked examples, where it happens, its weekly complaints, its history and the insights written about it, and for
 * analysts the forms that rename, merge, split, pin, resolve and reopen it. Every change is a plain form post that
 * redirects back (post, redirect, get) with a message; bad input and refusals become the error page, unchanged.
 */
@Controller
class ProblemPages {

    /** Variants shown with their examples on a root cause's page; the others link to their own pages. */
    static final int VARIANTS_WITH_EXAMPLES = 12;

    /** Rows the list shows at most; more would be a page nobody reads. */
    static final int LIST_CAP = 100;
    static final int TOP = 10, SUBTITLE = 120, CHART_WEEKS = 26, MAX_MERGE = 100;
    static final int SPARK_WIDTH = 96, SPARK_HEIGHT = 24;
    static final int CHART_WIDTH = 1120, CHART_HEIGHT = 200, CHART_TOP = 14, CHART_BOTTOM = 22;

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT)
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private final Problems problems;
    private final Insights insights;
    private final Replays replays;

    ProblemPages(Problems problems, Insights insights, Replays replays) {
        this.problems = problems;
        this.insights = insights;
        this.replays = replays;
    }

    /** How many of a problem's replayed signals its page lists, newest first. */
    static final int REPLAYS_SHOWN = 10;

    /** A session replay one of the problem's signals came with, as its page lists it; {@code length} as m:ss. */
    record ReplayRow(String replayId, Instant receivedAt, String market, String channel, String length) {
    }

    /** The problem's newest replayed signals whose replay is still stored (not expired, not erased). */
    private List<ReplayRow> replayRows(long problemId) {
        var rows = new ArrayList<ReplayRow>();
        for (ReplayedSignal r : problems.replayedSignals(ProblemId.lookup(problemId), REPLAYS_SHOWN)) {
            replays.durationMillis(new ReplayId(r.replayId())).ifPresent(ms -> rows.add(new ReplayRow(r.replayId().toString(),
                    r.receivedAt(), r.market(), r.channel(), (ms / 60_000) + ":" + String.format(Locale.ROOT, "%02d", ms / 1000 % 60))));
        }
        return rows;
    }

    /** One row of the list: the problem, a readable subtitle and its trend as sparkline points. */
    public record Row(Problem problem, String subtitle, String lastSeen, List<Long> trend, String spark,
            String trendText) {
    }

    /** One bar of the weekly chart, in SVG user units. */
    public record Bar(String week, long complaints, long signals, int x, int y, int width, int height) {
    }

    /**
     * One line of a problem's history; {@code otherId}: the other problem it names, if any; {@code undoable}: the
     * event's id when it is a merge into this problem that can still be undone.
     */
    public record Event(java.time.Instant when, String what, String actor, String detail, Long otherId, boolean undone,
            Long undoable) {
    }

    /** An example as shown: its masked text and one line of where and when it came from. */
    public record ExampleView(String signalId, String text, String about) {
    }

    public record LinkedInsight(long id, String title, String state) {
    }

    // ---- the list ----------------------------------------------------------------------------------------------

    @GetMapping("/problems")
    String list(@RequestParam(required = false) String state, @RequestParam(required = false) String sort,
            @RequestParam(defaultValue = "1") int page, Model model) {
        String filter = state == null || state.isBlank() ? "open" : state.strip().toLowerCase(Locale.ROOT);
        List<ProblemState> states = switch (filter) {
            case "open" -> List.of(ProblemState.OPEN, ProblemState.REGRESSED);
            case "regressed" -> List.of(ProblemState.REGRESSED);
            case "resolved" -> List.of(ProblemState.RESOLVED);
            case "all" -> List.of(ProblemState.OPEN, ProblemState.REGRESSED, ProblemState.RESOLVED);
            default -> throw new IllegalArgumentException("state must be open, resolved, regressed or all, was '" + shown(state) + "'");
        };
        String order = sort == null || sort.isBlank() ? "complaints" : sort.strip().toLowerCase(Locale.ROOT);
        Comparator<Problem> by = switch (order) {
            case "complaints" -> Comparator.comparingLong(Problem::complaints).reversed()
                    .thenComparing(Comparator.comparingLong(Problem::signals).reversed());
            case "recent" -> Comparator.comparing(Problem::lastSeen, Comparator.nullsLast(Comparator.reverseOrder()));
            default -> throw new IllegalArgumentException("sort must be complaints or recent, was '" + shown(sort) + "'");
        };
        // open before regressed before resolved, then the chosen order
        Comparator<Problem> openFirst = Comparator.comparingInt(p -> switch (p.state()) {
            case OPEN -> 0;
            case REGRESSED -> 1;
            default -> 2;
        });
        List<Problem> found = problems.list(states, Problems.MAX_LIST);
        int pages = Math.max(1, (found.size() + LIST_CAP - 1) / LIST_CAP);
        if (page < 1 || page > pages) {
            throw new IllegalArgumentException("page must be between 1 and " + pages + ", was " + page);
        }
        List<Problem> listed = found.stream().sorted(openFirst.thenComparing(by).thenComparingLong(Problem::id))
                .skip((long) (page - 1) * LIST_CAP).limit(LIST_CAP).toList();
        LocalDate lastWeek = problems.lastWeek();
        var ids = listed.stream().map(Problem::id).toList();
        Map<Long, List<Long>> trends = problems.trends(ids, lastWeek);
        Map<Long, String> texts = problems.representativeTexts(ids);
        String weeks = Problems.weekLabel(lastWeek.minusWeeks(Problems.BASELINE_WEEKS - 1)) + " to "
                + Problems.weekLabel(lastWeek);
        var rows = new ArrayList<Row>();
        for (Problem p : listed) {
            List<Long> trend = trends.getOrDefault(p.id(), List.of());
            rows.add(new Row(p, subtitle(texts.get(p.id())), p.lastSeen() == null ? "–" : DAY.format(p.lastSeen()), trend,
                    sparkPoints(trend, SPARK_WIDTH, SPARK_HEIGHT), "complaints per week, " + weeks + ": "
                            + String.join("; ", trend.stream().map(n -> String.format(Locale.UK, "%,d", n)).toList())));
        }
        model.addAttribute("rows", rows);
        model.addAttribute("state", filter);
        model.addAttribute("sort", order);
        model.addAttribute("capped", found.size() > LIST_CAP);
        model.addAttribute("page", page);
        model.addAttribute("pages", pages);
        model.addAttribute("first", (page - 1) * LIST_CAP + 1);
        model.addAttribute("last", (page - 1) * LIST_CAP + listed.size());
        // a number for #fmt.count, and whether the list stopped at its maximum (then there are more)
        model.addAttribute("found", found.size());
        model.addAttribute("foundAtMost", found.size() >= Problems.MAX_LIST);
        model.addAttribute("cap", LIST_CAP);
        model.addAttribute("sparkWidth", SPARK_WIDTH);
        model.addAttribute("sparkHeight", SPARK_HEIGHT);
        model.addAttribute("trendWeeks", weeks);
        model.addAttribute("top", problems.top(lastWeek, TopOrder.COMPLAINTS, TOP));
        model.addAttribute("emerging", problems.emerging(lastWeek));
        model.addAttribute("regressions", problems.regressions().stream().limit(TOP).toList());
        return "pages/problems";
    }

    /** The first example's text on one line, cut at a word near {@link #SUBTITLE} characters. */
    static String subtitle(String text) {
        if (text == null || text.isBlank()) {
            return "";
        }
        String s = text.strip().replaceAll("\\s+", " ");
        if (s.length() <= SUBTITLE) {
            return s;
        }
        int cut = s.lastIndexOf(' ', SUBTITLE);
        return s.substring(0, cut > SUBTITLE / 2 ? cut : SUBTITLE).strip() + "…";
    }

    /** Polyline points for a sparkline of {@code values} in a {@code width} × {@code height} box (1 unit margin). */
    static String sparkPoints(List<Long> values, int width, int height) {
        if (values.isEmpty()) {
            return "";
        }
        long max = values.stream().mapToLong(Long::longValue).max().orElse(0);
        var points = new ArrayList<String>();
        for (int i = 0; i < values.size(); i++) {
            double x = values.size() == 1 ? width / 2.0 : 1 + i * (width - 2.0) / (values.size() - 1);
            double y = max == 0 ? height - 1 : height - 1 - values.get(i) * (height - 2.0) / max;
            points.add(String.format(Locale.ROOT, "%.1f,%.1f", x, y));
        }
        return String.join(" ", points);
    }

    // ---- one problem -------------------------------------------------------------------------------------------

    @GetMapping("/problems/{id}")
    String problem(@PathVariable String id, Model model) {
        long pid = id(id);
        Details d = problems.details(ProblemId.lookup(pid), VARIANTS_WITH_EXAMPLES);
        Problem p = d.problem();
        model.addAttribute("p", p);
        model.addAttribute("terms", d.topTerms());
        // the problem's name in its texts' other languages: "also written as"
        model.addAttribute("otherNames", d.namesByLanguage().entrySet().stream()
                .filter(e -> !e.getValue().equals(p.label())).toList());
        model.addAttribute("examples", d.examples().stream().map(e -> new ExampleView(e.signalId(), e.text(),
                about(e.market(), e.product(), e.channel(), e.language() == null ? null : "language " + e.language(),
                        e.receivedAt() == null ? null : "received " + WHEN.format(e.receivedAt()))))
                .toList());
        model.addAttribute("variants", d.variants().stream().map(v -> new VariantView(v.problem().id(), v.problem().label(),
                v.problem().signals(), v.examples().stream().map(e -> new ExampleView(e.signalId(), e.text(),
                        about(e.language() == null ? null : "language " + e.language(), e.market(), e.channel()))).toList()))
                .toList());
        model.addAttribute("rootCause", d.rootCause());
        model.addAttribute("byMarket", d.byMarket());
        model.addAttribute("byProduct", d.byProduct());
        model.addAttribute("byChannel", d.byChannel());
        var bars = bars(d.weeks(), problems.lastWeek());
        model.addAttribute("bars", bars);
        model.addAttribute("chartMax", bars.stream().mapToLong(Bar::complaints).max().orElse(0));
        model.addAttribute("chartWidth", CHART_WIDTH);
        model.addAttribute("chartHeight", CHART_HEIGHT);
        model.addAttribute("chartBase", CHART_HEIGHT - CHART_BOTTOM);
        model.addAttribute("events", d.events().stream().map(e -> event(pid, e)).toList());
        model.addAttribute("linked", linkedInsights(pid));
        model.addAttribute("replays", replayRows(pid));
        // instants: the page shows them in the viewer's zone (#fmt)
        model.addAttribute("firstSeen", p.firstSeen());
        model.addAttribute("lastSeen", p.lastSeen());
        model.addAttribute("changeable", p.state() != ProblemState.MERGED);
        return "pages/problem";
    }

    /** A root cause's variant as its page lists it: one of its phrasings or languages, with examples. */
    record VariantView(long id, String label, long signals, List<ExampleView> examples) {
    }

    /** The non-blank parts, joined with a middle dot. */
    static String about(String... parts) {
        return String.join(" · ", Arrays.stream(parts).filter(x -> x != null && !x.isBlank()).toList());
    }

    /**
     * Complaints per week as bars: the last {@link #CHART_WEEKS} weeks up to last week (or the latest week with
     * signals, if later), from the problem's first week if that is later but at least eight weeks. Weeks without
     * signals are zero bars.
     */
    static List<Bar> bars(List<WeekFigure> weeks, LocalDate lastWeek) {
        if (weeks.isEmpty()) {
            return List.of();
        }
        // up to last week: the running week is partial and would always look like a drop
        LocalDate end = lastWeek;
        LocalDate start = end.minusWeeks(CHART_WEEKS - 1);
        // from the problem's first week, but never fewer than eight weeks: one bar alone says nothing
        LocalDate first = weeks.getFirst().weekStart(), least = end.minusWeeks(Problems.BASELINE_WEEKS - 1);
        if (first.isAfter(start)) {
            start = first.isBefore(least) ? first : least;
        }
        var byWeek = new java.util.HashMap<LocalDate, WeekFigure>();
        weeks.forEach(w -> byWeek.put(w.weekStart(), w));
        int n = (int) ChronoUnit.WEEKS.between(start, end) + 1;
        long max = 0;
        for (LocalDate w = start; !w.isAfter(end); w = w.plusWeeks(1)) {
            max = Math.max(max, byWeek.containsKey(w) ? byWeek.get(w).complaints() : 0);
        }
        int plot = CHART_HEIGHT - CHART_TOP - CHART_BOTTOM, slot = CHART_WIDTH / Math.max(n, 1);
        int width = Math.max(2, Math.min(48, slot * 3 / 4));
        var bars = new ArrayList<Bar>();
        int i = 0;
        for (LocalDate w = start; !w.isAfter(end); w = w.plusWeeks(1), i++) {
            WeekFigure f = byWeek.get(w);
            long c = f == null ? 0 : f.complaints();
            int h = max == 0 ? 0 : (int) Math.round(c * (double) plot / max);
            if (c > 0 && h == 0) {
                h = 1;
            }
            bars.add(new Bar(Problems.weekLabel(w), c, f == null ? 0 : f.signals(), i * slot + (slot - width) / 2,
                    CHART_TOP + plot - h, width, h));
        }
        return bars;
    }

    /** An event as the page of problem {@code id} shows it; {@code otherId} is the other problem, if any. */
    static Event event(long id, ProblemEvent e) {
        Long other = e.problemId() == id ? e.otherId() : Long.valueOf(e.problemId());
        // a merge into this problem that still stands can be undone from here
        Long undoable = e.kind().isMerge() && e.undoneBy() == null && Long.valueOf(id).equals(e.otherId()) ? e.id() : null;
        return new Event(e.at(), e.kind().code(), e.actor(), e.detail() == null ? "" : e.detail(), other,
                e.undoneBy() != null, undoable);
    }

    private List<LinkedInsight> linkedInsights(long id) {
        return insights.list(Set.of()).stream().filter(i -> i.content().problemIds().contains(id))
                .sorted(Comparator.comparing(Insight::id))
                .map(i -> new LinkedInsight(i.id().value(), i.content().title(), i.state().code())).toList();
    }

    // ---- analysts' changes -------------------------------------------------------------------------------------

    @PostMapping("/problems/{id}/rename")
    String rename(@PathVariable String id, @RequestParam(required = false) String label,
            @RequestParam(defaultValue = "false") boolean automatic, Principal user, RedirectAttributes flash) {
        long pid = id(id);
        if (automatic) {
            // a blank label is the problems module's way back to the automatic one (as in the API)
            Problem p = problems.rename(ProblemId.lookup(pid), "", user.getName());
            flash.addFlashAttribute("flash", "Back to the automatic label '" + p.label() + "'.");
            return back(pid);
        }
        if (label == null || label.isBlank()) {
            throw new IllegalArgumentException("label must not be blank: give problem " + pid + " a name");
        }
        Problem p = problems.rename(ProblemId.lookup(pid), label, user.getName());
        flash.addFlashAttribute("flash", "Renamed to '" + p.label() + "'.");
        return back(pid);
    }

    /**
     * The problem page's merge once went here and refused bad input on a page of its own: it now leads to the merge
     * preview (a GET the analyst can reload), where every mistake is said beside the field.
     */
    @PostMapping("/problems/{id}/merge")
    String merge(@PathVariable String id, @RequestParam(required = false) String from) {
        return "redirect:" + SearchPages.previewLink(String.valueOf(id(id)), from == null ? null : shown(from));
    }

    @PostMapping("/problems/{id}/split")
    String split(@PathVariable String id, @RequestParam(required = false) List<String> signalIds,
            @RequestParam(required = false) String label, Principal user, RedirectAttributes flash) {
        long pid = id(id);
        if (signalIds == null || signalIds.isEmpty()) {
            throw new IllegalArgumentException("signalIds: tick at least one example of problem " + pid + " to split off");
        }
        Problem created = problems.split(ProblemId.lookup(pid), signalIds, label, user.getName());
        flash.addFlashAttribute("flash", "Split " + signalIds.size() + (signalIds.size() == 1 ? " example" : " examples")
                + " off problem " + pid + " into this new problem.");
        return back(created.id());
    }

    @PostMapping("/problems/{id}/pin")
    String pin(@PathVariable String id, @RequestParam(required = false) String pinned, Principal user,
            RedirectAttributes flash) {
        long pid = id(id);
        boolean pin = switch (pinned == null ? "" : pinned.strip().toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalArgumentException("pinned must be true or false, was '" + shown(pinned) + "'");
        };
        problems.pin(ProblemId.lookup(pid), pin, user.getName());
        flash.addFlashAttribute("flash", pin ? "Pinned: the consolidation pass will not merge it."
                : "Unpinned: the consolidation pass may merge it again.");
        return back(pid);
    }

    @PostMapping("/problems/{id}/resolve")
    String resolve(@PathVariable String id, Principal user, RedirectAttributes flash) {
        long pid = id(id);
        problems.resolve(ProblemId.lookup(pid), user.getName());
        flash.addFlashAttribute("flash", "Resolved: new signals that join it count toward a regression.");
        return back(pid);
    }

    @PostMapping("/problems/{id}/reopen")
    String reopen(@PathVariable String id, Principal user, RedirectAttributes flash) {
        long pid = id(id);
        problems.reopen(ProblemId.lookup(pid), user.getName());
        flash.addFlashAttribute("flash", "Reopened.");
        return back(pid);
    }

    // ---- helpers -----------------------------------------------------------------------------------------------

    private static String back(long id) {
        return "redirect:/problems/" + id;
    }

    private static long id(String value) {
        return number("problem id", value);
    }

    private static long number(String what, String value) {
        String v = value == null ? "" : value.strip();
        try {
            long n = Long.parseLong(v);
            if (n > 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(what + " must be a positive whole number, was '" + shown(value) + "'");
    }

    /** A value echoed in a message: on one line and short (the error page masks it too). */
    static String shown(String value) {
        String v = String.valueOf(value).replaceAll("\\s+", " ");
        return v.length() <= 60 ? v : v.substring(0, 60) + "…";
    }
}
