package com.zeromission.pages;

import java.security.Principal;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

import com.zeromission.intake.Channel;
import com.zeromission.intake.JourneyStage;
import com.zeromission.problems.ProblemChangeRefusedException;
import com.zeromission.problems.ProblemEvent;
import com.zeromission.problems.ProblemId;
import com.zeromission.problems.ProblemNotFoundException;
import com.zeromission.problems.ProblemViews.MergePreview;
import com.zeromission.problems.ProblemViews.SignalHit;
import com.zeromission.problems.ProblemViews.SignalPage;
import com.zeromission.problems.Problems;
import com.zeromission.problems.SignalQuery;
import com.zeromission.problems.SignalQuery.InvalidSignalQueryException;
import com.zeromission.problems.SignalSearch;
import com.zeromission.privacy.TextMasker;

import jakarta.servlet.http.HttpServletResponse;

/**
 * Reading the real cases: the search page (the masked texts, with filters, newest first, a page at a time, each with
 * the problem it belongs to), and for analysts the merge preview that search results and problem pages lead to (what
 * moves, the counts before and after), the merge itself, and its undo. Mistakes and refusals are shown on the page
 * itself, in plain words, with the form to correct them; nothing is changed then.
 */
@Controller
class SearchPages {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT)
            .withZone(ZoneOffset.UTC);
    private static final TextMasker MASKER = TextMasker.standard();
    /** Problem numbers typed where words could be: "12", "12, 15". */
    private static final java.util.regex.Pattern NUMBERS = java.util.regex.Pattern.compile("[\\d,\\s]+");
    /** How many of the best matching signals name the problems offered for a merge. */
    static final int CANDIDATE_SIGNALS = Math.min(100, SignalQuery.MAX_SIZE);

    private final SignalSearch search;
    private final Problems problems;

    SearchPages(SignalSearch search, Problems problems) {
        this.search = search;
        this.problems = problems;
    }

    /** The search form as typed, so it shows again with the results or the errors. */
    public record Form(String q, String market, String product, String channel, String journeyStage, String from,
            String to, String problem, String size) {
    }

    /** One found signal as shown: its masked text, one line of where and when, and its problem (null: not grouped). */
    public record Hit(String text, String about, Long problemId, String problemLabel) {
    }

    // ---- search ------------------------------------------------------------------------------------------------

    @GetMapping("/search")
    String search(@RequestParam(required = false) String q, @RequestParam(required = false) String market,
            @RequestParam(required = false) String product, @RequestParam(required = false) String channel,
            @RequestParam(required = false) String journeyStage, @RequestParam(required = false) String from,
            @RequestParam(required = false) String to, @RequestParam(required = false) String problem,
            @RequestParam(required = false) String page, @RequestParam(required = false) String size, Model model,
            HttpServletResponse response) {
        var form = new Form(shown(q), shown(market), shown(product), shown(channel), shown(journeyStage), shown(from),
                shown(to), shown(problem), shown(size));
        model.addAttribute("form", form);
        model.addAttribute("channels", java.util.Arrays.stream(Channel.values()).map(Channel::code).toList());
        model.addAttribute("stages", java.util.Arrays.stream(JourneyStage.values()).map(JourneyStage::code).toList());
        model.addAttribute("errors", List.of());
        SignalQuery query;
        try {
            query = SignalQuery.parse(q, market, product, channel, journeyStage, from, to, problem, page, size);
        } catch (InvalidSignalQueryException e) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("errors", e.violations().stream().map(SignalQuery.Violation::sentence).toList());
            return "pages/search";
        }
        String problemLabel = null;
        if (query.problemId() != null) {
            try {
                problemLabel = problems.get(ProblemId.lookup(query.problemId())).label();
            } catch (ProblemNotFoundException e) {
                response.setStatus(HttpStatus.NOT_FOUND.value());
                model.addAttribute("errors", List.of("There is no problem " + query.problemId() + "."));
                return "pages/search";
            }
        }
        SignalPage found = search.search(query);
        model.addAttribute("found", found);
        model.addAttribute("problemLabel", problemLabel);
        model.addAttribute("hits", found.signals().stream().map(SearchPages::hit).toList());
        long first = (long) (found.page() - 1) * found.size() + 1;
        model.addAttribute("first", first);
        model.addAttribute("last", first + found.signals().size() - 1);
        model.addAttribute("summary", (found.total() == 1 ? "signal" : "signals")
                + (problemLabel == null ? "" : " of problem " + query.problemId() + " (" + problemLabel + ")")
                + (found.signals().isEmpty() ? "" : ", " + first + "–" + (first + found.signals().size() - 1)
                        + " shown (page " + found.page() + " of " + found.pages() + ")") + ".");
        model.addAttribute("previous", found.page() > 1 ? link(form, found.page() - 1) : null);
        model.addAttribute("next", found.page() < found.pages() ? link(form, found.page() + 1) : null);
        // the problems on this page, most hits first: the fragments an analyst may want to merge
        var byProblem = new LinkedHashMap<Long, long[]>();
        var labels = new LinkedHashMap<Long, String>();
        for (SignalHit h : found.signals()) {
            if (h.problemId() != null) {
                byProblem.computeIfAbsent(h.problemId(), k -> new long[1])[0]++;
                labels.putIfAbsent(h.problemId(), h.problemLabel());
            }
        }
        model.addAttribute("problemsOnPage", byProblem.entrySet().stream()
                .sorted(Map.Entry.<Long, long[]>comparingByValue((a, b) -> Long.compare(b[0], a[0])))
                .map(e -> new ProblemOnPage(e.getKey(), labels.get(e.getKey()), e.getValue()[0])).toList());
        return "pages/search";
    }

    public record ProblemOnPage(long id, String label, long hits) {
    }

    private static Hit hit(SignalHit h) {
        return new Hit(h.text(), ProblemPages.about(h.market(), h.product(), h.channel(), h.journeyStage(),
                h.language() == null ? null : "language " + h.language(), "received " + WHEN.format(h.receivedAt())),
                h.problemId(), h.problemLabel());
    }

    private static String link(Form f, int page) {
        var b = UriComponentsBuilder.fromPath("/search");
        param(b, "q", f.q());
        param(b, "market", f.market());
        param(b, "product", f.product());
        param(b, "channel", f.channel());
        param(b, "journeyStage", f.journeyStage());
        param(b, "from", f.from());
        param(b, "to", f.to());
        param(b, "problem", f.problem());
        param(b, "size", f.size());
        b.queryParam("page", page);
        return b.encode().build().toUriString();
    }

    private static void param(UriComponentsBuilder b, String name, String value) {
        if (value != null && !value.isBlank()) {
            b.queryParam(name, value);
        }
    }

    // ---- merge: preview, confirm, undo -------------------------------------------------------------------------

    /**
     * {@code GET /problems/merge?into=12&from=15}: what merging problem 15 (or several: "15, 16") into problem 12 would
     * move, and the counts before and after. Changes nothing.
     */
    @GetMapping("/problems/merge")
    String preview(@RequestParam(required = false) String into, @RequestParam(required = false) String from,
            @RequestParam(required = false) String q, Model model, HttpServletResponse response) {
        // "find": words to search the problems by, or their numbers typed straight in
        if ((from == null || from.isBlank()) && q != null && NUMBERS.matcher(q).matches()) {
            from = q;
            q = null;
        }
        model.addAttribute("into", shown(into));
        model.addAttribute("from", shown(from));
        model.addAttribute("q", shown(q));
        long target;
        try {
            Long given = number("The problem to merge into", into);
            if (given == null) {
                throw new IllegalArgumentException("Say which problem to merge into.");
            }
            model.addAttribute("target", problems.get(ProblemId.lookup(given)));
            target = given;
        } catch (IllegalArgumentException | ProblemNotFoundException e) {
            // said beside the "into" field
            response.setStatus(e instanceof ProblemNotFoundException ? HttpStatus.NOT_FOUND.value() : HttpStatus.BAD_REQUEST.value());
            model.addAttribute("intoError", plain(e));
            return "pages/merge-preview";
        }
        try {
            if ((from == null || from.isBlank()) && q != null && !q.isBlank()) {
                return candidates(target, q, model);
            }
            List<Long> moving = numbers(from);
            if (moving.isEmpty()) {
                throw new IllegalArgumentException("Find the problems to merge into problem " + target
                        + " by their words, or give their numbers.");
            }
            MergePreview preview = problems.previewMerge(ProblemId.lookup(target), ids(moving));
            model.addAttribute("preview", preview);
            model.addAttribute("examples", preview.moving().stream().map(m -> m.examples().stream().map(e ->
                    new ProblemPages.ExampleView(e.signalId(), e.text(), ProblemPages.about(e.market(), e.product(),
                            e.channel(), e.language() == null ? null : "language " + e.language(),
                            e.receivedAt() == null ? null : "received " + WHEN.format(e.receivedAt())))).toList()).toList());
            model.addAttribute("fromIds", String.join(", ", moving.stream().map(String::valueOf).toList()));
        } catch (RuntimeException e) {
            return refusedPreview(e, model, response);
        }
        return "pages/merge-preview";
    }

    /** Words typed to find the problems to merge: the problems of the best matching signals, the target left out. */
    private String candidates(long target, String q, Model model) {
        SignalQuery query;
        try {
            query = SignalQuery.parse(q, null, null, null, null, null, null, null, "1", String.valueOf(CANDIDATE_SIGNALS));
        } catch (InvalidSignalQueryException e) {
            model.addAttribute("error", e.violations().stream().map(SignalQuery.Violation::sentence)
                    .collect(java.util.stream.Collectors.joining(" ")));
            return "pages/merge-preview";
        }
        var hits = new LinkedHashMap<Long, long[]>();
        var labels = new LinkedHashMap<Long, String>();
        for (SignalHit h : search.search(query).signals()) {
            if (h.problemId() != null && h.problemId() != target) {
                hits.computeIfAbsent(h.problemId(), k -> new long[1])[0]++;
                labels.putIfAbsent(h.problemId(), h.problemLabel());
            }
        }
        var found = hits.entrySet().stream()
                .sorted(Map.Entry.<Long, long[]>comparingByValue((a, b) -> Long.compare(b[0], a[0])))
                .map(e -> new ProblemOnPage(e.getKey(), labels.get(e.getKey()), e.getValue()[0])).toList();
        model.addAttribute("candidates", found);
        if (found.isEmpty()) {
            model.addAttribute("error", "No other problem has signals with the words '" + shown(q) + "': try other words.");
        }
        return "pages/merge-preview";
    }

    /**
     * The preview's confirmation: merges, then shows the problem the others went into, with an Undo button. A refusal
     * goes back to the preview's own address with the reason, so the page can be reloaded and corrected.
     */
    @PostMapping("/problems/merge")
    String merge(@RequestParam(required = false) String into, @RequestParam(required = false) String from,
            Principal user, RedirectAttributes flash) {
        try {
            Long target = number("The problem to merge into", into);
            List<Long> moving = numbers(from);
            if (target == null || moving.isEmpty()) {
                throw new IllegalArgumentException("Say which problem to merge into which.");
            }
            var before = problems.previewMerge(ProblemId.lookup(target), ids(moving));
            List<ProblemEvent> events = problems.merge(ProblemId.lookup(target), ids(moving), user.getName());
            long moved = before.moving().stream().mapToLong(m -> m.problem().signals()).sum();
            flash.addFlashAttribute("flash", "Merged " + (moving.size() == 1 ? "problem " : "problems ")
                    + String.join(", ", moving.stream().map(String::valueOf).toList()) + " into this one: " + moved
                    + (moved == 1 ? " signal" : " signals") + " moved.");
            flash.addFlashAttribute("undo", events.stream().map(e -> new Undo(e.id(), e.problemId())).toList());
            return "redirect:/problems/" + target;
        } catch (ProblemNotFoundException | ProblemChangeRefusedException | IllegalArgumentException e) {
            flash.addFlashAttribute("refused", plain(e));
            return "redirect:" + previewLink(shown(into), shown(from));
        }
    }

    /** The preview's address for what was typed. */
    static String previewLink(String into, String from) {
        var b = UriComponentsBuilder.fromPath("/problems/merge");
        param(b, "into", into);
        param(b, "from", from);
        return b.encode().build().toUriString();
    }

    /** An Undo button: undoes merge {@code event}, which moved problem {@code problemId}. */
    public record Undo(long event, long problemId) {
    }

    /** {@code POST /problems/merges/{event}/undo}: the merged problem comes back with its signals. */
    @PostMapping("/problems/merges/{event}/undo")
    String undo(@PathVariable String event, @RequestParam(required = false) String back, Principal user,
            RedirectAttributes flash) {
        long id;
        try {
            id = Long.parseLong(event.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + ProblemPages.shown(event) + "' is not the number of a merge");
        }
        try {
            ProblemEvent undo = problems.undo(id, user.getName());
            long restored = undo.problemId();
            flash.addFlashAttribute("flash", "Merge undone: problem " + restored + " is back with its "
                    + problems.get(ProblemId.of(restored)).signals() + " signals, and it will not be merged with problem " + undo.otherId()
                    + " automatically again.");
            return "redirect:/problems/" + restored;
        } catch (ProblemChangeRefusedException e) {
            // a merge undone already, or its problem merged on since: said on the page the analyst came from
            flash.addFlashAttribute("flashError", "Could not undo: " + plain(e));
            Long page = null;
            try {
                page = number("back", back);
            } catch (IllegalArgumentException ignored) {
                // no page to go back to: the list
            }
            return page == null ? "redirect:/problems" : "redirect:/problems/" + page;
        }
    }

    private String refusedPreview(RuntimeException e, Model model, HttpServletResponse response) {
        HttpStatus status = switch (e) {
            case ProblemNotFoundException n -> HttpStatus.NOT_FOUND;
            case ProblemChangeRefusedException r -> HttpStatus.CONFLICT;
            case IllegalArgumentException i -> HttpStatus.BAD_REQUEST;
            default -> throw e;
        };
        response.setStatus(status.value());
        model.addAttribute("error", plain(e));
        return "pages/merge-preview";
    }

    /** A refusal in a user's words: masked, starting with a capital, ending with a full stop. */
    private static String plain(RuntimeException e) {
        String m = e instanceof ProblemNotFoundException n ? "There is no problem " + n.id()
                : MASKER.mask(String.valueOf(e.getMessage())).text();
        m = m.isEmpty() ? m : Character.toUpperCase(m.charAt(0)) + m.substring(1);
        return m.endsWith(".") ? m : m + ".";
    }

    private static @Nullable Long number(String what, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            long n = Long.parseLong(value.strip());
            if (n > 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // below
        }
        throw new IllegalArgumentException(what + " must be a problem number such as 12, not '" + ProblemPages.shown(
                MASKER.mask(value).text()) + "'");
    }

    private static List<Long> numbers(String value) {
        var ids = new LinkedHashSet<Long>();
        if (value != null) {
            for (String part : value.split("[,\\s]+")) {
                if (!part.isBlank()) {
                    ids.add(number("The problem to merge", part));
                }
            }
        }
        if (ids.size() > ProblemPages.MAX_MERGE) {
            throw new IllegalArgumentException("At most " + ProblemPages.MAX_MERGE + " problems can be merged at once");
        }
        return new ArrayList<>(ids);
    }

    /** A typed value shown again in a form: masked, at most 200 characters. */
    private static @Nullable String shown(String value) {
        if (value == null) {
            return null;
        }
        String v = MASKER.mask(value).text();
        return v.length() <= 200 ? v : v.substring(0, 200);
    }

    /** Problem numbers as typed, as ids: one that cannot be an id is an unknown problem, as any other unknown number. */
    private static List<ProblemId> ids(List<Long> numbers) {
        return numbers.stream().map(ProblemId::lookup).toList();
    }
}
