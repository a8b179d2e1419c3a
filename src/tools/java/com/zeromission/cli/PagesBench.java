package com.zeromission.cli;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Page latency as a person sees it: signs in to a running product through its sign-in form, as a browser does, and
 * requests every signed-in page a number of times after a warm-up, timing each request until the whole page has
 * arrived. {@link #PAGES} is the one list of pages: {@code PagesBenchTest} fails when a GET page of the {@code pages}
 * module is neither in it nor in {@link #NOT_TIMED}, so a new page cannot be forgotten.
 */
@Command(name = "pages", mixinStandardHelpOptions = true,
        description = {"Page latency of a running product (start one with: bin/zm serve --demo).",
                "Signs in through the sign-in form, requests every signed-in page --warm-up times (not timed), then "
                        + "--requests times each, and prints count, median, p95, p99 and max per page in ms.",
                "Exits 1 when a page's p95 is over --budget or a page does not answer 200."})
final class PagesBench implements Callable<Integer> {

    /** Who requests a page: every page a reader may see is timed as the analyst, the admin's pages as the admin. */
    enum Who { USER, ADMIN }

    /**
     * One page to time: its {@code @GetMapping}, and the path requested, whose {@code {placeholders}} are filled in
     * with ids the API gives (see {@link #IDS}).
     */
    record Page(String mapping, String path, Who who) {
        Page {
            if (!path.startsWith("/")) {
                throw new IllegalArgumentException("a page path starts with '/', was '" + path + "'");
            }
        }

        Page(String mapping, String path) {
            this(mapping, path, Who.USER);
        }

        Page(String mapping) {
            this(mapping, mapping, Who.USER);
        }
    }

    /** Every signed-in page, as its GET mapping in the pages module, with the request that shows it with content. */
    static final List<Page> PAGES = List.of(
            new Page("/"),
            new Page("/", "/?market=DE"),
            new Page("/weekly"),
            new Page("/reports/yearly"),
            new Page("/deadlines"),
            new Page("/problems"),
            new Page("/problems/{id}", "/problems/{problem}"),
            new Page("/problems/merge", "/problems/merge?into={problem}&from={problem2}"),
            new Page("/search", "/search?q=invoice"),
            new Page("/insights"),
            new Page("/insights/{id}", "/insights/{insight}"),
            new Page("/insights/new", "/insights/new?problem={problem}"),
            new Page("/insights/{id}/edit", "/insights/{insight}/edit"),
            new Page("/my-team"),
            new Page("/teams"),
            new Page("/callbacks"),
            new Page("/leaps"),
            new Page("/leaps/{id}", "/leaps/{leap}"),
            new Page("/mystery"),
            new Page("/mystery/runs/{id}", "/mystery/runs/{run}"),
            new Page("/imports"),
            new Page("/imports/{id}", "/imports/{import}"));

    /** GET mappings of the pages module that are not timed, and why. */
    static final Map<String, String> NOT_TIMED = Map.of(
            "/login", "the sign-in page is not a signed-in page",
            "/denied", "what a role that may not see a page is shown instead, not a page of its own",
            "/imports/{id}/progress", "an event stream that stays open while an import runs, not a page",
            "/replays/{id}", "needs a stored replay; the player's time to first frame is bin/zm bench player",
            "/replays/{id}/summary", "the JSON the player page fetches, not a page (timed by bin/zm bench player)",
            "/replays/{id}/events", "the JSON the player page fetches, not a page (timed by bin/zm bench player)");

    /** Where the ids for the placeholders come from: an API list and the JSON path to the ids in it. */
    record IdSource(String api, String arrayField, int index) {
    }

    static final Map<String, IdSource> IDS = Map.of(
            "problem", new IdSource("/api/v1/problems?limit=2", "problems", 0),
            "problem2", new IdSource("/api/v1/problems?limit=2", "problems", 1),
            "insight", new IdSource("/api/v1/insights", "", 0),
            "leap", new IdSource("/api/v1/leaps", "", 0),
            "run", new IdSource("/api/v1/mystery/runs", "", 0),
            "import", new IdSource("/api/v1/imports", "", 0));

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-z0-9]+)}");
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"|value=\"([^\"]+)\"\\s+name=\"_csrf\"");

    @Option(names = "--url", defaultValue = "http://localhost:8080", description = "The running product (default: ${DEFAULT-VALUE}).")
    URI url;

    @Option(names = "--user", defaultValue = "analyst", description = "Who signs in (default: ${DEFAULT-VALUE}).")
    String user;

    @Option(names = "--password", defaultValue = "demo", description = "Their password (default: ${DEFAULT-VALUE}).")
    String password;

    @Option(names = "--admin-user", defaultValue = "admin", description = "Who signs in for admin-only pages (default: ${DEFAULT-VALUE}).")
    String adminUser;

    @Option(names = "--admin-password", defaultValue = "demo", description = "Their password (default: ${DEFAULT-VALUE}).")
    String adminPassword;

    @Option(names = {"-n", "--requests"}, defaultValue = "50", description = "Timed requests per page (default: ${DEFAULT-VALUE}).")
    int requests;

    @Option(names = "--warm-up", defaultValue = "5", description = "Untimed requests per page first (default: ${DEFAULT-VALUE}).")
    int warmUp;

    @Option(names = "--budget", defaultValue = "200", description = "Highest acceptable p95 per page in ms (default: ${DEFAULT-VALUE}).")
    double budget;

    @Option(names = "--only", description = "Time only the pages whose path (as requested, or with its placeholder) contains this text, "
            + "e.g. --only /reports or --only /problems/.")
    String only;

    @Override
    public Integer call() throws IOException, InterruptedException {
        if (requests < 1 || warmUp < 0 || budget <= 0) {
            throw new picocli.CommandLine.ParameterException(new picocli.CommandLine(this),
                    "--requests must be at least 1, --warm-up at least 0 and --budget above 0; were " + requests + ", "
                            + warmUp + ", " + budget);
        }
        var sessions = new LinkedHashMap<Who, Session>();
        sessions.put(Who.USER, Session.signIn(url, user, password));
        var ids = ids(sessions.get(Who.USER));
        System.out.printf(Locale.ROOT, "%s, signed in as %s; %d warm-up and %d timed requests per page, one at a time "
                + "(Java %s, %d cores)%n", url, user, warmUp, requests, Runtime.version(),
                Runtime.getRuntime().availableProcessors());
        System.out.printf(Locale.ROOT, "%-40s %5s %8s %8s %8s %8s%n", "page", "count", "median", "p95", "p99", "max");
        int over = 0, failed = 0;
        for (Page page : PAGES) {
            String path;
            try {
                path = fill(page.path(), ids);
            } catch (IllegalStateException e) {
                if (only == null || page.path().contains(only)) {
                    System.out.printf(Locale.ROOT, "%-40s skipped: %s%n", page.path(), e.getMessage());
                }
                continue;
            }
            if (only != null && !path.contains(only) && !page.path().contains(only)) {
                continue;
            }
            Session session = page.who() == Who.ADMIN
                    ? sessions.computeIfAbsent(Who.ADMIN, w -> Session.signIn(url, adminUser, adminPassword))
                    : sessions.get(Who.USER);
            double[] millis;
            try {
                millis = time(session, path);
            } catch (IllegalStateException e) {
                System.out.printf(Locale.ROOT, "%-40s FAILED: %s%n", path, e.getMessage());
                failed++;
                continue;
            }
            Stats s = Stats.of(millis);
            boolean slow = s.p95() > budget;
            over += slow ? 1 : 0;
            System.out.printf(Locale.ROOT, "%-40s %5d %8.1f %8.1f %8.1f %8.1f%s%n", path, s.count(), s.median(), s.p95(),
                    s.p99(), s.max(), slow ? "  OVER BUDGET" : "");
        }
        if (over > 0 || failed > 0) {
            System.out.printf(Locale.ROOT, "%d page(s) with p95 over %.0f ms, %d page(s) failed.%n", over, budget, failed);
            return 1;
        }
        System.out.printf(Locale.ROOT, "Every page's p95 is within %.0f ms.%n", budget);
        return 0;
    }

    private double[] time(Session session, String path) throws IOException, InterruptedException {
        for (int i = 0; i < warmUp; i++) {
            session.page(path);
        }
        double[] millis = new double[requests];
        for (int i = 0; i < requests; i++) {
            long t0 = System.nanoTime();
            session.page(path);
            millis[i] = (System.nanoTime() - t0) / 1e6;
        }
        return millis;
    }

    /** The ids the placeholders need, read from the API once; a list that is empty leaves its placeholder unknown. */
    private static Map<String, Long> ids(Session session) throws IOException, InterruptedException {
        var json = JsonMapper.builder().build();
        var cache = new LinkedHashMap<String, JsonNode>();
        var ids = new LinkedHashMap<String, Long>();
        for (var e : IDS.entrySet()) {
            var source = e.getValue();
            JsonNode body = cache.get(source.api());
            if (body == null) {
                body = json.readTree(session.api(source.api()));
                cache.put(source.api(), body);
            }
            JsonNode list = source.arrayField().isEmpty() ? body : body.path(source.arrayField());
            JsonNode item = list.path(source.index());
            if (item.has("id")) {
                ids.put(e.getKey(), item.get("id").asLong());
            }
        }
        return ids;
    }

    static String fill(String path, Map<String, Long> ids) {
        Matcher m = PLACEHOLDER.matcher(path);
        var sb = new StringBuilder();
        while (m.find()) {
            Long id = ids.get(m.group(1));
            if (id == null) {
                IdSource source = IDS.get(m.group(1));
                throw new IllegalStateException(source == null ? "no id source for {" + m.group(1) + "}"
                        : "no " + m.group(1) + " in the data (" + source.api() + " lists none)");
            }
            m.appendReplacement(sb, String.valueOf(id));
        }
        return m.appendTail(sb).toString();
    }

    /** Count, median, p95, p99 and max of one page's timings (nearest-rank percentiles). */
    record Stats(int count, double median, double p95, double p99, double max) {
        static Stats of(double[] millis) {
            double[] sorted = millis.clone();
            Arrays.sort(sorted);
            return new Stats(sorted.length, rank(sorted, 0.50), rank(sorted, 0.95), rank(sorted, 0.99),
                    sorted[sorted.length - 1]);
        }

        private static double rank(double[] sorted, double p) {
            return sorted[Math.max(0, (int) Math.ceil(sorted.length * p) - 1)];
        }
    }

    /**
     * A signed-in browser session (its cookies), plus the same user's Basic credentials for the API's id lists. The
     * cookies are kept here rather than in a {@link java.net.CookieManager}: the session cookie is {@code Secure},
     * which the JDK never sends over plain http, while browsers do to localhost.
     */
    private record Session(HttpClient http, URI base, Map<String, String> cookies, String basic) {

        static Session signIn(URI base, String user, String password) {
            var http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
                    .connectTimeout(Duration.ofSeconds(10)).build();
            String basic = "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
            var session = new Session(http, base, new LinkedHashMap<>(), basic);
            try {
                var form = session.send(session.get("/login").build(), HttpResponse.BodyHandlers.ofString());
                Matcher csrf = CSRF.matcher(form.body());
                if (form.statusCode() != 200 || !csrf.find()) {
                    throw new IllegalStateException("GET " + base.resolve("/login") + " answered " + form.statusCode()
                            + " without a sign-in form; is the product running there?");
                }
                String token = csrf.group(1) != null ? csrf.group(1) : csrf.group(2);
                String body = "username=" + enc(user) + "&password=" + enc(password) + "&_csrf=" + enc(token);
                var signedIn = session.send(session.request("/login").header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.discarding());
                String location = signedIn.headers().firstValue("Location").orElse("");
                if (signedIn.statusCode() != 302 || location.contains("/login")) {
                    throw new IllegalStateException("signing in as " + user + " was refused (" + signedIn.statusCode()
                            + (location.isEmpty() ? "" : ", to " + location) + "); wrong user or password?");
                }
            } catch (IOException e) {
                throw new IllegalStateException("cannot reach " + base + ": " + e, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while signing in", e);
            }
            return session;
        }

        private <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> body)
                throws IOException, InterruptedException {
            var response = http.send(request, body);
            for (String set : response.headers().allValues("Set-Cookie")) {
                String pair = set.split(";", 2)[0];
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    cookies.put(pair.substring(0, eq).strip(), pair.substring(eq + 1).strip());
                }
            }
            return response;
        }

        private HttpRequest.Builder request(String path) {
            var builder = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofMinutes(2));
            if (!cookies.isEmpty()) {
                builder.header("Cookie", String.join("; ", cookies.entrySet().stream()
                        .map(c -> c.getKey() + "=" + c.getValue()).toList()));
            }
            return builder;
        }

        private HttpRequest.Builder get(String path) {
            return request(path).GET();
        }

        /** The whole page; anything but 200 (a redirect to the sign-in page too) is a failure. */
        void page(String path) throws IOException, InterruptedException {
            var response = send(get(path).build(), HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("GET " + path + " answered " + response.statusCode()
                        + response.headers().firstValue("Location").map(l -> " to " + l).orElse(""));
            }
        }

        String api(String path) throws IOException, InterruptedException {
            // without the session's cookie: the API is stateless and takes Basic credentials
            var response = http.send(HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofMinutes(2))
                    .header("Authorization", basic).header("Accept", "application/json").GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("GET " + path + " answered " + response.statusCode() + ": " + response.body());
            }
            return response.body();
        }

        private static String enc(String s) {
            return URLEncoder.encode(s, StandardCharsets.UTF_8);
        }
    }
}
