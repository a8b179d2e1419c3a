package com.zeromission.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.method.HandlerMethod;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import com.zeromission.alarms.Alarms;
import com.zeromission.markets.Market;
import com.zeromission.support.TestDatabases;

/**
 * The shape of an invalid request's answer, pinned whole (RFC 9457: type, title, status, detail, instance, and the
 * named parameters in {@code errors}), as the one advice at the web edge gives it for every controller.
 */
@SpringBootTest(properties = "zeromission.alarms.scheduling=false")
@AutoConfigureMockMvc
class InvalidRequestProblemsTest {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        var dir = TestDatabases.newDataDir();
        registry.add("zeromission.data-dir", dir::toString);
        registry.add("spring.datasource.url", () -> TestDatabases.h2Url(dir));
        TestDatabases.useUsers(registry, new String[][] {{"viewer", "VIEWER"}, {"analyst", "ANALYST"}});
    }

    @Autowired
    MockMvcTester mvc;

    MvcTestResult get(String user, String uri) {
        return mvc.get().uri(uri).with(httpBasic(user, "secret")).exchange();
    }

    @Test
    void namesEveryBadParameterWithTheControllersTypeAndTitle() {
        var alerts = get("viewer", "/api/v1/alerts?state=closed&limit=0");
        assertThat(alerts).hasStatus(HttpStatus.BAD_REQUEST).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(alerts).bodyJson().isStrictlyEqualTo("""
                {"type": "https://zeromission.dev/problems/invalid-alerts-request", "title": "Invalid alerts request",
                 "status": 400, "instance": "/api/v1/alerts",
                 "detail": "state 'closed': must be 'open' or 'all'; limit '0': must be between 1 and %1$d",
                 "errors": [{"field": "state", "value": "closed", "reason": "must be 'open' or 'all'"},
                            {"field": "limit", "value": "0", "reason": "must be between 1 and %1$d"}]}"""
                .formatted(Alarms.MAX_LIST));
    }

    @Test
    void aControllerWithoutItsOwnTypeAnswersAboutBlank() {
        assertThat(get("viewer", "/api/v1/cpm?period=fortnight")).hasStatus(HttpStatus.BAD_REQUEST).bodyJson()
                .isStrictlyEqualTo("""
                        {"type": "about:blank", "title": "Invalid metrics request", "status": 400, "instance": "/api/v1/cpm",
                         "detail": "period 'fortnight': unknown period 'fortnight'; one of day, week, month, quarter, year",
                         "errors": [{"field": "period", "value": "fortnight",
                                     "reason": "unknown period 'fortnight'; one of day, week, month, quarter, year"}]}""");
    }

    @Test
    void echoedValuesAreMaskedAndAMissingValueIsNull() {
        assertThat(get("viewer", "/api/v1/alerts?state=anna.svensson@example.com")).bodyJson()
                .extractingPath("$.errors[0].value").isEqualTo("[EMAIL]");
        assertThat(new ParameterError("purchases", null, "is required").value()).isNull();
        assertThat(get("viewer", "/api/v1/cpm?period=day&channel=anna.svensson@example.com")).bodyJson()
                .extractingPath("$.detail").asString().doesNotContain("anna").contains("[EMAIL]");
    }

    @Test
    void aValueRefusedByItsTypeIsTheControllersInvalidRequestWithTheRefusalAsDetail() {
        var refused = mvc.post().uri("/api/v1/mystery/scenarios").with(httpBasic("analyst", "secret"))
                .contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"x\",\"market\":\"XX\",\"mode\":\"online\","
                        + "\"checkout\":\"web\",\"payment\":\"pay-later\",\"card\":\"none\"}").exchange();
        assertThat(refused).hasStatus(HttpStatus.BAD_REQUEST).bodyJson().isStrictlyEqualTo("""
                {"type": "https://zeromission.dev/problems/invalid-mystery-shopping-request",
                 "title": "Invalid mystery-shopping request", "status": 400, "instance": "/api/v1/mystery/scenarios",
                 "detail": "unknown market 'XX'; expected %s"}""".formatted(Market.ALLOWED));
    }

    /** A controller of the kind the advice answers for (as ProblemController is). */
    @InvalidRequests(type = "https://zeromission.dev/problems/invalid-test-request", title = "Invalid test request")
    static class RefusingController {
        public void refuse() {
            throw new IllegalArgumentException();
        }
    }

    @Autowired
    InvalidRequestProblems advice;

    @Test
    void aRefusalWithoutAMessageHasNoDetailRatherThanTheWordNull() throws Exception {
        var handler = new HandlerMethod(new RefusingController(), "refuse");
        var request = new ServletWebRequest(
                new MockHttpServletRequest("GET", "/api/v1/test"));

        var answer = advice.refused(new IllegalArgumentException(), handler, request);

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        var problem = (ProblemDetail) answer.getBody();
        assertThat(problem.getTitle()).isEqualTo("Invalid test request");
        assertThat(problem.getDetail()).isNull();
        assertThat(((ProblemDetail) advice.refused(new IllegalArgumentException("  "), handler,
                request).getBody()).getDetail()).isNull();
    }

    @Test
    void aControllerThatChecksItsOwnParametersLeavesTheRestToTheGenericAnswers() {
        // metrics declares valueRefusals = false: a path variable of the wrong type is the generic answer, not metrics'
        assertThat(get("viewer", "/api/v1/targets/abc")).hasStatus(HttpStatus.BAD_REQUEST).bodyJson().isStrictlyEqualTo("""
                {"type": "https://zeromission.dev/problems/malformed-request", "title": "Invalid request parameter",
                 "status": 400, "instance": "/api/v1/targets/abc",
                 "detail": "parameter 'year' must be a whole number, was 'abc'",
                 "errors": [{"field": "year", "value": "abc", "reason": "must be a whole number"}]}""");
    }

    @Test
    void aParameterOfTheWrongTypeIsNamedLikeAnyOtherBadParameter() {
        assertThat(get("viewer", "/api/v1/problems/abc")).hasStatus(HttpStatus.BAD_REQUEST).bodyJson().isStrictlyEqualTo("""
                {"type": "https://zeromission.dev/problems/invalid-problems-request", "title": "Invalid problems request",
                 "status": 400, "instance": "/api/v1/problems/abc", "detail": "id 'abc': must be a whole number",
                 "errors": [{"field": "id", "value": "abc", "reason": "must be a whole number"}]}""");
    }
}
