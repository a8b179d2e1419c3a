package com.zeromission.replay.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import com.zeromission.replay.TimelineEntry;
import com.zeromission.replay.TimelineEntry.Kind;

/** The timeline's rules: pages, clicks, rage clicks (3+ within 1 s within 30 px), errors, relative to the first event. */
class TimelineRulesTest {

    static final JsonMapper JSON = JsonMapper.builder().build();
    final List<JsonNode> events = new ArrayList<>();

    void page(long at, String href) {
        events.add(JSON.readTree("{\"type\":4,\"timestamp\":" + at + ",\"data\":{\"href\":\"" + href + "\"}}"));
    }

    void click(long at, int x, int y) {
        events.add(JSON.readTree("{\"type\":3,\"timestamp\":" + at + ",\"data\":{\"source\":2,\"type\":2,\"id\":7,\"x\":" + x
                + ",\"y\":" + y + "}}"));
    }

    void error(long at, String text) {
        events.add(JSON.readTree("{\"type\":5,\"timestamp\":" + at + ",\"data\":{\"tag\":\"zm-error\",\"payload\":{\"text\":\""
                + text + "\"}}}"));
    }

    List<TimelineEntry> timeline() {
        return TimelineRules.of(events).entries();
    }

    @Test
    void listsPagesClicksAndErrorsRelativeToTheFirstEvent() {
        page(10_000, "https://shop.example.com/cart");
        click(11_000, 100, 200);
        page(12_000, "https://shop.example.com/checkout");
        error(13_500, "Payment failed");
        events.add(JSON.readTree("{\"type\":3,\"timestamp\":14000,\"data\":{\"source\":2,\"type\":0,\"x\":1,\"y\":1}}")); // mouse up

        assertThat(timeline()).extracting(TimelineEntry::kind, TimelineEntry::atMillis, TimelineEntry::text, TimelineEntry::x)
                .containsExactly(tuple(Kind.PAGE, 0L, "https://shop.example.com/cart", null),
                        tuple(Kind.CLICK, 1_000L, null, 100),
                        tuple(Kind.PAGE, 2_000L, "https://shop.example.com/checkout", null),
                        tuple(Kind.ERROR, 3_500L, "Payment failed", null));
        assertThat(TimelineRules.of(events).pages()).containsExactly("https://shop.example.com/cart",
                "https://shop.example.com/checkout");
    }

    @Test
    void threeClicksWithinASecondOnOneSpotAreOneRageClick() {
        page(0, "https://a.example/");
        click(1_000, 100, 100);
        click(1_300, 110, 105);
        click(1_900, 95, 120);

        assertThat(timeline()).extracting(TimelineEntry::kind, TimelineEntry::atMillis, TimelineEntry::text)
                .containsExactly(tuple(Kind.PAGE, 0L, "https://a.example/"), tuple(Kind.RAGE_CLICK, 1_000L, "3 clicks"));
    }

    @Test
    void clicksSpreadOverMoreThanASecondOrFartherThan30PxAreClicks() {
        click(0, 100, 100);
        click(600, 100, 100);
        click(1_001, 100, 100); // the third comes 1,001 ms after the first
        click(5_000, 100, 100);
        click(5_100, 131, 100); // 31 px away
        click(5_200, 100, 100);

        assertThat(timeline()).extracting(TimelineEntry::kind).containsOnly(Kind.CLICK).hasSize(6);
    }

    @Test
    void aLongBurstOfClicksIsOneRageClickAndAnyThreeWithinASecondCount() {
        click(0, 50, 50); // alone: too early for the burst below
        for (int i = 0; i < 8; i++) {
            click(1_200 + i * 400L, 300, 300); // 8 clicks, 400 ms apart: every 3 consecutive within 800 ms
        }

        assertThat(timeline()).extracting(TimelineEntry::kind, TimelineEntry::atMillis, TimelineEntry::text)
                .containsExactly(tuple(Kind.CLICK, 0L, null), tuple(Kind.RAGE_CLICK, 1_200L, "8 clicks"));
    }

    @Test
    void aRageClickStartsLateInARunOfSlowerClicks() {
        click(0, 10, 10);
        click(900, 10, 10);
        click(1_300, 10, 10);
        click(1_800, 10, 10); // 900, 1300, 1800: three within 900 ms

        assertThat(timeline()).extracting(TimelineEntry::kind, TimelineEntry::atMillis)
                .containsExactly(tuple(Kind.CLICK, 0L), tuple(Kind.RAGE_CLICK, 900L));
    }
}
