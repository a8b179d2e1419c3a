package com.zeromission.pages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.util.LinkedMultiValueMap;

import com.zeromission.insights.Evidence;
import com.zeromission.insights.ImpactModel;
import com.zeromission.insights.Insight;
import com.zeromission.insights.InsightContent;
import com.zeromission.insights.Insights;
import com.zeromission.insights.ReplayLookup;
import com.zeromission.insights.Team;
import com.zeromission.support.TestDatabases;

/**
 * A moment of a session replay as an insight's evidence, end to end in the insights API and the insight page: JSON of
 * type {@code replay-moment}, checked against the replay store (here a stand-in for the replay module: two stored
 * replays), kept by PATCH, guarded by PUT, in the history, the OpenAPI document, the form (errors beside the field)
 * and as a link to the player at its moment.
 */
@SpringBootTest(properties = {"zeromission.alarms.scheduling=false", "zeromission.problems.scheduling=false",
        "zeromission.insights.scheduling=false"})
@AutoConfigureMockMvc
class ReplayMomentEvidenceTest {

    static final String CHECKOUT = "0192f3c4-5d6e-7f80-9a1b-2c3d4e5f6a7b", FEEDBACK = "0192f3c4-0000-7000-8000-00000000feed",
            GONE = "0192f3c4-dead-7000-8000-000000000000";

    /** The replays stored now; a test may let one expire (put back before each test). */
    static final Map<String, Long> STORED = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * Two stored replays, 2:00 and 5:00 long, one of which a test lets expire: in place of the replay module's answer
     * (insights.internal.ReplayDurations over Replays, tested with real stored replays in ReplayLinksPagesTest), so
     * that these tests of the evidence's semantics control the replays' lengths and expiry exactly.
     */
    @TestConfiguration
    static class StoredReplays {
        @Bean
        @Primary
        ReplayLookup replayLookup() {
            return id -> STORED.containsKey(id) ? OptionalLong.of(STORED.get(id)) : OptionalLong.empty();
        }
    }

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabases.useH2(registry);
        TestDatabases.useUsers(registry, new String[][] {{"analyst", "ANALYST"}, {"viewer", "VIEWER"}, {"admin", "ADMIN"}});
    }

    @Autowired
    MockMvcTester mvc;
    @Autowired
    Insights insights;

    Insight insight;

    @BeforeEach
    void anInsightShownByAMomentOfTheCheckoutReplay() {
        STORED.clear();
        STORED.putAll(Map.of(CHECKOUT, 120_000L, FEEDBACK, 300_000L));
        insights.saveTeam(new Team("checkout", "payments", List.of("maria")));
        insight = insights.create(new InsightContent("Card payments fail at checkout", List.of(),
                List.of(new Evidence.ReplayMoment(CHECKOUT, 83_000)), List.of(),
                "Card payments fail at the last step of the web checkout and customers cannot pay for their order.",
                "Retry the card authorisation once and offer invoice as the other way to pay right there.",
                new ImpactModel(4_000, 1.0, new BigDecimal("6.00"), BigDecimal.ZERO, 0, BigDecimal.ZERO, 0.5),
                5.0, "checkout", "maria", List.of("checkout"), List.of(), null, null), "analyst");
    }

    MvcTestResult json(String method, String uri, String body) {
        var request = switch (method) {
            case "PUT" -> mvc.put();
            case "PATCH" -> mvc.patch();
            default -> mvc.post();
        };
        return request.uri(uri).with(httpBasic("analyst", "secret"))
                .contentType(method.equals("PATCH") ? MediaType.parseMediaType("application/merge-patch+json")
                        : MediaType.APPLICATION_JSON).content(body).exchange();
    }

    MvcTestResult read() {
        return mvc.get().uri("/api/v1/insights/" + insight.id()).with(httpBasic("viewer", "secret")).exchange();
    }

    @Test
    void theApiShowsTheMomentAsReplayMomentAndTheGatePassesWithItAlone() {
        assertThat(read()).hasStatusOk().bodyJson().extractingPath("$.content.evidence[0]")
                .isEqualTo(Map.of("type", "replay-moment", "replayId", CHECKOUT, "atMillis", 83000));
        assertThat(read()).bodyJson().extractingPath("$.gate.passed").isEqualTo(true);
    }

    @Test
    void aPatchAddsAMomentOfAStoredReplayAndTheHistoryCountsItAsEvidence() throws Exception {
        var patched = json("PATCH", "/api/v1/insights/" + insight.id(), "{\"evidence\":["
                + "{\"type\":\"replay-moment\",\"replayId\":\"" + CHECKOUT + "\",\"atMillis\":83000},"
                + "{\"type\":\"replay-moment\",\"replayId\":\"" + FEEDBACK + "\",\"atMillis\":4000}]}");
        assertThat(patched).hasStatusOk().bodyJson().extractingPath("$.content.evidence[*].replayId").asArray()
                .containsExactly(CHECKOUT, FEEDBACK);
        assertThat(read()).bodyJson().extractingPath("$.history[-1].note")
                .isEqualTo("edited (PATCH): evidence; evidence: 1 added, 0 removed");
        // a patch of another field keeps the moments
        assertThat(json("PATCH", "/api/v1/insights/" + insight.id(), "{\"effortPersonDays\":6}")).hasStatusOk()
                .bodyJson().extractingPath("$.content.evidence").asArray().hasSize(2);
        var audit = mvc.get().uri("/api/v1/audit?limit=5").with(httpBasic("admin", "secret")).exchange();
        assertThat(audit).bodyJson().extractingPath("$[1].detail").isEqualTo("edited (PATCH): evidence; evidence: 1 added, 0 removed");
    }

    @Test
    void aMomentOfAReplayThatIsNotStoredOrAfterItsEndIsA422AndChangesNothing() throws Exception {
        String before = read().getResponse().getContentAsString();
        var unknown = json("PATCH", "/api/v1/insights/" + insight.id(), "{\"evidence\":["
                + "{\"type\":\"replay-moment\",\"replayId\":\"" + GONE + "\",\"atMillis\":1000}]}");
        assertThat(unknown).hasStatus(HttpStatus.UNPROCESSABLE_CONTENT).bodyJson().extractingPath("$.type")
                .isEqualTo("https://zeromission.dev/problems/replay-moment-refused");
        assertThat(unknown).bodyJson().extractingPath("$.detail").isEqualTo("replay moment " + GONE + " at 0:01 cannot "
                + "be evidence: no replay " + GONE + " is stored (never recorded, expired or erased); nothing was changed");
        var late = json("PATCH", "/api/v1/insights/" + insight.id(), "{\"evidence\":["
                + "{\"type\":\"replay-moment\",\"replayId\":\"" + CHECKOUT + "\",\"atMillis\":121000}]}");
        assertThat(late).hasStatus(HttpStatus.UNPROCESSABLE_CONTENT).bodyJson().extractingPath("$.detail").asString()
                .contains("the replay is only 2:00 long");
        var malformed = json("PATCH", "/api/v1/insights/" + insight.id(), "{\"evidence\":["
                + "{\"type\":\"replay-moment\",\"replayId\":\"checkout-1\",\"atMillis\":1000}]}");
        assertThat(malformed).hasStatus(HttpStatus.BAD_REQUEST).bodyJson().extractingPath("$.detail").asString()
                .contains("a uuid like", "was 'checkout-1'");
        assertThat(read().getResponse().getContentAsString()).isEqualTo(before);
    }

    @Test
    void aMomentWhoseReplayExpiredSinceStaysEvidenceAndOtherEditsGoOn() {
        STORED.remove(CHECKOUT); // retention or erasure removed the replay after the moment was added
        assertThat(json("PATCH", "/api/v1/insights/" + insight.id(), "{\"effortPersonDays\":7}")).hasStatusOk()
                .bodyJson().extractingPath("$.content.evidence[0].replayId").isEqualTo(CHECKOUT);
        assertThat(postForm(CHECKOUT + " at 1:23")).hasStatus(HttpStatus.FOUND);
        // adding it again after it was removed is a new moment: checked, and refused
        assertThat(postForm("")).hasStatus(HttpStatus.FOUND);
        assertThat(postForm(CHECKOUT + " at 1:23")).hasStatus(HttpStatus.BAD_REQUEST).bodyText()
                .contains("no replay " + CHECKOUT + " is stored");
    }

    @Test
    void aPutThatLeavesOutTheMomentIsRefusedNamingItAndOneThatSendsItBackIsSaved() throws Exception {
        String content = new tools.jackson.databind.json.JsonMapper().readTree(read().getResponse().getContentAsString())
                .get("content").toString();
        String without = content.replaceAll("\\{\"type\":\"replay-moment\"[^}]*}", "");
        var refused = json("PUT", "/api/v1/insights/" + insight.id(), without);
        assertThat(refused).hasStatus(HttpStatus.CONFLICT).bodyJson().extractingPath("$.lost[0]")
                .isEqualTo("replay moment " + CHECKOUT + " at 1:23");
        assertThat(json("PUT", "/api/v1/insights/" + insight.id(), content.replace("fail at checkout", "fail when paying")))
                .hasStatusOk().bodyJson().extractingPath("$.content.evidence[0].atMillis").isEqualTo(83000);
    }

    @Test
    void theOpenApiDocumentListsTheReplayMomentEvidence() {
        var doc = mvc.get().uri("/v3/api-docs").with(user("viewer").roles("VIEWER")).exchange();
        // as the other kinds: a subtype of Evidence (its discriminator "type"), with its own fields
        assertThat(doc).hasStatusOk().bodyJson().extractingPath("$.components.schemas.ReplayMoment.allOf[0]['$ref']")
                .isEqualTo("#/components/schemas/Evidence");
        assertThat(doc).bodyJson().extractingPath("$.components.schemas.ReplayMoment.allOf[1].properties")
                .asMap().containsOnlyKeys("replayId", "atMillis");
    }

    // ---- the insight page ----------------------------------------------------------------------------------

    MvcTestResult page() {
        return mvc.get().uri("/insights/" + insight.id()).with(user("analyst").roles("ANALYST")).exchange();
    }

    MvcTestResult postForm(String moments) {
        var f = InsightForm.of(insight.content());
        var form = new LinkedMultiValueMap<String, String>();
        form.add("title", f.title());
        form.add("problemDefinition", f.problemDefinition());
        form.add("proposedSolution", f.proposedSolution());
        form.add("ownerTeam", f.ownerTeam());
        form.add("responsiblePerson", f.responsiblePerson());
        form.add("effortPersonDays", f.effortPersonDays());
        form.add("occurrencesPerYear", f.occurrencesPerYear());
        form.add("contactsPerOccurrence", f.contactsPerOccurrence());
        form.add("contactCost", f.contactCost());
        form.add("shareRemovedPercent", f.shareRemovedPercent());
        form.add("replayUrl", f.replayUrl());
        form.add("replayMoments", moments);
        return mvc.post().uri("/insights/" + insight.id() + "/edit").with(user("analyst").roles("ANALYST")).with(csrf())
                .formFields(form).exchange();
    }

    @Test
    void thePageLinksTheMomentToThePlayerAtItsTimeAndTheFormShowsItAsIdAtTime() {
        assertThat(page()).hasStatusOk().bodyText()
                .contains("<a class=\"replay-moment\" href=\"/replays/" + CHECKOUT + "?t=83000\">replay 0192f3c4 at 1:23</a>")
                .contains(CHECKOUT + " at 1:23</textarea>");
    }

    @Test
    void theFormSavesMomentsTypedAsIdAtTimeOrPastedFromThePlayersAddress() {
        var saved = postForm(CHECKOUT + " at 1:23\r\nhttps://zeromission.example/replays/" + FEEDBACK + "?t=4250\n\n"
                + FEEDBACK.toUpperCase(java.util.Locale.ROOT) + " at 1:02:03".replace("1:02:03", "4:59.5"));
        assertThat(saved).hasStatus(HttpStatus.FOUND);
        assertThat(insights.get(insight.id()).content().evidence()).containsExactly(
                new Evidence.ReplayMoment(CHECKOUT, 83_000), new Evidence.ReplayMoment(FEEDBACK, 4_250),
                new Evidence.ReplayMoment(FEEDBACK, 299_500));
        // shown again as typed-back text that saves to the same moments (nothing changes on a second save)
        var form = InsightForm.of(insights.get(insight.id()).content());
        assertThat(form.replayMoments()).isEqualTo(CHECKOUT + " at 1:23\n" + FEEDBACK + " at 0:04.250\n" + FEEDBACK + " at 4:59.500");
        int steps = insights.get(insight.id()).history().size();
        assertThat(postForm(form.replayMoments())).hasStatus(HttpStatus.FOUND);
        assertThat(insights.get(insight.id()).history()).hasSize(steps);
        // emptied: the moments are removed on purpose, the gate then misses evidence
        assertThat(postForm("")).hasStatus(HttpStatus.FOUND);
        assertThat(insights.get(insight.id()).content().evidence()).isEmpty();
    }

    @Test
    void aBadLineOrAReplayThatIsNotStoredIsShownBesideTheFieldAndNothingChanges() {
        var bad = postForm(CHECKOUT + " at 1:23\nthe checkout replay at 1:23");
        assertThat(bad).hasStatus(HttpStatus.BAD_REQUEST).bodyText()
                .contains("<p class=\"field-error\" id=\"replayMoments-error\">replay moment (line 2) must be a replay id and a time")
                .contains("was &#39;the checkout replay at 1:23&#39;")
                .contains("aria-invalid=\"true\"");
        assertThat(postForm(CHECKOUT + " at 1:75")).hasStatus(HttpStatus.BAD_REQUEST).bodyText()
                .contains("replay moment&#39;s time must be m:ss or h:mm:ss");
        var gone = postForm(GONE + " at 0:10");
        assertThat(gone).hasStatus(HttpStatus.BAD_REQUEST).bodyText().contains("id=\"replayMoments-error\">replay moment "
                + GONE + " at 0:10 cannot be evidence: no replay " + GONE + " is stored");
        var late = postForm(CHECKOUT + " at 2:01");
        assertThat(late).hasStatus(HttpStatus.BAD_REQUEST).bodyText().contains("the replay is only 2:00 long");
        // what was typed stays in the field
        assertThat(late).bodyText().contains(CHECKOUT + " at 2:01</textarea>");
        assertThat(insights.get(insight.id())).isEqualTo(insight);
    }
}
