package com.zeromission.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpMethod;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

import com.zeromission.support.TestDatabases;

/**
 * Role × page, like {@link RoleMatrixTest} for the API: every page and every form post, by every role and by
 * nobody. Expectations are written by hand from what each page is for. A permitted call may be a 400 or 404 (ids
 * here do not exist); a refused one is exactly 403, and somebody not signed in is sent to the sign-in page. Form
 * posts carry a valid CSRF token, so a 403 means the role, not the token.
 */
@SpringBootTest(properties = "zeromission.alarms.scheduling=false")
@AutoConfigureMockMvc
class PageRoleMatrixTest {

    static final String[] ROLES = {"ADMIN", "ANALYST", "TEAM_MEMBER", "VIEWER", "INGEST"};
    static final Set<String> READERS = Set.of("ADMIN", "ANALYST", "TEAM_MEMBER", "VIEWER");
    static final Set<String> ANALYSTS = Set.of("ADMIN", "ANALYST");
    static final Set<String> MOVERS = Set.of("ADMIN", "ANALYST", "TEAM_MEMBER");

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabases.useH2(registry);
    }

    record Page(HttpMethod method, String path, Set<String> allowed) {
    }

    static final List<Page> PAGES = List.of(
            new Page(HttpMethod.GET, "/", READERS),
            new Page(HttpMethod.GET, "/problems", READERS),
            new Page(HttpMethod.GET, "/problems/987654", READERS),
            new Page(HttpMethod.POST, "/problems/987654/rename", ANALYSTS),
            new Page(HttpMethod.POST, "/problems/987654/merge", ANALYSTS),
            new Page(HttpMethod.POST, "/problems/987654/split", ANALYSTS),
            new Page(HttpMethod.POST, "/problems/987654/pin", ANALYSTS),
            new Page(HttpMethod.POST, "/problems/987654/resolve", ANALYSTS),
            new Page(HttpMethod.POST, "/problems/987654/reopen", ANALYSTS),
            new Page(HttpMethod.GET, "/search", READERS),
            new Page(HttpMethod.GET, "/search?q=invoice&market=SE&page=2", READERS),
            new Page(HttpMethod.GET, "/problems/merge?into=987654&from=987653", ANALYSTS),
            new Page(HttpMethod.POST, "/problems/merge", ANALYSTS),
            new Page(HttpMethod.POST, "/problems/merges/987654/undo", ANALYSTS),
            new Page(HttpMethod.GET, "/insights", READERS),
            new Page(HttpMethod.GET, "/insights/987654", READERS),
            new Page(HttpMethod.POST, "/insights/987654/delegate", ANALYSTS),
            new Page(HttpMethod.POST, "/insights/987654/move", MOVERS),
            new Page(HttpMethod.POST, "/insights/987654/edit", ANALYSTS),
            new Page(HttpMethod.GET, "/insights/new", ANALYSTS),
            new Page(HttpMethod.GET, "/insights/987654/edit", READERS),
            new Page(HttpMethod.POST, "/insights", ANALYSTS),
            new Page(HttpMethod.POST, "/insights/gate", ANALYSTS),
            new Page(HttpMethod.POST, "/insights/987654/attachments", ANALYSTS),
            new Page(HttpMethod.POST, "/insights/987654/measure", ANALYSTS),
            new Page(HttpMethod.GET, "/teams", READERS),
            // one's own teams' work, with its move buttons: for those who move it
            new Page(HttpMethod.GET, "/my-team", MOVERS),
            new Page(HttpMethod.GET, "/weekly", READERS),
            new Page(HttpMethod.GET, "/weekly?week=2026-W48", READERS),
            new Page(HttpMethod.GET, "/leaps", READERS),
            new Page(HttpMethod.GET, "/leaps/987654", READERS),
            new Page(HttpMethod.GET, "/deadlines", READERS),
            new Page(HttpMethod.GET, "/reports/yearly?year=2026", READERS),
            new Page(HttpMethod.GET, "/reports/yearly?year=1999", READERS),
            new Page(HttpMethod.GET, "/mystery", READERS),
            new Page(HttpMethod.GET, "/mystery/runs/1", READERS),
            // the call list says whom to call: agents and analysts, not viewers
            new Page(HttpMethod.GET, "/callbacks", MOVERS),
            new Page(HttpMethod.GET, "/callbacks?week=2026-W48", MOVERS),
            new Page(HttpMethod.POST, "/callbacks/lists", ANALYSTS),
            new Page(HttpMethod.POST, "/callbacks/987654/outcome", MOVERS),
            new Page(HttpMethod.POST, "/callbacks/987654/evidence", ANALYSTS),
            // watching a customer's session is analysts' work, as GET /api/v1/replays/{id}
            new Page(HttpMethod.GET, "/replays/0190a6f2-0000-7000-8000-000000000001", ANALYSTS),
            new Page(HttpMethod.GET, "/replays/0190a6f2-0000-7000-8000-000000000001?t=1500", ANALYSTS),
            new Page(HttpMethod.GET, "/imports", ANALYSTS),
            new Page(HttpMethod.GET, "/imports/0190a6f2-0000-7000-8000-000000000000", ANALYSTS),
            new Page(HttpMethod.POST, "/imports", ANALYSTS),
            // not a page of the product: denied to everybody, signed in or not
            new Page(HttpMethod.GET, "/no-such-page", Set.of()));

    @Autowired
    MockMvcTester mvc;

    MockHttpServletRequestBuilder request(Page page) {
        var r = MockMvcRequestBuilders.request(page.method(), page.path());
        if (page.method() == HttpMethod.POST) {
            r.with(csrf());
            if (page.path().equals("/imports")) {
                r.contentType("text/csv").content("");
            }
        }
        return r;
    }

    @Test
    void everyPageAndFormPostIsOpenToExactlyItsRoles() {
        var wrong = new ArrayList<String>();
        for (Page page : PAGES) {
            for (String role : ROLES) {
                var response = mvc.perform(request(page).with(user(role.toLowerCase()).roles(role))).getResponse();
                int status = response.getStatus();
                boolean allowed = page.allowed().contains(role);
                // a redirect is a refusal only when it leads to the sign-in page: the merge forms answer a refused
                // merge by going back to the merge preview, where the reason is shown
                boolean toSignIn = status == 302 && String.valueOf(response.getRedirectedUrl()).endsWith("/login");
                if (allowed && (status == 401 || status == 403 || toSignIn)) {
                    wrong.add(page.method() + " " + page.path() + " as " + role + ": " + status + ", expected access");
                } else if (!allowed && status != 403) {
                    wrong.add(page.method() + " " + page.path() + " as " + role + ": " + status + ", expected 403");
                }
            }
            var anonymous = mvc.perform(request(page)).getResponse();
            if (anonymous.getStatus() != 302 || !String.valueOf(anonymous.getRedirectedUrl()).endsWith("/login")) {
                wrong.add(page.method() + " " + page.path() + " signed out: " + anonymous.getStatus() + " to "
                        + anonymous.getRedirectedUrl() + ", expected a redirect to the sign-in page");
            }
        }
        assertThat(wrong).as("pages answering the wrong roles").isEmpty();
    }

    @Test
    void theSignInPageTheFeedbackFormAndTheAssetsNeedNoSignIn() {
        for (String path : List.of("/login", "/feedback", "/css/app.css", "/js/dashboard.js",
                "/webjars/chart.js/dist/chart.umd.min.js", "/webjars/htmx.org/dist/htmx.min.js")) {
            assertThat(mvc.get().uri(path).exchange()).as(path).hasStatusOk();
        }
    }

    @Test
    void aFormPostWithoutTheCsrfTokenIsRefusedEvenForAnAdmin() {
        assertThat(mvc.post().uri("/problems/1/rename").param("label", "x").with(user("admin").roles("ADMIN")).exchange())
                .hasStatus(403);
    }

    @Test
    void pagesSendAContentSecurityPolicyThatAllowsOnlyTheProductsOwnScripts() {
        var response = mvc.get().uri("/login").exchange().getResponse();
        assertThat(response.getHeader("Content-Security-Policy")).contains("script-src 'self'")
                .contains("frame-ancestors 'none'").doesNotContain("unsafe-inline");
        assertThat(response.getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
    }

    @Test
    void theSessionReplayScriptsArePublicGzippedAndCachedForAnHour() throws Exception {
        // the build's esbuild step put them there (src/main/frontend, docs/replay.md); a company's page loads them
        for (String file : new String[] {"zm-recorder.js", "zm-player.js", "zm-player.css"}) {
            var plain = mvc.get().uri("/replay/" + file).exchange().getResponse();
            assertThat(plain.getStatus()).as(file).isEqualTo(200);
            assertThat(plain.getContentAsByteArray().length).as(file).isGreaterThan(5_000);
            var gzip = mvc.get().uri("/replay/" + file).header("Accept-Encoding", "gzip, deflate").exchange().getResponse();
            assertThat(gzip.getHeader("Content-Encoding")).as(file).isEqualTo("gzip");
            assertThat(gzip.getContentAsByteArray().length).as(file).isLessThan(plain.getContentAsByteArray().length / 2);
            assertThat(gzip.getHeader("Cache-Control")).as(file).contains("max-age=3600", "public");
        }
        assertThat(mvc.get().uri("/replay/zm-recorder.js").exchange().getResponse().getContentAsString())
                .contains("zmReplay", "data-zm-unmask");
        assertThat(mvc.get().uri("/replay/THIRD-PARTY-NOTICES.txt").exchange().getResponse().getContentAsString())
                .contains("@rrweb/record@2.1.6 - MIT", "rrweb-player@2.1.6 - MIT", "Permission is hereby granted");
    }

    @Test
    @WithMockUser(roles = "ANALYST")
    void theReplayPlayerAlsoAllowsInlineStylesButStillOnlyTheProductsOwnScripts() {
        var csp = mvc.get().uri("/replays/0190a6f2-0000-7000-8000-000000000001").exchange().getResponse()
                .getHeader("Content-Security-Policy");
        assertThat(csp).contains("style-src 'self' 'unsafe-inline'", "script-src 'self';", "frame-ancestors 'none'");
        assertThat(mvc.get().uri("/replays/0190a6f2-0000-7000-8000-000000000001/events").exchange().getResponse()
                .getHeader("Content-Security-Policy")).as("only the page itself").doesNotContain("unsafe-inline");
    }
}
