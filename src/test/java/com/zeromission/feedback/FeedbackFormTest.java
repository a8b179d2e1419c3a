package com.zeromission.feedback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import com.zeromission.support.TestDatabases;

/** The public feedback form: no login, English and Swedish, CSRF, validation, rate limit, into intake masked. */
@SpringBootTest(properties = {"zeromission.alarms.scheduling=false", "zeromission.feedback.rate-limit=3",
        "zeromission.security.trusted-proxies=10.9.0.0/16"})
@AutoConfigureMockMvc
class FeedbackFormTest {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabases.useH2(registry);
    }

    @Autowired
    MockMvcTester mvc;
    @Autowired
    JdbcTemplate jdbc;

    MvcTestResult post(String client, String message, boolean withToken) {
        return post(client, null, message, withToken);
    }

    /** A post from {@code peer}, with an X-Forwarded-For header when {@code forwardedFor} is not null. */
    MvcTestResult post(String peer, String forwardedFor, String message, boolean withToken) {
        var request = mvc.post().uri("/feedback?lang=sv").contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .param("message", message).param("market", "SE").param("product", "pay-later")
                .with(r -> {
                    r.setRemoteAddr(peer);
                    if (forwardedFor != null) {
                        r.addHeader("X-Forwarded-For", forwardedFor);
                    }
                    return r;
                });
        return (withToken ? request.with(csrf()) : request).exchange();
    }

    long feedbackSignals() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM signal WHERE source = 'feedback-form'", Long.class);
    }

    @Test
    void showsTheFormWithoutLoginInEnglishAndSwedishWithACsrfToken() throws Exception {
        var en = mvc.get().uri("/feedback").exchange();
        assertThat(en).hasStatus(HttpStatus.OK);
        assertThat(en.getResponse().getContentAsString()).contains("Tell us what went wrong", "name=\"_csrf\"");
        var sv = mvc.get().uri("/feedback?lang=sv").exchange();
        assertThat(sv.getResponse().getContentAsString()).contains("Berätta vad som gick fel", "lang=\"sv\"");
        // markets and products in words of the page's language, the codes only as the values sent
        assertThat(sv.getResponse().getContentAsString()).contains("value=\"SE\">Sverige<", "value=\"DK\">Danmark<",
                "value=\"pay-in-3\">Delbetalning<").doesNotContain(">SE<", ">pay-in-3<");
        assertThat(en.getResponse().getContentAsString()).contains("value=\"SE\">Sweden<", "value=\"pay-in-3\">Pay in 3<");
        var byBrowser = mvc.get().uri("/feedback").header("Accept-Language", "sv-SE,sv;q=0.9").exchange();
        assertThat(byBrowser.getResponse().getContentAsString()).contains("Berätta vad som gick fel");
        assertThat(en.getResponse().getHeader("Content-Security-Policy")).contains("frame-ancestors 'none'")
                .contains("style-src 'self'").doesNotContain("unsafe-inline")
                // the session recorder and its posts: the product's own origin, nothing else
                .contains("script-src 'self'", "connect-src 'self'").doesNotContain("http", "*");
        assertThat(en.getResponse().getContentAsString()).doesNotContain("<style").contains("/css/feedback.css");
    }

    @Test
    void storesWhatIsSentAsAMaskedFeedbackSignalAndSaysThankYou() throws Exception {
        long before = feedbackSignals();

        var sent = post("10.0.0.1", "Fakturan kom aldrig. Mejla mig på anna.svensson@example.com", true);

        // post/redirect/get: the confirmation is its own page, so a reload does not send the message again
        assertThat(sent).hasStatus(HttpStatus.FOUND);
        assertThat(sent.getResponse().getRedirectedUrl()).isEqualTo("/feedback/thanks?lang=sv");
        var thanks = mvc.get().uri("/feedback/thanks?lang=sv").exchange();
        assertThat(thanks.getResponse().getContentAsString()).contains("Tack", "Vi har tagit emot");
        assertThat(feedbackSignals()).isEqualTo(before + 1);
        var row = jdbc.queryForMap("SELECT channel, market, product, lang, body FROM signal WHERE source = 'feedback-form' "
                + "ORDER BY ingested_at DESC LIMIT 1");
        assertThat(row.get("channel")).isEqualTo("FEEDBACK_FORM");
        assertThat(row.get("lang")).isEqualTo("sv");
        assertThat((String) row.get("body")).contains("Fakturan kom aldrig", "[EMAIL]").doesNotContain("anna.svensson");
    }

    @Test
    void refusesAPostWithoutTheCsrfTokenAndStoresNothing() {
        long before = feedbackSignals();
        assertThat(post("10.0.0.2", "A message long enough to be stored", false)).hasStatus(HttpStatus.FORBIDDEN);
        assertThat(feedbackSignals()).isEqualTo(before);
    }

    @Test
    void answersATooShortMessageWithTheFormAndItsReason() throws Exception {
        long before = feedbackSignals();
        var tooShort = post("10.0.0.3", "Dåligt", true);
        assertThat(tooShort).hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(tooShort.getResponse().getContentAsString()).contains("Skriv lite mer: minst 10 tecken", "Dåligt");
        assertThat(feedbackSignals()).isEqualTo(before);
    }

    @Test
    void slowsDownAClientThatSendsTooManyWith429AndRetryAfter() throws Exception {
        for (int i = 0; i < 3; i++) {
            assertThat(post("10.0.0.9", "Message number " + i + " about a refund", true)).hasStatus(HttpStatus.FOUND);
        }
        long before = feedbackSignals();

        var fourth = post("10.0.0.9", "Message number 4 about a refund", true);

        assertThat(fourth).hasStatus(HttpStatus.TOO_MANY_REQUESTS);
        assertThat(Long.parseLong(fourth.getResponse().getHeader("Retry-After"))).isBetween(1L, 600L);
        assertThat(fourth.getResponse().getContentAsString()).contains("Vänta en stund", "Försök igen om 10 minuter");
        assertThat(feedbackSignals()).isEqualTo(before);
        // another client is not slowed down by this one
        assertThat(post("10.0.0.10", "Another customer's message", true)).hasStatus(HttpStatus.FOUND);
    }

    @Test
    void countsOnlyStoredMessagesSoInvalidPostsDoNotUseUpTheBudget() {
        for (int i = 0; i < 3; i++) {
            assertThat(post("10.0.0.20", "Dåligt", true)).hasStatus(HttpStatus.BAD_REQUEST);
        }
        for (int i = 0; i < 3; i++) {
            assertThat(post("10.0.0.20", "Message number " + i + " about a refund", true)).hasStatus(HttpStatus.FOUND);
        }
        assertThat(post("10.0.0.20", "One more message about a refund", true)).hasStatus(HttpStatus.TOO_MANY_REQUESTS);
        // over the budget even an invalid post is refused: the limit is checked first, it just does not count it
        assertThat(post("10.0.0.20", "Dåligt", true)).hasStatus(HttpStatus.TOO_MANY_REQUESTS);
    }

    @Test
    void behindATrustedProxyEachCustomerHasABudgetOfTheirOwn() {
        for (int i = 0; i < 3; i++) {
            assertThat(post("10.9.0.1", "198.51.100.1", "Message number " + i + " about a refund", true))
                    .hasStatus(HttpStatus.FOUND);
        }
        assertThat(post("10.9.0.1", "198.51.100.1", "One more message about a refund", true))
                .hasStatus(HttpStatus.TOO_MANY_REQUESTS);
        // another customer behind the same proxy (its address is the peer of every post)
        assertThat(post("10.9.0.1", "198.51.100.2", "Another customer's message", true)).hasStatus(HttpStatus.FOUND);
    }

    @Test
    void aClientThatIsNotATrustedProxyCannotPickItsBudgetWithXForwardedFor() {
        for (int i = 0; i < 3; i++) {
            assertThat(post("10.0.0.30", "198.51.100." + (10 + i), "Message number " + i + " about a refund", true))
                    .hasStatus(HttpStatus.FOUND);
        }
        assertThat(post("10.0.0.30", "198.51.100.99", "One more message about a refund", true))
                .hasStatus(HttpStatus.TOO_MANY_REQUESTS);
    }

    @Test
    void keepsTheApiBehindItsLogin() {
        assertThat(mvc.get().uri("/api/v1/signals").exchange()).hasStatus(HttpStatus.UNAUTHORIZED);
    }
}
