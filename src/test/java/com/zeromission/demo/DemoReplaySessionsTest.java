package com.zeromission.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.GZIPOutputStream;

import org.junit.jupiter.api.Test;

import com.zeromission.privacy.TextMasker;

/**
 * The demo's pre-made session replays: well-formed rrweb streams (a meta event and a full snapshot per page,
 * timestamps ascending, every node an event names known on its page), masked as the recorder masks (input values
 * only '*', text only inside {@code data-zm-unmask}), with no personal data anywhere, deterministic by seed, and
 * holding what the replay timeline shows: page changes, clicks, a rage click and the error the customer saw.
 */
class DemoReplaySessionsTest {

    static final Instant START = Instant.parse("2026-12-01T09:30:00Z");
    static final TextMasker MASKER = TextMasker.standard();

    @Test
    void aSessionIsWellFormedPageByPageWithAscendingTimeAndKnownNodes() {
        for (long seed = 1; seed <= 5; seed++) {
            var session = DemoReplaySessions.session(seed, START);
            var events = session.events();
            assertThat(events.getFirst().get("timestamp")).isEqualTo(START.toEpochMilli());
            long last = Long.MIN_VALUE;
            Set<Integer> nodes = new HashSet<>();
            int pages = 0;
            for (int i = 0; i < events.size(); i++) {
                var e = events.get(i);
                long at = (long) e.get("timestamp");
                assertThat(at).as("event %d of seed %d", i, seed).isGreaterThan(last);
                last = at;
                int type = (int) e.get("type");
                var data = map(e.get("data"));
                if (type == 4) {
                    // a page: its meta event, then its full snapshot, whose node ids are unique
                    assertThat(String.valueOf(data.get("href"))).doesNotContain("?", "#");
                    assertThat((int) events.get(i + 1).get("type")).isEqualTo(2);
                    pages++;
                } else if (type == 2) {
                    nodes = new HashSet<>();
                    collect(map(data.get("node")), nodes);
                } else if (type == 3) {
                    for (int id : referenced(data, nodes)) {
                        assertThat(nodes).as("node %d named by event %d (seed %d)", id, i, seed).contains(id);
                    }
                }
            }
            assertThat(pages).isEqualTo(2);
            assertThat(session.durationMillis()).isEqualTo(last - START.toEpochMilli()).isBetween(120_000L, 245_000L);
        }
    }

    @Test
    void everyInputValueIsOnlyStarsAndTextIsKeptOnlyWhereThePageMarksItSafe() {
        for (long seed = 1; seed <= 5; seed++) {
            var session = DemoReplaySessions.session(seed, START);
            for (var e : session.events()) {
                var data = map(e.get("data"));
                if ((int) e.get("type") == 3 && (int) data.get("source") == 5) {
                    assertThat((String) data.get("text")).matches("\\**");
                }
                if ((int) e.get("type") == 2) {
                    checkMasked(map(data.get("node")), false);
                }
            }
            // the feedback form's message: typed to its full length, as stars
            assertThat(session.events().stream().map(e -> map(e.get("data")))
                    .filter(d -> Integer.valueOf(5).equals(d.get("source"))).map(d -> (String) d.get("text")))
                    .contains("*".repeat(session.feedbackMessage().length()));
        }
    }

    @Test
    void noStringAnywhereInTheStreamHoldsPersonalData() {
        for (long seed = 1; seed <= 5; seed++) {
            var session = DemoReplaySessions.session(seed, START);
            var strings = new ArrayList<String>();
            strings(session.events(), strings);
            assertThat(strings).hasSizeGreaterThan(100);
            for (String s : strings) {
                assertThat(MASKER.mask(s).total()).as("personal data in '%s'", s).isZero();
            }
            assertThat(MASKER.mask(session.feedbackMessage()).total()).isZero();
        }
    }

    @Test
    void holdsWhatTheTimelineShowsPageChangesClicksARageClickOnPayAndTheError() {
        var events = DemoReplaySessions.session(7, START).events();
        assertThat(events.stream().filter(e -> (int) e.get("type") == 4).map(e -> map(e.get("data")).get("href")))
                .containsExactly("http://localhost:8080/demo/checkout", "http://localhost:8080/feedback");
        assertThat(events.stream().filter(e -> (int) e.get("type") == 5).map(e -> map(e.get("data"))))
                .hasSize(2).allSatisfy(d -> assertThat(d).isEqualTo(Map.of("tag", "zm-error",
                        "payload", Map.of("text", DemoReplaySessions.CARD_FAILED))));
        var clicks = events.stream().filter(e -> (int) e.get("type") == 3).filter(e -> {
            var d = map(e.get("data"));
            return (int) d.get("source") == 2 && (int) d.get("type") == 2;
        }).toList();
        assertThat(clicks).hasSizeGreaterThan(8);
        // the contract's rage click: 3+ clicks within 1,000 ms and 30 px of each other
        boolean rage = false;
        for (int i = 0; i + 2 < clicks.size(); i++) {
            var a = clicks.get(i);
            var c = clicks.get(i + 2);
            rage |= (long) c.get("timestamp") - (long) a.get("timestamp") <= 1000 && Math.hypot(
                    (int) map(c.get("data")).get("x") - (int) map(a.get("data")).get("x"),
                    (int) map(c.get("data")).get("y") - (int) map(a.get("data")).get("y")) <= 30;
        }
        assertThat(rage).isTrue();
        assertThat(events.stream().filter(e -> (int) e.get("type") == 3 && (int) map(e.get("data")).get("source") == 1))
                .hasSizeGreaterThan(20);
    }

    @Test
    void isTheSameForTheSameSeedAndDiffersForAnother() {
        assertThat(DemoReplaySessions.session(3, START).json()).isEqualTo(DemoReplaySessions.session(3, START).json());
        assertThat(DemoReplaySessions.session(3, START).json()).isNotEqualTo(DemoReplaySessions.session(4, START).json());
    }

    @Test
    void typicalSessionsLastTwoToFourMinutes() throws Exception {
        long millis = 0, bytes = 0, gzipped = 0;
        for (long seed = 1; seed <= 20; seed++) {
            var session = DemoReplaySessions.session(seed, START);
            assertThat(session.durationMillis()).isBetween(120_000L, 245_000L);
            byte[] json = session.json().getBytes(StandardCharsets.UTF_8);
            millis += session.durationMillis();
            bytes += json.length;
            gzipped += gzip(json);
        }
        double minutes = millis / 60_000.0;
        System.out.printf("20 typical demo sessions: %.1f minutes each on average, %,.0f bytes of JSON a minute, %,.0f gzipped%n",
                minutes / 20, bytes / minutes, gzipped / minutes);
        assertThat(minutes / 20).isBetween(2.0, 4.0);
    }

    static int gzip(byte[] data) throws java.io.IOException {
        var out = new ByteArrayOutputStream();
        try (var gz = new GZIPOutputStream(out)) {
            gz.write(data);
        }
        return out.size();
    }

    @Test
    void theBenchmarkSessionLastsFiveMinutes() throws Exception {
        var session = DemoReplaySessions.fiveMinutes(1, START);
        assertThat(session.durationMillis()).isBetween(300_000L, 305_000L);
        byte[] json = session.json().getBytes(StandardCharsets.UTF_8);
        System.out.printf("five-minute demo session: %d events, %,d bytes of JSON, %,d gzipped%n",
                session.events().size(), json.length, gzip(json));
        assertThat(json.length).isLessThan(2_000_000);
    }

    // ---- walking the stream ----------------------------------------------------------------------------------

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object o) {
        return (Map<String, Object>) o;
    }

    static void collect(Map<String, Object> node, Set<Integer> ids) {
        assertThat(ids.add((Integer) node.get("id"))).as("node id %s twice", node.get("id")).isTrue();
        if (node.get("childNodes") instanceof List<?> children) {
            children.forEach(c -> collect(map(c), ids));
        }
    }

    /** The node ids an incremental event names; nodes a mutation adds join the page's ids. */
    static List<Integer> referenced(Map<String, Object> data, Set<Integer> nodes) {
        var ids = new ArrayList<Integer>();
        switch ((int) data.get("source")) {
            case 0 -> {
                for (var k : List.of("texts", "attributes")) {
                    ((List<?>) data.get(k)).forEach(t -> ids.add((Integer) map(t).get("id")));
                }
                for (var r : (List<?>) data.get("removes")) {
                    ids.add((Integer) map(r).get("parentId"));
                    ids.add((Integer) map(r).get("id"));
                }
                var added = new ArrayList<Integer>();
                for (var a : (List<?>) data.get("adds")) {
                    ids.add((Integer) map(a).get("parentId"));
                    collect(map(map(a).get("node")), new HashSet<>(nodes)); // unique among the page's ids
                    added.add((Integer) map(map(a).get("node")).get("id"));
                }
                List<Integer> check = List.copyOf(ids);
                nodes.addAll(added);
                return check;
            }
            case 1 -> ((List<?>) data.get("positions")).forEach(p -> ids.add((Integer) map(p).get("id")));
            default -> ids.add((Integer) data.get("id"));
        }
        return ids;
    }

    /** Text outside [data-zm-unmask] is only '*' and spaces; input values only '*'. */
    static void checkMasked(Map<String, Object> node, boolean unmasked) {
        var attributes = node.get("attributes") instanceof Map<?, ?> a ? map(a) : Map.<String, Object>of();
        boolean safe = unmasked || attributes.containsKey("data-zm-unmask");
        if (Integer.valueOf(3).equals(node.get("type")) && !safe) {
            assertThat((String) node.get("textContent")).matches("[*\\s]*");
        }
        Object tag = node.get("tagName");
        if (tag != null && Set.of("input", "textarea", "select").contains(tag) && attributes.containsKey("value")) {
            assertThat((String) attributes.get("value")).matches("\\**");
        }
        if ("input".equals(tag) && Set.of("hidden", "radio", "checkbox").contains(attributes.get("type"))) {
            // rrweb's maskAllInputs leaves these as they are; the recorder masks them too (maskInputOptions), and the
            // feedback form has two since issue 18 (its hidden replayId and the consent check box): no value but
            // stars (checked above), and not ticked in the snapshot (a tick is recorded as an input event)
            assertThat(attributes).doesNotContainKey("checked");
        }
        if (node.get("childNodes") instanceof List<?> children) {
            children.forEach(c -> checkMasked(map(c), safe));
        }
    }

    static void strings(Object o, List<String> out) {
        if (o instanceof String s) {
            out.add(s);
        } else if (o instanceof Map<?, ?> m) {
            m.forEach((k, v) -> {
                out.add(String.valueOf(k));
                strings(v, out);
            });
        } else if (o instanceof List<?> l) {
            l.forEach(v -> strings(v, out));
        }
    }
}
