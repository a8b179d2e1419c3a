package com.zeromission.pages;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPInputStream;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.RouterFunctions;
import org.springframework.web.servlet.function.ServerRequest;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * Test only: a page that embeds the session recorder as a company's checkout would, a page that loads the player, and
 * an endpoint that captures what the recorder sends, answering as the contract says ({@code POST
 * /api/v1/replay-sessions} and {@code …/{id}/events}) under {@code /test-replay}, without storing anything. The real
 * ingestion is the replay module's; this one lets the recorder's tests see the bytes on the wire, gzip and all.
 */
@TestConfiguration(proxyBeanMethods = false)
class ReplayCapture {

    /** One request the recorder made: which, its Content-Encoding, and its body as sent. */
    record Request(String path, String contentEncoding, String contentType, byte[] body) {

        /** The body as text, gunzipped when it was sent gzip-encoded. */
        String text() {
            if (!"gzip".equals(contentEncoding)) {
                return new String(body, StandardCharsets.UTF_8);
            }
            try (var in = new GZIPInputStream(new ByteArrayInputStream(body))) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException("a batch sent as gzip is not gzip", e);
            }
        }

        boolean batch() {
            return path.endsWith("/events");
        }
    }

    /**
     * What was captured, in arrival order. Two kinds of run behave unlike a healthy server: a run named
     * {@code held-…} gets no answer to its batches until {@link #release()} (each is captured as it arrives), and a
     * run named {@code lazy-…} is told to flush only every minute.
     */
    static final class Captured {
        private final List<Request> requests = new ArrayList<>();
        private final CountDownLatch released = new CountDownLatch(1);

        /** Answers the held batches (and every later one). */
        void release() {
            released.countDown();
        }

        void holdIfAsked(String run) throws InterruptedException {
            if (run.startsWith("held-")) {
                released.await(30, TimeUnit.SECONDS);
            }
        }

        synchronized void add(Request r) {
            requests.add(r);
        }

        synchronized List<Request> all() {
            return List.copyOf(requests);
        }

        /** The requests of the pages opened with ?run=run. */
        synchronized List<Request> of(String run) {
            return requests.stream().filter(r -> r.path().startsWith("/test-replay/run/" + run + "/")).toList();
        }
    }

    static final String CHECKOUT = """
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><title>Test checkout</title>
            <script>
              // counts every request the page's scripts make, to show that none leaves before consent
              window.zmFetches = 0;
              var realFetch = window.fetch;
              window.fetch = function () { window.zmFetches++; return realFetch.apply(this, arguments); };
            </script>
            <script src="/replay/zm-recorder.js" data-zm-endpoint="/test-replay/run/RUN/"></script>
            </head><body>
            <h1>Checkout for Ingrid Zebrasson</h1>
            <p>Delivery to Okapivägen 12</p>
            <div data-zm-unmask><h2>Payment with Giraffe Pay</h2><p role="alert" id="safe-alert"></p></div>
            <p role="alert" id="masked-alert"></p>
            <img id="photo" src="/test-replay/pixel.png?who=anna" alt="" width="20" height="20">
            <form>
              <label>Card <input id="card" autocomplete="off"></label>
              <label>E-mail <input id="email" type="email"></label>
              <label>Personal number <input id="pnr"></label>
              <label>Anything else <textarea id="free"></textarea></label>
              <input type="hidden" name="token" value="hidden-token-Narwhal">
              <button type="button" id="pay">Pay</button>
            </form>
            <script>
              document.getElementById('pay').addEventListener('click', function () {
                document.getElementById('safe-alert').textContent = 'Payment failed: the card was declined';
                document.getElementById('masked-alert').textContent = 'Sorry Ingrid Zebrasson, try again';
              });
            </script>
            </body></html>
            """;

    static final String PLAYER = """
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><title>Test player</title>
            <link rel="stylesheet" href="/replay/zm-player.css">
            <script src="/replay/zm-player.js"></script>
            </head><body><div id="holder"></div></body></html>
            """;

    /** web.PageSecurity's policy for the player page (/replays/{id}): the pages' policy with inline styles allowed. */
    static final String PLAYER_CSP = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
            + "connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'self'; object-src 'none'";

    @Bean
    Captured captured() {
        return new Captured();
    }

    @Bean
    RouterFunction<ServerResponse> replayCaptureRoutes(Captured captured) {
        return RouterFunctions.route()
                // ?run=… puts the recorder's requests under /test-replay/run/…/, so that each test sees only its own
                // (a page left by the test before may still send its last batch on its way out)
                .GET("/test-replay/checkout", r -> ServerResponse.ok().contentType(MediaType.TEXT_HTML)
                        .body(CHECKOUT.replace("RUN", r.param("run").filter(run -> run.matches("[a-z0-9-]{1,40}"))
                                .orElse("none"))))
                // under the signed-in pages' content security policy, as the player page is
                .GET("/test-replay/player", r -> ServerResponse.ok().contentType(MediaType.TEXT_HTML)
                        .header("Content-Security-Policy", PLAYER_CSP).body(PLAYER))
                .POST("/test-replay/run/{run}/api/v1/replay-sessions", r -> {
                    captured.add(read(r));
                    int flush = r.pathVariable("run").startsWith("lazy-") ? 60_000 : 300;
                    return ServerResponse.status(201).contentType(MediaType.APPLICATION_JSON).body("{\"sessionId\":\""
                            + UUID.randomUUID() + "\",\"record\":true,\"flushMillis\":" + flush + ",\"maxBatchBytes\":262144}");
                })
                .POST("/test-replay/run/{run}/api/v1/replay-sessions/{id}/events", r -> {
                    captured.add(read(r));
                    captured.holdIfAsked(r.pathVariable("run"));
                    return ServerResponse.status(202).contentType(MediaType.APPLICATION_JSON).body("{\"stored\":1}");
                })
                .build();
    }

    private static Request read(ServerRequest r) throws IOException {
        return new Request(r.path(), r.headers().firstHeader("Content-Encoding"), r.headers().firstHeader("Content-Type"),
                r.servletRequest().getInputStream().readAllBytes());
    }

    /** The test pages and the capture: no login, no CSRF (the recorder never sends cookies), before every other chain. */
    @Bean
    @Order(0)
    SecurityFilterChain replayCaptureSecurity(HttpSecurity http) throws Exception {
        return http.securityMatcher("/test-replay/**")
                .authorizeHttpRequests(a -> a.anyRequest().permitAll())
                .csrf(c -> c.disable())
                .build();
    }
}
