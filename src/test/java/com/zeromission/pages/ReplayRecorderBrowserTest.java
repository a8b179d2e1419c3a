package com.zeromission.pages;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The session recorder (zm-recorder.js, docs/replay.md) in a real Chromium on a test checkout page, against a test
 * endpoint that captures every byte it sends (ReplayCapture): nothing before consent, gzip-encoded batches after it,
 * and none of what the customer typed, nor the page's texts outside [data-zm-unmask], nor an image, in any batch.
 */
@Import(ReplayCapture.class)
class ReplayRecorderBrowserTest extends PageTest {

    static final String CARD = "4111 1111 1111 1111", EMAIL = "anna.berg@example.com", PERSONAL_NUMBER = "19811218-9876",
            FREE_TEXT = "Call me on 070-123 45 67 about order Wombat";

    @Autowired
    ReplayCapture.Captured captured;

    final JsonMapper json = JsonMapper.builder().build();

    /** This test's pages send under /test-replay/run/{run}/. */
    String run;

    @BeforeEach
    void freshTab() {
        run = UUID.randomUUID().toString();
        // The tab's session storage is emptied on a page of the same origin without the recorder: on a recording page
        // the recorder resumed the previous test's session as it loaded, and its pagehide wrote to the storage again
        // after the clear, so that a test could go on with the last test's session and its settings.
        open("/actuator/health");
        js("sessionStorage.clear()");
    }

    /** One of the test checkout's addresses, in this test's run. */
    private void checkout(String query) {
        open("/test-replay/checkout?run=" + run + (query.isEmpty() ? "" : "&" + query));
    }

    @Test
    void sendsNothingBeforeConsentThenStartsASessionAndSendsGzippedBatches() {
        checkout("order=A-1001#pay");
        until("the page has loaded", () -> "complete".equals(js("return document.readyState")));
        type("card", CARD);
        browser().findElement(By.id("pay")).click();
        assertThat(js("return window.zmFetches")).as("requests made by the page's scripts before consent").isEqualTo(0L);
        assertThat(js("return performance.getEntriesByType('resource').filter(e => e.name.includes('/api/')).length"))
                .isEqualTo(0L);
        assertThat(js("return window.zmReplay.sessionId()")).isNull();
        assertThat(captured.of(run)).as("requests captured before consent").isEmpty();

        js("window.zmReplay.consent()");
        until("a batch has arrived", () -> captured.of(run).stream().anyMatch(ReplayCapture.Request::batch));
        var first = captured.of(run).get(0);
        assertThat(first.path()).isEqualTo("/test-replay/run/" + run + "/api/v1/replay-sessions");
        JsonNode start = json.readTree(first.text());
        assertThat(start.get("consent").asBoolean()).isTrue();
        assertThat(start.get("page").asString()).as("the page without its query and fragment")
                .endsWith("/test-replay/checkout");
        assertThat(js("return window.zmReplay.sessionId()")).isNotNull();
        for (var batch : batches()) {
            assertThat(batch.contentEncoding()).isEqualTo("gzip");
            assertThat(batch.body()[0] & 0xff).as("gzip magic").isEqualTo(0x1f);
            assertThat(batch.body()[1] & 0xff).isEqualTo(0x8b);
        }
        JsonNode meta = events().stream().filter(e -> e.get("type").asInt() == 4).findFirst().orElseThrow();
        assertThat(meta.get("data").get("href").asString()).endsWith("/test-replay/checkout");
    }

    @Test
    void nothingTypedNorTheTextOutsideUnmaskedPartsNorAnImageLeavesTheBrowser() {
        checkout("");
        js("window.zmReplay.consent()");
        until("recording", () -> js("return window.zmReplay.sessionId()") != null);
        type("card", CARD);
        type("email", EMAIL);
        type("pnr", PERSONAL_NUMBER);
        type("free", FREE_TEXT);
        browser().findElement(By.id("pay")).click();
        until("the error shown after paying was sent", () -> sent().contains("zm-error") && sent().contains("declined"));

        String sent = sent();
        for (String secret : List.of(CARD, "4111", EMAIL, "anna.berg", "example.com", PERSONAL_NUMBER, "811218", "9876",
                "070-123", "Wombat", "hidden-token-Narwhal", "Zebrasson", "Ingrid", "Okapi", "pixel.png", "who=anna")) {
            assertThat(sent).as("batches hold '%s'", secret).doesNotContain(secret);
        }
        assertThat(sent).as("text inside [data-zm-unmask] is kept").contains("Payment with Giraffe Pay");

        var events = events();
        var inputs = events.stream().filter(e -> e.get("type").asInt() == 3 && e.get("data").get("source").asInt() == 5)
                .map(e -> e.get("data").get("text").asString()).toList();
        assertThat(inputs).as("input events").isNotEmpty().allMatch(v -> v.matches("\\**"));
        var values = new ArrayList<String>();
        var images = new ArrayList<JsonNode>();
        events.stream().filter(e -> e.get("type").asInt() == 2).forEach(e -> walk(e.get("data").get("node"), values, images));
        assertThat(values).as("input values in the full snapshot").isNotEmpty().allMatch(v -> v.matches("\\**"));
        assertThat(images).as("the image, blocked").hasSize(1);
        assertThat(images.get(0).get("attributes").has("src")).isFalse();
        assertThat(images.get(0).get("attributes").has("rr_width")).as("a placeholder of its size").isTrue();

        var errors = events.stream().filter(e -> e.get("type").asInt() == 5 && "zm-error".equals(e.get("data").get("tag").asString()))
                .map(e -> e.get("data").get("payload").get("text").asString()).toList();
        assertThat(errors).contains("Payment failed: the card was declined")
                .anyMatch(t -> t.matches("[* ,]+") && t.length() == "Sorry Ingrid Zebrasson, try again".length());
        var seqs = batches().stream().map(b -> json.readTree(b.text()).get("seq").asInt()).toList();
        assertThat(seqs).as("batch numbers").doesNotHaveDuplicates().startsWith(0);
    }

    @Test
    void aSecondPageOfTheTabContinuesTheSessionAndOptingOutStopsIt() {
        checkout("");
        js("window.zmReplay.consent()");
        until("recording", () -> js("return window.zmReplay.sessionId()") != null);
        Object id = js("return window.zmReplay.sessionId()");
        checkout("step=2");
        until("recording again", () -> js("return window.zmReplay.sessionId()") != null);
        assertThat(js("return window.zmReplay.sessionId()")).as("the same session on the next page").isEqualTo(id);
        until("the second page's snapshot was sent", () -> events().stream().filter(e -> e.get("type").asInt() == 2).count() >= 2);
        assertThat(captured.of(run).stream().filter(r -> !r.batch()).count()).as("sessions started").isEqualTo(1);
        var seqs = batches().stream().map(b -> json.readTree(b.text()).get("seq").asInt()).toList();
        assertThat(seqs).as("the second page goes on numbering").doesNotHaveDuplicates();

        js("window.zmReplay.optOut()");
        assertThat(js("return window.zmReplay.sessionId()")).isNull();
        assertThat(js("return sessionStorage.getItem('zm-replay-session')")).isNull();
        checkout("step=3");
        until("the page has loaded", () -> "complete".equals(js("return document.readyState")));
        assertThat(js("return window.zmFetches")).as("no request on a page after opting out").isEqualTo(0L);
    }

    @Test
    void aPagesFullSnapshotGoesAtOnceCompressedNotAtTheNextFlush() {
        run = "lazy-" + UUID.randomUUID().toString().substring(0, 13); // told to flush once a minute
        checkout("");
        js("window.zmReplay.consent()");
        until("the page's snapshot was sent", () -> batches().stream()
                .anyMatch(b -> b.text().contains("\"type\":2") && "gzip".equals(b.contentEncoding())));
        // a customer who leaves the page at once leaves it recorded: its snapshot is not waiting for the next flush (nor
        // for the page to go, when what is left goes uncompressed under the 64 KiB keepalive limit, too small for it)
    }

    @Test
    void aBatchStillWaitingForAnAnswerWhenThePageGoesIsSentAgainAsThePageGoes() {
        run = "held-" + UUID.randomUUID().toString().substring(0, 13); // the server does not answer until released
        try {
            checkout("");
            js("window.zmReplay.consent()");
            until("the first batch is at the server, unanswered", () -> !batches().isEmpty());
            type("card", CARD);
            browser().findElement(By.id("pnr")).click(); // the card's value is recorded as it loses the focus
            int numbered = seq();
            until("the batch with the card's value is numbered, waiting behind the first", () -> seq() > numbered);
            int waiting = seq();
            checkout("step=2"); // the customer goes on before the server answered
            until("every numbered batch went as the page went", () -> batches().stream()
                    .map(b -> json.readTree(b.text()).get("seq").asInt()).distinct().filter(n -> n < waiting).count() == waiting);
            var typed = events().stream().filter(e -> e.get("type").asInt() == 3 && e.get("data").get("source").asInt() == 5)
                    .map(e -> e.get("data").get("text").asString()).toList();
            assertThat(typed).as("what was typed on the page, masked").contains("*".repeat(CARD.length()));
        } finally {
            captured.release();
        }
    }

    /** The tab's next batch number (the recorder keeps it in the session storage). */
    private int seq() {
        return Integer.parseInt(String.valueOf(js("return sessionStorage.getItem('zm-replay-seq')")));
    }

    private void type(String id, String text) {
        browser().findElement(By.id(id)).sendKeys(text);
    }

    private List<ReplayCapture.Request> batches() {
        return captured.of(run).stream().filter(ReplayCapture.Request::batch).toList();
    }

    /** Everything the batches carried, decompressed, one string. */
    private String sent() {
        var all = new StringBuilder();
        batches().forEach(b -> all.append(b.text()).append('\n'));
        return all.toString();
    }

    private List<JsonNode> events() {
        var out = new ArrayList<JsonNode>();
        for (var b : batches()) {
            json.readTree(b.text()).get("events").forEach(out::add);
        }
        return out;
    }

    /** The input values and the images of a snapshot's node tree. */
    private static void walk(JsonNode node, List<String> values, List<JsonNode> images) {
        if (node == null) {
            return;
        }
        String tag = node.has("tagName") ? node.get("tagName").asString() : "";
        if ((tag.equals("input") || tag.equals("textarea") || tag.equals("select")) && node.get("attributes").has("value")) {
            values.add(node.get("attributes").get("value").asString());
        }
        if (tag.equals("img")) {
            images.add(node);
        }
        if (node.has("childNodes")) {
            node.get("childNodes").forEach(c -> walk(c, values, images));
        }
    }

    private Object js(String script) {
        return ((JavascriptExecutor) browser()).executeScript(script);
    }

    private void until(String what, BooleanSupplier condition) {
        new WebDriverWait(browser(), Duration.ofSeconds(15)).withMessage(what).until(d -> condition.getAsBoolean());
    }
}
