package com.zeromission.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import com.zeromission.support.TestDatabases;

/**
 * Role × endpoint: every endpoint of the API, called by every role and by nobody. The expected roles are written
 * here, by hand, from what each endpoint is for, not read from the security configuration: a rule that drifts from
 * its intent fails. A permitted call may still be a 400 or 404 (the minimal bodies are often invalid); what it may
 * not be is a 401 or 403. A refused call must be exactly 403 (401 without credentials).
 */
@SpringBootTest(properties = "zeromission.alarms.scheduling=false")
@AutoConfigureMockMvc
class RoleMatrixTest {

    static final String[][] USERS = {{"admin", "ADMIN"}, {"analyst", "ANALYST"}, {"member", "TEAM_MEMBER"},
            {"viewer", "VIEWER"}, {"ingest", "INGEST"}};
    static final Set<String> READERS = Set.of("admin", "analyst", "member", "viewer");
    static final Set<String> ANALYSTS = Set.of("admin", "analyst");
    static final Set<String> FEEDERS = Set.of("admin", "analyst", "ingest");
    static final Set<String> EVERYONE = Set.of("admin", "analyst", "member", "viewer", "ingest");

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabases.useH2(registry);
        TestDatabases.useUsers(registry, USERS);
    }

    record Endpoint(HttpMethod method, String path, String contentType, String body, Set<String> allowed) {
    }

    static final String JSON = MediaType.APPLICATION_JSON_VALUE;

    static final List<Endpoint> ENDPOINTS = List.of(
            new Endpoint(HttpMethod.GET, "/v3/api-docs", null, null, EVERYONE),
            new Endpoint(HttpMethod.GET, "/actuator/prometheus", null, null, Set.of("admin")),
            new Endpoint(HttpMethod.POST, "/api/v1/signals", JSON, "{}", FEEDERS),
            new Endpoint(HttpMethod.POST, "/api/v1/signals/batch", JSON, "[]", FEEDERS),
            new Endpoint(HttpMethod.GET, "/api/v1/signals", null, null, READERS),
            new Endpoint(HttpMethod.GET, "/api/v1/signals/summary", null, null, READERS),
            new Endpoint(HttpMethod.GET, "/api/v1/signals/search?q=invoice", null, null, READERS),
            new Endpoint(HttpMethod.GET, "/api/v1/problems/1/signals", null, null, READERS),
            new Endpoint(HttpMethod.POST, "/api/v1/imports", "text/csv", "x", ANALYSTS),
            new Endpoint(HttpMethod.GET, "/api/v1/imports", null, null, ANALYSTS),
            new Endpoint(HttpMethod.GET, "/api/v1/cpm?period=year&from=2025-01-01&to=2025-12-31", null, null, READERS),
            new Endpoint(HttpMethod.GET, "/api/v1/targets/2025/progress", null, null, READERS),
            new Endpoint(HttpMethod.PUT, "/api/v1/targets/2025", JSON, "{}", Set.of("admin")),
            new Endpoint(HttpMethod.PUT, "/api/v1/purchases", JSON, "{}", FEEDERS),
            new Endpoint(HttpMethod.POST, "/api/v1/purchases/imports", "text/csv", "x", FEEDERS),
            new Endpoint(HttpMethod.GET, "/api/v1/alerts", null, null, READERS),
            new Endpoint(HttpMethod.POST, "/api/v1/alerts/evaluate", null, null, ANALYSTS),
            new Endpoint(HttpMethod.GET, "/api/v1/alerts/replay?from=2026-01-01&to=2026-01-02", null, null, ANALYSTS),
            new Endpoint(HttpMethod.GET, "/api/v1/problems", null, null, READERS),
            new Endpoint(HttpMethod.GET, "/api/v1/problems/top", null, null, READERS),
            new Endpoint(HttpMethod.GET, "/api/v1/problems/emerging", null, null, READERS),
            new Endpoint(HttpMethod.GET, "/api/v1/problems/regressions", null, null, READERS),
            new Endpoint(HttpMethod.GET, "/api/v1/problems/merges", null, null, READERS),
            new Endpoint(HttpMethod.GET, "/api/v1/problems/1", null, null, READERS),
            new Endpoint(HttpMethod.POST, "/api/v1/problems/1/merge", JSON, "{\"from\":[2]}", ANALYSTS),
            new Endpoint(HttpMethod.POST, "/api/v1/problems/1/split", JSON, "{}", ANALYSTS),
            new Endpoint(HttpMethod.POST, "/api/v1/problems/1/resolve", null, null, ANALYSTS),
            new Endpoint(HttpMethod.POST, "/api/v1/problems/1/reopen", null, null, ANALYSTS),
            new Endpoint(HttpMethod.PUT, "/api/v1/problems/1/label", JSON, "{\"label\":\"x\"}", ANALYSTS),
            new Endpoint(HttpMethod.PUT, "/api/v1/problems/1/pin", JSON, "{\"pinned\":true}", ANALYSTS),
            new Endpoint(HttpMethod.POST, "/api/v1/problems/merges/1/undo", null, null, ANALYSTS),
            new Endpoint(HttpMethod.POST, "/api/v1/problems/consolidate", null, null, ANALYSTS),
            new Endpoint(HttpMethod.POST, "/api/v1/problems/assign", null, null, ANALYSTS),
            new Endpoint(HttpMethod.GET, "/api/v1/me", null, null, EVERYONE),
            new Endpoint(HttpMethod.GET, "/api/v1/teams", null, null, READERS),
            new Endpoint(HttpMethod.PUT, "/api/v1/teams/matrix", JSON, "{\"members\":[]}", ANALYSTS),
            new Endpoint(HttpMethod.POST, "/api/v1/teams/imports", "text/csv", "team,area,person\n", ANALYSTS),
            new Endpoint(HttpMethod.GET, "/api/v1/insights", null, null, READERS),
            new Endpoint(HttpMethod.GET, "/api/v1/insights/ranked", null, null, READERS),
            new Endpoint(HttpMethod.GET, "/api/v1/insights/organisation", null, null, READERS),
            new Endpoint(HttpMethod.GET, "/api/v1/insights/1", null, null, READERS),
            new Endpoint(HttpMethod.GET, "/api/v1/insights/1/deliveries", null, null, READERS),
            new Endpoint(HttpMethod.POST, "/api/v1/insights", JSON, "{}", ANALYSTS),
            new Endpoint(HttpMethod.PUT, "/api/v1/insights/1", JSON, "{}", ANALYSTS),
            new Endpoint(HttpMethod.POST, "/api/v1/insights/1/delegate", null, null, ANALYSTS),
            new Endpoint(HttpMethod.POST, "/api/v1/insights/1/measure", null, null, ANALYSTS),
            new Endpoint(HttpMethod.POST, "/api/v1/insights/1/attachments", "image/png", "x", ANALYSTS),
            new Endpoint(HttpMethod.POST, "/api/v1/insights/1/transitions", JSON, "{\"to\":\"in-progress\"}",
                    Set.of("admin", "analyst", "member")),
            new Endpoint(HttpMethod.POST, "/api/v1/squads/form?week=2026-11-30", null, null, ANALYSTS),
            new Endpoint(HttpMethod.GET, "/api/v1/squads", null, null, READERS),
            new Endpoint(HttpMethod.GET, "/api/v1/squads?week=2026-11-30", null, null, READERS),
            new Endpoint(HttpMethod.GET, "/api/v1/squads/1", null, null, READERS),
            new Endpoint(HttpMethod.PUT, "/api/v1/squads/1", JSON, "{\"lead\":\"anna\"}", ANALYSTS),
            new Endpoint(HttpMethod.POST, "/api/v1/squads/1/close", JSON, "{\"outcome\":\"fixed\"}",
                    Set.of("admin", "analyst", "member")),
            new Endpoint(HttpMethod.GET, "/api/v1/weekly-review", null, null, READERS),
            new Endpoint(HttpMethod.GET, "/api/v1/weekly-review?week=2026-W48", null, null, READERS),
            // the yearly report: everyone who reads the figures (a year without figures is a 400, still permitted)
            new Endpoint(HttpMethod.GET, "/api/v1/reports/yearly?year=2026", null, null, READERS),
            new Endpoint(HttpMethod.GET, "/api/v1/reports/yearly?year=1999", null, null, READERS),
            // leaps: analysts set them up and write the deliverable, team members write the log, readers read
            new Endpoint(HttpMethod.GET, "/api/v1/leaps", null, null, READERS),
            new Endpoint(HttpMethod.GET, "/api/v1/leaps/1", null, null, READERS),
            new Endpoint(HttpMethod.GET, "/api/v1/leaps/1/action-plan", null, null, READERS),
            new Endpoint(HttpMethod.POST, "/api/v1/leaps", JSON, "{}", ANALYSTS),
            new Endpoint(HttpMethod.PUT, "/api/v1/leaps/1", JSON, "{\"name\":\"x\"}", ANALYSTS),
            new Endpoint(HttpMethod.POST, "/api/v1/leaps/1/log", JSON, "{\"kind\":\"standup\",\"text\":\"x\"}",
                    Set.of("admin", "analyst", "member")),
            new Endpoint(HttpMethod.POST, "/api/v1/leaps/1/recommendations", JSON, "{}", ANALYSTS),
            // mystery shopping: readers see scenarios and runs, analysts write scenarios, shoppers run them
            new Endpoint(HttpMethod.GET, "/api/v1/mystery/scenarios", null, null, READERS),
            new Endpoint(HttpMethod.POST, "/api/v1/mystery/scenarios", JSON, "{}", ANALYSTS),
            new Endpoint(HttpMethod.GET, "/api/v1/mystery/runs", null, null, READERS),
            new Endpoint(HttpMethod.GET, "/api/v1/mystery/runs/1", null, null, READERS),
            new Endpoint(HttpMethod.POST, "/api/v1/mystery/runs", JSON, "{}", Set.of("admin", "analyst", "member")),
            new Endpoint(HttpMethod.POST, "/api/v1/mystery/runs/1/steps", JSON, "{}", Set.of("admin", "analyst", "member")),
            new Endpoint(HttpMethod.POST, "/api/v1/mystery/runs/1/complete", null, null,
                    Set.of("admin", "analyst", "member")),
            // call-backs: the list says whom to call, so not for viewers; analysts build lists and attach notes
            new Endpoint(HttpMethod.POST, "/api/v1/callbacks/lists?week=2026-11-23", null, null, ANALYSTS),
            new Endpoint(HttpMethod.GET, "/api/v1/callbacks/lists/2026-11-23", null, null, Set.of("admin", "analyst", "member")),
            new Endpoint(HttpMethod.POST, "/api/v1/callbacks/987654/outcome", JSON, "{\"outcome\":\"REACHED\"}",
                    Set.of("admin", "analyst", "member")),
            new Endpoint(HttpMethod.POST, "/api/v1/callbacks/987654/evidence?insight=1", null, null, ANALYSTS),
            // complaint cases: readers see the clocks, whoever answers customers records replies, analysts export
            new Endpoint(HttpMethod.GET, "/api/v1/complaint-cases?status=overdue", null, null, READERS),
            new Endpoint(HttpMethod.GET, "/api/v1/complaint-cases/0190a6f2-0000-7000-8000-000000000000", null, null, READERS),
            new Endpoint(HttpMethod.POST, "/api/v1/complaint-cases/0190a6f2-0000-7000-8000-000000000000/acknowledge",
                    null, null, Set.of("admin", "analyst", "member")),
            new Endpoint(HttpMethod.POST, "/api/v1/complaint-cases/0190a6f2-0000-7000-8000-000000000000/holding-reply",
                    null, null, Set.of("admin", "analyst", "member")),
            new Endpoint(HttpMethod.POST, "/api/v1/complaint-cases/0190a6f2-0000-7000-8000-000000000000/final-reply",
                    null, null, Set.of("admin", "analyst", "member")),
            new Endpoint(HttpMethod.GET, "/api/v1/complaint-cases/register.csv", null, null, ANALYSTS),
            new Endpoint(HttpMethod.POST, "/api/v1/erasures", JSON, "{}", Set.of("admin")),
            new Endpoint(HttpMethod.GET, "/api/v1/audit", null, null, Set.of("admin")),
            new Endpoint(HttpMethod.POST, "/api/v1/tokens", JSON, "{}", Set.of("admin")),
            new Endpoint(HttpMethod.GET, "/api/v1/tokens", null, null, Set.of("admin")),
            new Endpoint(HttpMethod.DELETE, "/api/v1/tokens/1", null, null, Set.of("admin")),
            new Endpoint(HttpMethod.DELETE, "/api/v1/signals", null, null, Set.of()),
            new Endpoint(HttpMethod.GET, "/api/v1/nothing-here", null, null, Set.of()));

    @Autowired
    MockMvcTester mvc;

    @Test
    void everyRoleReachesExactlyTheEndpointsMeantForIt() {
        var wrong = new ArrayList<String>();
        for (Endpoint e : ENDPOINTS) {
            for (String[] user : USERS) {
                int status = call(e, user[0]);
                boolean allowed = e.allowed().contains(user[0]);
                if (allowed && (status == 401 || status == 403)) {
                    wrong.add(e.method() + " " + e.path() + " as " + user[0] + ": " + status + ", expected access");
                } else if (!allowed && status != 403) {
                    wrong.add(e.method() + " " + e.path() + " as " + user[0] + ": " + status + ", expected 403");
                }
            }
            int anonymous = call(e, null);
            if (anonymous != 401) {
                wrong.add(e.method() + " " + e.path() + " without credentials: " + anonymous + ", expected 401");
            }
        }
        assertThat(wrong).as("role × endpoint mismatches").isEmpty();
        assertThat(call(new Endpoint(HttpMethod.GET, "/actuator/health", null, null, Set.of()), null)).isEqualTo(200);
    }

    private int call(Endpoint e, String user) {
        var request = mvc.method(e.method()).uri(e.path());
        if (user != null) {
            request = request.with(httpBasic(user, "secret"));
        }
        if (e.contentType() != null) {
            request = request.contentType(MediaType.parseMediaType(e.contentType())).content(e.body());
        }
        return request.exchange().getResponse().getStatus();
    }
}
