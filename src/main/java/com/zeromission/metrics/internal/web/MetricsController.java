package com.zeromission.metrics.internal.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.http.ProblemDetail;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.zeromission.intake.DayRange;
import com.zeromission.markets.Market;
import com.zeromission.markets.Product;
import com.zeromission.markets.Scope;
import com.zeromission.metrics.CpmQuery;
import com.zeromission.metrics.CpmRow;
import com.zeromission.metrics.CpmService;
import com.zeromission.metrics.Dimension;
import com.zeromission.metrics.Period;
import com.zeromission.metrics.PurchaseCount;
import com.zeromission.metrics.PurchaseImporter;
import com.zeromission.metrics.Purchases;
import com.zeromission.metrics.TargetNotFoundException;
import com.zeromission.metrics.TargetProgress;
import com.zeromission.metrics.Targets;
import com.zeromission.web.InvalidParametersException;
import com.zeromission.web.InvalidRequests;
import com.zeromission.web.ParameterError;

/** CPM, purchases and targets over HTTP. Bad input is a 400 that names the parameter and its value. */
@RestController
// every parameter is checked here and named in the answer; a value refused elsewhere is a generic error
@InvalidRequests(title = "Invalid metrics request", valueRefusals = false)
@RequestMapping("/api/v1")
class MetricsController {

    private final CpmService cpm;
    private final Purchases purchases;
    private final Targets targets;
    private final PurchaseImporter importer;
    private final java.time.Clock clock;

    MetricsController(CpmService cpm, Purchases purchases, Targets targets, PurchaseImporter importer, java.time.Clock clock) {
        this.importer = importer;
        this.cpm = cpm;
        this.purchases = purchases;
        this.targets = targets;
        this.clock = clock;
    }

    record CpmResponse(String period, LocalDate from, LocalDate to, List<String> by, double confidence, List<CpmRow> rows) {
    }

    /** CPM per period, e.g. {@code /api/v1/cpm?period=week&from=2026-01-01&to=2026-03-31&by=market,product}. */
    @GetMapping("/cpm")
    CpmResponse cpm(@RequestParam(defaultValue = "year") String period, @RequestParam(required = false) String from,
            @RequestParam(required = false) String to, @RequestParam(required = false) String by,
            @RequestParam(required = false) String market, @RequestParam(required = false) String product,
            @RequestParam(required = false) String channel) {
        var errors = new ArrayList<ParameterError>();
        Period p = parse(errors, "period", period, Period::parse);
        LocalDate f = parse(errors, "from", from == null ? "2024-01-01" : from, LocalDate::parse);
        LocalDate t = parse(errors, "to", to == null ? LocalDate.now(clock).toString() : to, LocalDate::parse);
        Set<Dimension> dims = parse(errors, "by", by == null ? "" : by, v -> {
            var set = EnumSet.noneOf(Dimension.class);
            Arrays.stream(v.split(",")).map(String::strip).filter(x -> !x.isEmpty()).map(Dimension::parse).forEach(set::add);
            return set;
        });
        if (market != null && !market.isBlank()) {
            parse(errors, "market", market, Market::of);
        }
        if (product != null && !product.isBlank()) {
            parse(errors, "product", product, Product::of);
        }
        if (channel != null && !CpmService.COMPLAINT_CHANNELS.contains(channel.strip())) {
            errors.add(new ParameterError("channel", channel, "must be one of " + CpmService.COMPLAINT_CHANNELS));
        }
        CpmQuery q = null;
        if (errors.isEmpty()) {
            q = parse(errors, "to", to, x -> new CpmQuery(p, f, t, dims, market, product, channel));
        }
        if (!errors.isEmpty()) {
            throw new InvalidParametersException(errors);
        }
        return new CpmResponse(p.name().toLowerCase(), q.firstDay(), q.lastDay(),
                dims.stream().map(d -> d.name().toLowerCase()).toList(), CpmService.CONFIDENCE, cpm.query(q));
    }

    record PurchaseBody(String day, String market, String product, Long purchases) {
    }

    record PurchasesBody(String source, List<PurchaseBody> purchases) {
    }

    /** Idempotent upsert of daily purchase counts; all-or-nothing for the batch. */
    @PutMapping("/purchases")
    Purchases.Stored putPurchases(@RequestBody PurchasesBody body) {
        var errors = new ArrayList<ParameterError>();
        if (body == null || body.purchases() == null) {
            throw new InvalidParametersException(List.of(new ParameterError("purchases", null, "is required: a list of {day, market, product, purchases}")));
        }
        if (body.purchases().size() > Purchases.MAX_BATCH) {
            throw new InvalidParametersException(List.of(new ParameterError("purchases", null,
                    "has " + body.purchases().size() + " items; at most " + Purchases.MAX_BATCH)));
        }
        var counts = new ArrayList<PurchaseCount>(body.purchases().size());
        var days = DayRange.upToToday(clock);
        for (int i = 0; i < body.purchases().size(); i++) {
            PurchaseBody b = body.purchases().get(i);
            String at = "purchases[" + i + "]";
            if (b == null) {
                errors.add(new ParameterError(at, null, "is null"));
                continue;
            }
            LocalDate day = parse(errors, at + ".day", b.day(), x -> days.require("day", LocalDate.parse(x)));
            if (b.purchases() == null) {
                errors.add(new ParameterError(at + ".purchases", null, "is required"));
                continue;
            }
            // each value on its own, in the shared vocabulary, so the answer names the field and the value
            Market market = parse(errors, at + ".market", b.market(), Market::of);
            Product product = parse(errors, at + ".product", b.product(), Product::of);
            if (b.purchases() < 0) {
                errors.add(new ParameterError(at + ".purchases", String.valueOf(b.purchases()), "must be >= 0"));
                continue;
            }
            if (day != null && market != null && product != null) {
                int before = errors.size();
                PurchaseCount c = parse(errors, at + ".purchases", String.valueOf(b.purchases()),
                        x -> new PurchaseCount(day, market.code(), product.code(), b.purchases()));
                if (errors.size() == before) {
                    counts.add(c);
                }
            }
        }
        String source = body.source() == null ? "api" : body.source();
        if (!errors.isEmpty()) {
            throw new InvalidParametersException(errors);
        }
        try {
            return purchases.upsert(counts, source);
        } catch (IllegalArgumentException e) {
            throw new InvalidParametersException(List.of(new ParameterError("source", source, e.getMessage())));
        }
    }

    /** Upload of a purchases CSV (day,market,product,purchases) as a text/csv body. */
    @PostMapping(path = "/purchases/imports", consumes = {"text/csv", "application/csv", "text/plain"})
    PurchaseImporter.Report importPurchases(jakarta.servlet.http.HttpServletRequest request,
            @RequestParam(defaultValue = "upload") String source, @RequestParam(defaultValue = "UTF-8") String charset)
            throws java.io.IOException {
        java.nio.charset.Charset cs;
        try {
            cs = java.nio.charset.Charset.forName(charset);
        } catch (IllegalArgumentException e) {
            throw new InvalidParametersException(List.of(new ParameterError("charset", charset, "is not a known character set")));
        }
        try {
            return importer.importCsv(request.getInputStream(), cs, source);
        } catch (PurchaseImporter.UnreadablePurchaseFileException e) {
            throw new InvalidParametersException(List.of(new ParameterError("file", null, e.getMessage())));
        } catch (IllegalArgumentException e) {
            throw new InvalidParametersException(List.of(new ParameterError("source", source, e.getMessage())));
        }
    }

    record TargetBody(String market, String product, BigDecimal cpm) {
    }

    @GetMapping("/targets/{year}")
    List<Targets.Target> targets(@PathVariable int year) {
        return targets.list(year);
    }

    /** Sets (or replaces) the target of a year for a scope: body {"cpm": 28} for global, plus market or product. */
    @PutMapping("/targets/{year}")
    Targets.Target setTarget(@PathVariable int year, @RequestBody TargetBody body) {
        if (body == null) {
            throw new InvalidParametersException(List.of(new ParameterError("body", null, "is required: {market?, product?, cpm}")));
        }
        var errors = new ArrayList<ParameterError>();
        // market and product on their own first, so that a refusal names the field that holds the value
        checkScopeParts(errors, body.market(), body.product());
        Targets.Target t = errors.isEmpty() ? parse(errors, "cpm", String.valueOf(body.cpm()),
                x -> new Targets.Target(year, new Scope(body.market(), body.product()), body.cpm())) : null;
        if (!errors.isEmpty()) {
            throw new InvalidParametersException(errors);
        }
        return targets.set(t);
    }

    /** The year report against the target: figures so far, budget, projection and a sentence that says it all. */
    @GetMapping("/targets/{year}/progress")
    TargetProgress progress(@PathVariable int year, @RequestParam(required = false) String market,
            @RequestParam(required = false) String product, @RequestParam(required = false) String asOf) {
        var errors = new ArrayList<ParameterError>();
        checkScopeParts(errors, market, product);
        Scope scope = errors.isEmpty() ? parse(errors, "market", market + "/" + product, x -> Targets.requireTargetScope(new Scope(market, product))) : null;
        LocalDate day = asOf == null ? null : parse(errors, "asOf", asOf, LocalDate::parse);
        if (!errors.isEmpty()) {
            throw new InvalidParametersException(errors);
        }
        return targets.progress(year, scope, day);
    }

    @ExceptionHandler(TargetNotFoundException.class)
    ProblemDetail notFound(TargetNotFoundException e) {
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
        problem.setTitle("Target not found");
        return problem;
    }

    /** A scope's market and product in the shared vocabulary ({@code *} or nothing for all). */
    private static void checkScopeParts(List<ParameterError> errors, String market, String product) {
        if (market != null && !market.isBlank() && !market.strip().equals(Scope.ALL)) {
            parse(errors, "market", market, Market::of);
        }
        if (product != null && !product.isBlank() && !product.strip().equals(Scope.ALL)) {
            parse(errors, "product", product, Product::of);
        }
    }

    private interface Parser<T> {
        T parse(String value);
    }

    private static <T> @Nullable T parse(List<ParameterError> errors, String name, String value, Parser<T> parser) {
        try {
            return parser.parse(value);
        } catch (IllegalArgumentException | DateTimeParseException | NullPointerException e) {
            String reason = e instanceof DateTimeParseException ? "is not a date (YYYY-MM-DD)" : String.valueOf(e.getMessage());
            errors.add(new ParameterError(name, value, reason));
            return null;
        }
    }
}
