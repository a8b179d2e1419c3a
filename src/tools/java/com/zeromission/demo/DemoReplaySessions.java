package com.zeromission.demo;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import com.zeromission.demo.internal.RrwebPage;

import tools.jackson.databind.json.JsonMapper;

/**
 * Pre-made session replays of the demo checkout ({@code /demo/checkout}, issue 18), as the recorder would have sent
 * them: rrweb events of a customer who fills in the checkout, pays by card, meets the failure twice (the second time
 * with a rage click on the pay button), follows "Tell us what happened" and writes to the feedback form. Everything is
 * masked as the recorder masks (text outside {@code [data-zm-unmask]} and every input value as '*'); the snapshots are
 * the real templates' markup, so the player shows the real page.
 *
 * <p>Deterministic by seed: the same seed and start give the same events. One call per session, for the demo loader
 * (through the replay module's API) and for the player's time-to-first-frame benchmark ({@link #fiveMinutes}).
 */
public final class DemoReplaySessions {

    /** The checkout's error, as its page shows it (DemoCheckout and checkout.js say the same). */
    public static final String CARD_FAILED = "Your card payment could not be completed. No money was taken. "
            + "Try again later, or choose invoice.";
    /** The origin the demo runs at by default ({@code bin/zm serve --demo}); the events' addresses use it. */
    public static final String ORIGIN = "http://localhost:8080";
    public static final int WIDTH = 1400, HEIGHT = 860;

    /** rrweb's EventType, IncrementalSource and MouseInteractions: the numbers the events carry. */
    static final int META = 4, FULL_SNAPSHOT = 2, INCREMENTAL = 3, CUSTOM = 5;
    static final int MUTATION = 0, MOUSE_MOVE = 1, MOUSE_INTERACTION = 2, SCROLL = 3, INPUT = 5;
    static final int MOUSE_UP = 0, MOUSE_DOWN = 1, CLICK = 2, FOCUS = 5, BLUR = 6;

    /** What customers of the demo write after the failure; the feedback form's text, for the demo's signals. */
    static final List<String> MESSAGES = List.of(
            "I tried to pay by card twice and it only said the payment could not be completed. No reason at all.",
            "Card payment failed at the checkout, no money was taken but I could not finish my order.",
            "The pay button did nothing for a while and then the card payment failed. Very frustrating.",
            "My card payment failed in your checkout, and the card works everywhere else. I gave up and went elsewhere.",
            "Kept pressing pay and got an error every time. Please tell me what is wrong with card payments.");

    private DemoReplaySessions() {
    }

    /**
     * One recorded session: its events in order, when it started, how long it lasted (first to last event) and the
     * message the customer typed into the feedback form at its end (what the demo's linked signal says).
     */
    public record Session(List<Map<String, Object>> events, Instant startedAt, long durationMillis, String feedbackMessage) {
        public Session {
            events = List.copyOf(events);
        }

        /** The events as the recorder posts them: a JSON array. */
        public String json() {
            return DemoReplaySessions.json(events);
        }
    }

    /** A typical session: two to four minutes, checkout to feedback form. */
    public static Session session(long seed, Instant start) {
        return session(seed, start, ORIGIN);
    }

    /** A typical session recorded at another origin (the demo's own when it runs on another port). */
    public static Session session(long seed, Instant start, String origin) {
        var random = new Random(seed);
        long minutes = 120_000 + random.nextInt(120_000);
        return new Recording(random, start, origin).record(minutes);
    }

    /** The events of a typical session; {@link #session} for its length and feedback message. */
    public static List<Map<String, Object>> events(long seed, Instant start) {
        return session(seed, start).events();
    }

    /** A session of five minutes (at least 5:00, less than 5:05): the player's time-to-first-frame benchmark. */
    public static Session fiveMinutes(long seed, Instant start) {
        return new Recording(new Random(seed), start, ORIGIN).record(Duration.ofMinutes(5).toMillis());
    }

    /** Events as a JSON array. */
    public static String json(List<Map<String, Object>> events) {
        return JsonMapper.builder().build().writeValueAsString(events);
    }

    /** One customer's visit, event by event. */
    private static final class Recording {

        /** Where the checkout's elements are (page coordinates: x, y, width, height) in a 1400 × 860 window. */
        static final Map<String, int[]> CHECKOUT = Map.ofEntries(Map.entry("email", new int[] {652, 237, 500, 36}),
                Map.entry("personal-number", new int[] {652, 307, 500, 36}),
                Map.entry("method-card", new int[] {652, 449, 245, 62}),
                Map.entry("card-number", new int[] {652, 547, 500, 36}),
                Map.entry("card-expiry", new int[] {652, 617, 242, 36}),
                Map.entry("card-cvc", new int[] {910, 617, 242, 36}),
                Map.entry("message", new int[] {652, 687, 500, 74}),
                Map.entry("pay", new int[] {652, 784, 500, 46}),
                Map.entry("feedback-link", new int[] {840, 930, 160, 20}),
                Map.entry("summary-title", new int[] {233, 165, 200, 34}));
        /** How far the pay button and what follows move down once the error shows above them. */
        static final int ALERT_HEIGHT = 77;
        static final Map<String, int[]> FEEDBACK = Map.of("message", new int[] {380, 190, 640, 160},
                "market", new int[] {380, 400, 640, 36}, "<button>", new int[] {380, 540, 110, 40});

        final Random random;
        final String origin;
        final List<Map<String, Object>> events = new ArrayList<>();
        final long start;
        long now;
        RrwebPage page;
        Map<String, int[]> layout;
        int scrollY, shift;
        double x = 700, y = 120;
        @Nullable Integer focused;

        Recording(Random random, Instant start, String origin) {
            this.random = random;
            this.origin = origin;
            this.start = start.toEpochMilli();
            this.now = this.start;
            this.page = checkout();
            this.layout = CHECKOUT;
        }

        RrwebPage checkout() {
            return new RrwebPage("templates/demo/checkout.html", origin,
                    Map.of("/demo/checkout.css", resource("demo/checkout/checkout.css")), Set.of("consent"));
        }

        static String resource(String path) {
            try (var in = DemoReplaySessions.class.getClassLoader().getResourceAsStream(path)) {
                if (in == null) {
                    throw new IllegalStateException("no " + path + " on the class path");
                }
                return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            } catch (java.io.IOException e) {
                throw new IllegalStateException("cannot read " + path, e);
            }
        }

        Session record(long minMillis) {
            String message = MESSAGES.get(random.nextInt(MESSAGES.size()));
            newPage("/demo/checkout");
            pause(900, 2500);
            // a look at the order before the details
            moveTo("summary-title");
            pause(1200, 3000);
            fill("email", 14 + random.nextInt(16));
            fill("personal-number", random.nextBoolean() ? 13 : 11);
            pause(1000, 3500);
            fill("card-number", random.nextBoolean() ? 19 : 16);
            fill("card-expiry", 5);
            fill("card-cvc", 3);
            if (random.nextBoolean()) {
                fill("message", 25 + random.nextInt(60));
            }
            pause(800, 2500);
            pay(false);
            pause(4000, 9000); // reading the error
            pay(true);
            pause(3000, 7000);
            scrollTo(180 + random.nextInt(60));
            moveTo("feedback-link");
            pause(300, 900);
            click("feedback-link");
            now += 300 + random.nextInt(500);
            page = new RrwebPage("templates/feedback/form.html", origin,
                    Map.of("/css/feedback.css", resource("static/css/feedback.css")), Set.of());
            layout = FEEDBACK;
            scrollY = 0;
            shift = 0;
            focused = null;
            newPage("/feedback");
            pause(1500, 4000);
            fill("message", message.length());
            // thinking it over, reading it again, before sending: as long as the session is to last
            while (now - start < minMillis - 4000) {
                long chunk = Math.min(minMillis - 4000 - (now - start), 4000 + random.nextInt(8000));
                long until = now + chunk;
                wander(until);
                now = Math.max(now, until);
            }
            if (random.nextBoolean()) {
                click("market");
                pause(600, 1500);
                input(page.id("market"), "*".repeat(2));
            }
            moveTo("<button>");
            pause(200, 700);
            now = Math.max(now, start + minMillis); // a last hesitation before sending, so the session is that long
            click("<button>");
            long duration = (long) events.getLast().get("timestamp") - (long) events.getFirst().get("timestamp");
            return new Session(events, Instant.ofEpochMilli(start), duration, message);
        }

        void newPage(String path) {
            emit(META, map("href", origin + path, "width", WIDTH, "height", HEIGHT));
            emit(FULL_SNAPSHOT, map("node", page.node(), "initialOffset", map("left", 0, "top", scrollY)));
        }

        /** The customer clicks into a field and types {@code length} characters (a typo corrected now and then). */
        void fill(String field, int length) {
            moveTo(field);
            pause(150, 500);
            click(field);
            int id = page.id(field);
            int typed = 0;
            while (typed < length) {
                now += 90 + random.nextInt(230) + (random.nextInt(12) == 0 ? 500 + random.nextInt(1200) : 0);
                typed++;
                input(id, "*".repeat(typed));
                if (random.nextInt(40) == 0 && typed > 1) {
                    now += 250 + random.nextInt(300);
                    typed--;
                    input(id, "*".repeat(typed)); // backspace
                }
            }
        }

        void input(int id, String masked) {
            incremental(map("source", INPUT, "text", masked, "isChecked", false, "id", id));
        }

        /**
         * Pays by card: "Processing…", then the failure (the alert's text, its custom error event, the feedback offer).
         * {@code rage}: the customer clicks again and again while it is processing.
         */
        void pay(boolean rage) {
            moveTo("pay");
            pause(150, 600);
            click("pay");
            int pay = page.id("pay"), alert = page.id("payment-error");
            var removes = new ArrayList<Object>();
            Integer shown = alertText;
            if (shown != null) {
                removes.add(map("parentId", alert, "id", shown)); // the old message goes first
                alertText = null;
            }
            removes.add(map("parentId", pay, "id", payText()));
            int processing = page.newId();
            mutation(List.of(), List.of(map("id", pay, "attributes", map("aria-disabled", "true"))), removes,
                    List.of(map("parentId", pay, "nextId", null, "node", text(processing, "Processing…"))));
            payLabel = processing;
            long failsAt = now + 900;
            if (rage) {
                int clicks = 3 + random.nextInt(3);
                double cx = x, cy = y;
                for (int i = 0; i < clicks; i++) {
                    now += 110 + random.nextInt(120);
                    x = cx + random.nextInt(9) - 4;
                    y = cy + random.nextInt(9) - 4;
                    click(pay, false);
                }
            }
            now = Math.max(now, failsAt);
            int label = page.newId(), message = page.newId();
            var adds = new ArrayList<Object>(List.of(map("parentId", pay, "nextId", null, "node", text(label, "Pay 997 kr")),
                    map("parentId", alert, "nextId", null, "node", text(message, CARD_FAILED))));
            var attributes = new ArrayList<Object>(List.of(map("id", pay, "attributes", map("aria-disabled", null))));
            if (shift == 0) {
                // the first failure shows the feedback offer; later ones leave it as it is
                attributes.add(map("id", page.id("feedback-offer"), "attributes", map("hidden", null)));
            }
            mutation(List.of(), attributes, List.of(map("parentId", pay, "id", processing)), adds);
            payLabel = label;
            alertText = message;
            now += 2 + random.nextInt(4);
            emit(CUSTOM, map("tag", "zm-error", "payload", map("text", CARD_FAILED)));
            shift = ALERT_HEIGHT;
        }

        /** The alert's and the pay button's current text nodes (null: the alert has none yet, the label is the page's). */
        @Nullable Integer alertText, payLabel;

        int payText() {
            if (payLabel == null) {
                Integer first = page.textOf("pay");
                if (first == null) {
                    throw new IllegalStateException("the pay button has no label");
                }
                payLabel = first;
            }
            return payLabel;
        }

        static Map<String, Object> text(int id, String content) {
            return map("type", 3, "textContent", content, "id", id);
        }

        void mutation(List<Object> texts, List<Object> attributes, List<Object> removes, List<Object> adds) {
            now += 1 + random.nextInt(3);
            incremental(map("source", MUTATION, "texts", texts, "attributes", attributes, "removes", removes, "adds", adds));
        }

        void click(String element) {
            click(page.id(element), isField(element));
        }

        boolean isField(String element) {
            return !element.equals("pay") && !element.startsWith("<") && !element.endsWith("-link")
                    && !element.startsWith("method-");
        }

        /** Mouse down, (focus), mouse up and click, as rrweb records one click; a field takes the focus. */
        void click(int id, boolean field) {
            incremental(interaction(MOUSE_DOWN, id, true));
            if (field && !Integer.valueOf(id).equals(focused)) {
                if (focused != null) {
                    incremental(interaction(BLUR, focused, false));
                }
                incremental(interaction(FOCUS, id, false));
                focused = id;
            }
            now += 60 + random.nextInt(80);
            incremental(interaction(MOUSE_UP, id, true));
            incremental(interaction(CLICK, id, true));
        }

        Map<String, Object> interaction(int type, int id, boolean at) {
            return at ? map("source", MOUSE_INTERACTION, "type", type, "id", id, "x", (int) Math.round(x), "y",
                    (int) Math.round(y), "pointerType", 0) : map("source", MOUSE_INTERACTION, "type", type, "id", id);
        }

        /** Moves the mouse to a point inside the element, sampled every 50 ms and sent every 500 ms as rrweb does. */
        void moveTo(String element) {
            int[] box = layout.get(element);
            if (box == null) {
                throw new IllegalArgumentException("no layout for " + element);
            }
            int moved = element.equals("pay") || element.equals("feedback-link") ? shift : 0;
            double tx = box[0] + box[2] * (0.2 + 0.6 * random.nextDouble());
            double ty = box[1] + moved - scrollY + box[3] * (0.3 + 0.4 * random.nextDouble());
            path(tx, ty, page.id(element));
        }

        void path(double tx, double ty, int target) {
            tx = Math.clamp(tx, 1, WIDTH - 2);
            ty = Math.clamp(ty, 1, HEIGHT - 2);
            double distance = Math.hypot(tx - x, ty - y);
            int samples = Math.max(2, (int) (distance / 60) + random.nextInt(4));
            double x0 = x, y0 = y;
            var positions = new ArrayList<Map<String, Object>>();
            long batchStart = now;
            int body = page.id("<body>");
            for (int i = 1; i <= samples; i++) {
                now += 50 + random.nextInt(15);
                double f = (double) i / samples, ease = f * f * (3 - 2 * f);
                x = x0 + (tx - x0) * ease + (i < samples ? random.nextGaussian() * 3 : 0);
                y = y0 + (ty - y0) * ease + (i < samples ? random.nextGaussian() * 3 : 0);
                positions.add(new LinkedHashMap<>(map("x", (int) Math.round(x), "y", (int) Math.round(y),
                        "id", i == samples ? target : body, "timeOffset", now)));
                if (now - batchStart >= 450 || i == samples) {
                    now += 1 + random.nextInt(40);
                    for (var p : positions) {
                        p.put("timeOffset", (long) p.get("timeOffset") - now); // relative to the event, as rrweb sends it
                    }
                    incremental(map("source", MOUSE_MOVE, "positions", List.copyOf(positions)));
                    positions.clear();
                    batchStart = now;
                }
            }
        }

        /** The mouse drifts about while the customer reads, until {@code until}. */
        void wander(long until) {
            while (now < until - 2500) {
                path(x + random.nextGaussian() * 120, y + random.nextGaussian() * 80, page.id("<body>"));
                now += 800 + random.nextInt(1700);
            }
        }

        void scrollTo(int target) {
            int from = scrollY;
            for (int step = 1; step <= 4; step++) {
                now += 100 + random.nextInt(30);
                scrollY = from + (target - from) * step / 4;
                incremental(map("source", SCROLL, "id", page.node().get("id"), "x", 0, "y", scrollY));
            }
        }

        void pause(int min, int max) {
            now += min + random.nextInt(max - min);
        }

        void incremental(Map<String, Object> data) {
            emit(INCREMENTAL, data);
        }

        void emit(int type, Map<String, Object> data) {
            long last = events.isEmpty() ? Long.MIN_VALUE : (long) events.getLast().get("timestamp");
            now = Math.max(now, last + 1); // strictly ascending, as the recorder's clock
            events.add(map("type", type, "data", data, "timestamp", now));
        }

        /** An ordered map of key, value pairs; values may be null (a removed attribute, no next sibling). */
        static Map<String, Object> map(Object... pairs) {
            var m = new LinkedHashMap<String, Object>();
            for (int i = 0; i < pairs.length; i += 2) {
                m.put((String) pairs[i], pairs[i + 1]);
            }
            return java.util.Collections.unmodifiableMap(m);
        }
    }
}
