package com.zeromission.feedback.internal;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import com.zeromission.intake.IntakeService;
import com.zeromission.intake.RawSignal;
import com.zeromission.intake.SignalSubmission;
import com.zeromission.limits.ClientAddresses;
import com.zeromission.limits.RateLimits;
import com.zeromission.markets.Market;
import com.zeromission.markets.Product;
import com.zeromission.privacy.TextMasker;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The public feedback form: {@code GET /feedback?lang=sv} shows it, {@code POST /feedback} stores what was written
 * as a feedback-form signal through intake (so it is masked like everything else) and says thank you. A client that
 * sent too many is answered 429 with Retry-After and nothing is stored. Only stored messages count against the budget
 * (a refused or invalid post costs the client nothing, so a customer who fixes a too-short message is not slowed
 * down by the attempt); the budget is shared by all instances and the client is found behind trusted proxies
 * ({@link RateLimits}, {@link ClientAddresses}). A post may carry the page's session replay ({@code replayId}, a
 * hidden field the recorder fills in): an empty one is none, a malformed one is refused like any other bad field, a
 * valid one goes with the signal (the replay module links them).
 */
@Controller
class FeedbackController {

    static final List<String> LANGUAGES = List.of("en", "sv");
    // the choices the form offers; what a post may name is the shared vocabulary (Market, Product), as everywhere
    static final List<String> MARKETS = List.of("SE", "NO", "DK", "FI", "DE", "AT", "NL", "GB", "US");
    static final List<String> PRODUCTS = List.of("pay-later", "pay-in-3", "pay-now", "financing", "card", "app");
    static final int MIN_TEXT = 10, MAX_TEXT = 2_000;

    private static final TextMasker MASKER = TextMasker.standard();

    private final IntakeService intake;
    private final MessageSource messages;
    private final Clock clock;
    private final RateLimits limits;
    private final RateLimits.Budget budget;
    private final ClientAddresses clients;

    FeedbackController(IntakeService intake, MessageSource messages, Clock clock, RateLimits limits,
            ClientAddresses clients, @Value("${zeromission.feedback.rate-limit:5}") int limit,
            @Value("${zeromission.feedback.rate-window:PT10M}") Duration window) {
        this.intake = intake;
        this.messages = messages;
        this.clock = clock;
        this.limits = limits;
        this.clients = clients;
        this.budget = new RateLimits.Budget("feedback", limit, window);
    }

    /** {@code ?replay=<uuid>}: the session of the page that linked here; anything else is no replay. */
    @GetMapping("/feedback")
    String form(@RequestParam(required = false) String lang, @RequestParam(required = false) @Nullable String replay,
            HttpServletRequest request, Model model) {
        String page = show(model, language(lang, request), null, "", "", "");
        UUID linked = replay == null ? null : SignalSubmission.replayId(replay.strip());
        model.addAttribute("replayId", linked == null ? "" : linked.toString());
        return page;
    }

    @PostMapping("/feedback")
    String submit(@RequestParam(required = false) String lang, @RequestParam(defaultValue = "") String message,
            @RequestParam(defaultValue = "") String market, @RequestParam(defaultValue = "") String product,
            @RequestParam(defaultValue = "") String replayId,
            HttpServletRequest request, HttpServletResponse response, Model model) {
        String language = language(lang, request);
        String client = clients.budgetSubject(request);
        // A client over its budget is refused whatever it sends; the check itself counts nothing.
        var decision = limits.check(budget, client);
        if (!decision.allowed()) {
            return slowDown(decision, language, response, model);
        }
        String text = message.strip();
        String error = null;
        String refusal = null; // the vocabulary's own words for a refused market or product, as every entry point gives
        if (text.length() < MIN_TEXT) {
            error = "error.short";
        } else if (text.length() > MAX_TEXT) {
            error = "error.long";
        } else if (!market.isEmpty() && (refusal = refusal(() -> Market.of(market))) != null) {
            error = "error.market";
        } else if (!product.isEmpty() && (refusal = refusal(() -> Product.of(product))) != null) {
            error = "error.product";
        } else if (!replayId.isBlank() && SignalSubmission.replayId(replayId.strip()) == null) {
            // the recorder puts its session id in a hidden field: anything else was not sent by the form's page
            error = "error.replay";
        }
        if (error != null) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            show(model, language, error, text.length() > MAX_TEXT ? "" : text, market, product);
            // a refused id is not shown again: the recorder fills the field in afresh
            model.addAttribute("replayId", "error.replay".equals(error) ? "" : replayId.strip());
            model.addAttribute("refusal", refusal == null ? null : MASKER.mask(refusal).text());
            return "feedback/form";
        }
        // Counted only now that the message will be stored, atomically: of concurrent posts only the budget's get in.
        decision = limits.tryAcquire(budget, client);
        if (!decision.allowed()) {
            return slowDown(decision, language, response, model);
        }
        intake.accept(SignalSubmission.parse(new RawSignal("feedback-form", UUID.randomUUID().toString(), "feedback-form",
                market.isEmpty() ? "SE" : market, product.isEmpty() ? "unknown" : product, "unknown",
                clock.instant().toString(), language, text, null, null, null,
                replayId.isBlank() ? null : replayId.strip()), clock));
        // post/redirect/get: reloading the confirmation must not send the message again
        return "redirect:/feedback/thanks?lang=" + language;
    }

    @GetMapping("/feedback/thanks")
    String thanks(@RequestParam(required = false) String lang, HttpServletRequest request, Model model) {
        String language = language(lang, request);
        model.addAttribute("t", texts(language));
        model.addAttribute("lang", language);
        return "feedback/thanks";
    }

    private String slowDown(RateLimits.Decision decision, String language, HttpServletResponse response, Model model) {
        response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
        response.setHeader("Retry-After", String.valueOf(decision.retryAfterSeconds()));
        var t = texts(language);
        long minutes = Math.max(1, (decision.retryAfterSeconds() + 59) / 60);
        t.put("slow.text", messages.getMessage("feedback.slow.text", new Object[] {minutes}, Locale.forLanguageTag(language)));
        model.addAttribute("t", t);
        model.addAttribute("lang", language);
        return "feedback/slow-down";
    }

    /** Why the vocabulary refuses a value (its message names the value), or null when it takes it. */
    private static @Nullable String refusal(Runnable check) {
        try {
            check.run();
            return null;
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
    }

    private String show(Model model, String language, String error, String message, String market, String product) {
        var t = texts(language);
        model.addAttribute("t", t);
        model.addAttribute("lang", language);
        model.addAttribute("error", error == null ? null : t.get(error));
        model.addAttribute("message", message);
        model.addAttribute("market", market);
        model.addAttribute("product", product);
        model.addAttribute("markets", MARKETS);
        model.addAttribute("products", PRODUCTS);
        model.addAttribute("maxText", MAX_TEXT);
        model.addAttribute("replayId", "");
        return "feedback/form";
    }

    /** The page's texts in its language (i18n/feedback_en.properties, _sv), keyed without the "feedback." prefix. */
    private Map<String, String> texts(String language) {
        var locale = Locale.forLanguageTag(language);
        var keys = List.of("title", "intro", "message", "market", "product", "any", "send", "thanks.title", "thanks.text",
                "again", "slow.title", "slow.text", "error.short", "error.long", "error.market", "error.product", "error.replay",
                "other", "replay.question", "replay.yes", "replay.note");
        var map = new java.util.LinkedHashMap<String, String>();
        for (String k : keys) {
            map.put(k, messages.getMessage("feedback." + k, new Object[] {MIN_TEXT, MAX_TEXT}, locale));
        }
        return map;
    }

    /** ?lang= first, then the browser's Accept-Language, then English. */
    static String language(String lang, HttpServletRequest request) {
        if (lang != null && LANGUAGES.contains(lang.strip().toLowerCase(Locale.ROOT))) {
            return lang.strip().toLowerCase(Locale.ROOT);
        }
        var preferred = request.getLocale();
        return preferred != null && LANGUAGES.contains(preferred.getLanguage()) ? preferred.getLanguage() : "en";
    }
}
