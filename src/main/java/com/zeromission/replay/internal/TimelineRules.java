package com.zeromission.replay.internal;

import java.util.ArrayList;
import java.util.List;

import com.zeromission.replay.TimelineEntry;
import com.zeromission.replay.TimelineEntry.Kind;

import tools.jackson.databind.JsonNode;

/**
 * A replay's timeline from its (stored, masked) events, in event order, {@code atMillis} after the first event:
 * <ul>
 * <li>page: a Meta event (type 4), its href;</li>
 * <li>click: a mouse interaction (type 3, source 2) of type Click (2), with x and y;</li>
 * <li>rage click: 3 or more consecutive clicks within 1,000 ms (first to last) and within 30 px of each other
 * become one entry at the first of them, {@code text} "N clicks", instead of N click entries; further clicks near
 * the first, each within 1,000 ms of the previous, belong to the same rage click;</li>
 * <li>error: a custom event (type 5) tagged {@code zm-error}, its payload's text (masked by recorder and server).</li>
 * </ul>
 */
public final class TimelineRules {

    public static final int RAGE_CLICKS = 3;
    public static final long RAGE_WINDOW_MILLIS = 1_000;
    public static final double RAGE_RADIUS_PX = 30;
    static final int CLICK = 2;

    /** Pages in order of visit (a reload of the same page is one visit) and the timeline. */
    public record Timeline(List<String> pages, List<TimelineEntry> entries) {
    }

    private TimelineRules() {
    }

    private record Click(long at, Integer x, Integer y) {
    }

    public static Timeline of(List<JsonNode> events) {
        var pages = new ArrayList<String>();
        var entries = new ArrayList<TimelineEntry>();
        if (events.isEmpty()) {
            return new Timeline(pages, entries);
        }
        long start = Long.MAX_VALUE;
        for (JsonNode e : events) {
            start = Math.min(start, e.path("timestamp").asLong(Long.MAX_VALUE));
        }
        var run = new ArrayList<Click>();
        for (JsonNode e : events) {
            int type = e.path("type").asInt(-1);
            long at = Math.max(0, e.path("timestamp").asLong(start) - start);
            JsonNode data = e.path("data");
            if (type == EventSanitizer.META && data.path("href").isString()) {
                String href = data.path("href").stringValue();
                if (pages.isEmpty() || !pages.getLast().equals(href)) {
                    pages.add(href);
                }
                flush(run, entries);
                entries.add(new TimelineEntry(Kind.PAGE, at, href, null, null));
            } else if (type == EventSanitizer.INCREMENTAL && data.path("source").asInt(-1) == EventSanitizer.MOUSE_INTERACTION
                    && data.path("type").asInt(-1) == CLICK) {
                var click = new Click(at, data.path("x").isNumber() ? data.path("x").asInt() : null,
                        data.path("y").isNumber() ? data.path("y").asInt() : null);
                add(click, run, entries);
            } else if (type == EventSanitizer.CUSTOM && "zm-error".equals(data.path("tag").asString(""))) {
                flush(run, entries);
                JsonNode text = data.path("payload").path("text");
                entries.add(new TimelineEntry(Kind.ERROR, at, text.isString() ? text.stringValue() : null, null, null));
            }
        }
        flush(run, entries);
        entries.sort(java.util.Comparator.comparingLong(TimelineEntry::atMillis));
        return new Timeline(pages, entries);
    }

    /**
     * Adds a click to the run of clicks that may be a rage click. Before the run is one (fewer than 3), clicks that are
     * more than the window older than the new one or not near it leave the run as plain clicks, so that any 3 clicks
     * within 1 s on one spot are found; once it is one, it goes on while each click follows the previous within the
     * window near the first, so that ten angry clicks over three seconds are one rage click, not three.
     */
    private static void add(Click click, List<Click> run, List<TimelineEntry> entries) {
        if (run.size() >= RAGE_CLICKS) {
            if (near(run.getFirst(), click) && click.at() - run.getLast().at() <= RAGE_WINDOW_MILLIS) {
                run.add(click);
                return;
            }
            flush(run, entries);
        }
        while (!run.isEmpty() && (click.at() - run.getFirst().at() > RAGE_WINDOW_MILLIS
                || !run.stream().allMatch(c -> near(c, click)))) {
            Click out = run.removeFirst();
            entries.add(new TimelineEntry(Kind.CLICK, out.at(), null, out.x(), out.y()));
        }
        run.add(click);
    }

    private static boolean near(Click a, Click b) {
        return a.x() != null && a.y() != null && b.x() != null && b.y() != null
                && Math.hypot(a.x() - b.x(), a.y() - b.y()) <= RAGE_RADIUS_PX;
    }

    private static void flush(List<Click> run, List<TimelineEntry> entries) {
        if (run.size() >= RAGE_CLICKS) {
            Click first = run.getFirst();
            entries.add(new TimelineEntry(Kind.RAGE_CLICK, first.at(), run.size() + " clicks", first.x(), first.y()));
        } else {
            run.forEach(c -> entries.add(new TimelineEntry(Kind.CLICK, c.at(), null, c.x(), c.y())));
        }
        run.clear();
    }
}
