package com.zeromission.pages;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.function.Function;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.context.annotation.Import;

/**
 * The player (zm-player.js, docs/replay.md) on a test page, mounted on a small made-up session: it shows the first
 * frame, the timeline (page, click, rage click, error) with each entry's time, starts at the moment asked for, and
 * an entry moves the player to its moment. The page shell (/replays/{id}) says when a replay is gone.
 */
@Import(ReplayCapture.class)
class ReplayPlayerBrowserTest extends PageTest {

    static final long T0 = 1_764_000_000_000L;

    /** A checkout page, a click, three quick clicks on one spot, an error shown, and a minute of nothing. */
    static final String EVENTS = """
            [{"type":4,"data":{"href":"https://shop.example/checkout","width":800,"height":600},"timestamp":%1$d},
             {"type":2,"data":{"node":{"type":0,"id":1,"childNodes":[
                {"type":1,"name":"html","publicId":"","systemId":"","id":2},
                {"type":2,"tagName":"html","attributes":{},"id":3,"childNodes":[
                  {"type":2,"tagName":"head","attributes":{},"id":4,"childNodes":[]},
                  {"type":2,"tagName":"body","attributes":{},"id":5,"childNodes":[
                    {"type":2,"tagName":"h1","attributes":{"id":"title"},"id":6,"childNodes":[
                      {"type":3,"textContent":"Checkout","id":7}]}]}]}]},
              "initialOffset":{"left":0,"top":0}},"timestamp":%2$d},
             {"type":3,"data":{"source":2,"type":2,"id":6,"x":100,"y":50},"timestamp":%3$d},
             {"type":3,"data":{"source":2,"type":2,"id":6,"x":300,"y":200},"timestamp":%4$d},
             {"type":3,"data":{"source":2,"type":2,"id":6,"x":305,"y":198},"timestamp":%5$d},
             {"type":3,"data":{"source":2,"type":2,"id":6,"x":302,"y":203},"timestamp":%6$d},
             {"type":5,"data":{"tag":"zm-error","payload":{"text":"Payment failed"}},"timestamp":%7$d},
             {"type":3,"data":{"source":1,"positions":[{"x":10,"y":10,"id":6,"timeOffset":0}]},"timestamp":%8$d}]
            """.formatted(T0, T0 + 10, T0 + 1_000, T0 + 5_000, T0 + 5_200, T0 + 5_400, T0 + 7_000, T0 + 65_000);

    @Test
    void showsTheFirstFrameAndTheTimelineAndAnEntryMovesThePlayerToItsMoment() {
        open("/test-replay/player");
        js("window.zmTest = zmPlayer.mount(document.getElementById('holder'), {events: JSON.parse(arguments[0]), startAt: 1500})",
                EVENTS);
        var entries = wait(d -> {
            var found = d.findElements(By.cssSelector(".zm-replay-entry button"));
            return found.size() == 4 ? found : null;
        });
        assertThat(entries.stream().map(e -> e.getText().replaceAll("\\s+", " ")).toList()).containsExactly(
                "00:00 Page https://shop.example/checkout", "00:01 Click at 100, 50", "00:05 Rage click 3 clicks on one spot",
                "00:07 Error Payment failed");
        // the first frame: the recorded page rebuilt in the player's frame
        wait(d -> "Checkout".equals(js("var f = document.querySelector('.replayer-wrapper iframe');"
                + " var h = f && f.contentDocument && f.contentDocument.getElementById('title'); return h && h.textContent")));
        assertThat(currentTime()).as("started at t").isBetween(1400L, 1600L);
        // shown, not only built
        assertThat(((Number) js("return document.querySelector('.replayer-wrapper iframe').contentDocument"
                + ".getElementById('title').getBoundingClientRect().height")).doubleValue()).isPositive();
        // sized as mounted (1,024 px, the largest, in the 1,400 px window): the player sizes itself with style
        // attributes, which a policy without inline styles would refuse, leaving it at its default 800 px and blank
        assertThat(((Number) js("return document.querySelector('.rr-player').getBoundingClientRect().width"))
                .doubleValue()).isBetween(1020.0, 1030.0);
        assertThat(text(By.cssSelector(".rr-controller .rr-timeline__time"))).isEqualTo("00:01");

        entries.get(3).click();
        wait(d -> Math.abs(currentTime() - 7000) < 100);
        assertThat(entries.get(3).getDomAttribute("class")).contains("zm-current");
        Browser.screenshot("replay-player");
    }

    @Test
    void onAPhoneThePlayerFitsTheScreenWithTheTimelineBelowIt() {
        try {
            browser().manage().window().setSize(new Dimension(LayoutBrowserTest.PHONE, 900));
            open("/test-replay/player");
            js("window.zmTest = zmPlayer.mount(document.getElementById('holder'), {events: JSON.parse(arguments[0])})", EVENTS);
            var timeline = wait(d -> d.findElements(By.cssSelector(".zm-replay-entry button")).size() == 4
                    ? d.findElement(By.cssSelector(".zm-replay-timeline")) : null);
            assertThat(((Number) js("return document.documentElement.scrollWidth")).longValue())
                    .isLessThanOrEqualTo(((Number) js("return window.innerWidth")).longValue());
            var player = browser().findElement(By.cssSelector(".rr-player"));
            assertThat(timeline.getRect().getY()).as("below the player")
                    .isGreaterThanOrEqualTo(player.getRect().getY() + player.getRect().getHeight() - 1);
            Browser.screenshot("replay-player-phone");
        } finally {
            browser().manage().window().setSize(new Dimension(1400, 1000));
        }
    }

    @Test
    void thePageSaysSoWhenAReplayIsGone() {
        signIn("analyst");
        open("/replays/0190a6f2-0000-7000-8000-00000000beef?t=2000");
        wait(d -> {
            var status = d.findElement(By.id("replay-status"));
            return status.getText().contains("This replay is gone") ? status : null;
        });
        assertThat(js("return document.getElementById('replay').dataset.start")).isEqualTo("2000");
    }

    private long currentTime() {
        return ((Number) js("return Math.round(window.zmTest.player.getReplayer().getCurrentTime())")).longValue();
    }

    private Object js(String script, Object... args) {
        return ((JavascriptExecutor) browser()).executeScript(script, args);
    }

    private <T> T wait(Function<WebDriver, T> condition) {
        return new WebDriverWait(browser(), Duration.ofSeconds(15)).until(condition);
    }

}
