package com.zeromission.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.zeromission.support.TestDatabases;

/**
 * The role × endpoint matrix, from one declared file: {@code access-rules.txt} beside this class has a rule for every
 * operation of the application (API, pages, the OpenAPI document): which roles may call it and, for team-scoped
 * actions, whose team. This test
 * <ol>
 * <li>reads every handler method Spring MVC has mapped (pages included) and fails on any without a rule, so a new
 * endpoint without a rule fails the build, and on any rule without an endpoint (a stale rule hides nothing);</li>
 * <li>cross-checks the live OpenAPI document: every operation it lists has a rule;</li>
 * <li>calls every rule's operation as every role (admin, analyst, team member, viewer, ingest) and signed out, and
 * compares: an allowed role must not get 401/403 (or, on a page, the sign-in redirect), a refused one gets exactly
 * 403, nobody signed in gets 401 on the API and the sign-in redirect on a page.</li>
 * </ol>
 * The rules are the intent; {@code SecurityConfiguration} and {@code PageSecurity} are its implementation, and this
 * test keeps the two from drifting apart. Whose team a team-scoped action needs is proven by the tests named in the
 * rule (sample ids here do not exist, so the calls stop at 404, past the role check).
 */
@SpringBootTest(properties = {"zeromission.alarms.scheduling=false", "zeromission.cadence.scheduling=false"})
@AutoConfigureMockMvc
class AccessRulesTest {

    static final String[][] USERS = {{"admin", "ADMIN"}, {"analyst", "ANALYST"}, {"member", "TEAM_MEMBER"},
            {"viewer", "VIEWER"}, {"ingest", "INGEST"}};

    static final Map<String, Set<String>> GROUPS = Map.of(
            "READERS", Set.of("ADMIN", "ANALYST", "TEAM_MEMBER", "VIEWER"),
            "MEMBERS", Set.of("ADMIN", "ANALYST", "TEAM_MEMBER"),
            "ANALYSTS", Set.of("ADMIN", "ANALYST"),
            "FEEDERS", Set.of("ADMIN", "ANALYST", "INGEST"),
            "EVERYONE", Set.of("ADMIN", "ANALYST", "TEAM_MEMBER", "VIEWER", "INGEST"),
            "PUBLIC", Set.of("ADMIN", "ANALYST", "TEAM_MEMBER", "VIEWER", "INGEST", "ANONYMOUS"),
            "NOBODY", Set.of(),
            // the page that explains a refusal: it answers everybody, signed in or not, with its 403
            "REFUSAL-PAGE", Set.of());

    /** One operation: {@code METHOD /pattern | roles | team scope | sample request | content type | body}. */
    record Rule(String method, String pattern, Set<String> roles, String scope, String sample, String contentType,
            String body, int line) {

        String key() {
            return method + " " + normalise(pattern);
        }

        boolean refusalPage() {
            return scope.equals("REFUSAL-PAGE");
        }

        boolean api() {
            return sample.startsWith("/api/") || sample.startsWith("/v3/") || sample.startsWith("/actuator");
        }
    }

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabases.useH2(registry);
        TestDatabases.useUsers(registry, USERS);
    }

    @Autowired
    MockMvcTester mvc;
    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    static List<Rule> rules() throws IOException {
        var rules = new ArrayList<Rule>();
        try (InputStream in = AccessRulesTest.class.getResourceAsStream("access-rules.txt")) {
            int n = 0;
            for (String raw : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                n++;
                String line = raw.strip();
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split("\\s*\\|\\s*", -1);
                String[] op = f[0].split("\\s+");
                if (op.length != 2 || f.length < 3) {
                    throw new IllegalStateException("access-rules.txt line " + n + ": expected 'METHOD /path | ROLES | scope "
                            + "[| sample | content type | body]', was '" + line + "'");
                }
                var roles = new TreeSet<String>();
                for (String r : f[1].split("\\s+")) {
                    roles.addAll(GROUPS.getOrDefault(r, Set.of(r)));
                }
                String sample = f.length > 3 && !f[3].isEmpty() ? f[3] : op[1].replaceAll("\\{[^}]*}", "987654");
                // the refusal page's marker travels in the scope field: it has no team scope
                rules.add(new Rule(op[0], op[1], roles, f[1].equals("REFUSAL-PAGE") ? "REFUSAL-PAGE" : f[2], sample, f.length > 4 ? f[4] : "",
                        f.length > 5 ? f[5].replace("\\n", "\n") : "", n));
            }
        }
        return rules;
    }

    /** {@code {id:\d+}} and {@code {id}} are the same operation; the OpenAPI document writes the latter. */
    static String normalise(String pattern) {
        return pattern.replaceAll("\\{([^}:]+):[^}]*}", "{$1}").replaceAll("\\{[^}]*}", "{}");
    }

    /** Every operation Spring MVC maps, as METHOD /pattern; a mapping without methods takes them all. */
    Set<String> mappedOperations() {
        var ops = new TreeSet<String>();
        mappings.getHandlerMethods().forEach((info, handler) -> {
            var methods = info.getMethodsCondition().getMethods();
            for (String pattern : info.getPatternValues()) {
                if (methods.isEmpty()) {
                    ops.add("ANY " + normalise(pattern));
                }
                methods.forEach(m -> ops.add(m.name() + " " + normalise(pattern)));
            }
        });
        return ops;
    }

    @Test
    void everyMappedOperationHasExactlyOneRuleAndEveryRuleAnOperation() throws IOException {
        var rules = rules();
        var declared = new LinkedHashMap<String, Rule>();
        var twice = new ArrayList<String>();
        for (Rule r : rules) {
            if (declared.putIfAbsent(r.key(), r) != null) {
                twice.add(r.key() + " (line " + r.line() + ")");
            }
        }
        var mapped = mappedOperations();
        var missing = mapped.stream().filter(op -> !declared.containsKey(op)).toList();
        // Actuator endpoints come from their own handler mapping; a NOBODY rule may name a path nothing serves,
        // to prove it is denied.
        var stale = declared.values().stream().filter(r -> !mapped.contains(r.key()) && !r.pattern().startsWith("/actuator")
                && !r.roles().isEmpty()).map(r -> r.key() + " (line " + r.line() + ")").toList();
        assertThat(missing).as("operations without a rule in access-rules.txt: add one (roles, and whose team "
                + "for a team-scoped action)").isEmpty();
        assertThat(stale).as("rules without an operation").isEmpty();
        assertThat(twice).as("operations with two rules").isEmpty();
    }

    @Test
    void everyOperationOfTheOpenApiDocumentHasARule() throws Exception {
        var declared = new TreeSet<String>();
        rules().forEach(r -> declared.add(r.key()));
        var response = mvc.get().uri("/v3/api-docs").with(httpBasic("viewer", "secret")).exchange().getResponse();
        assertThat(response.getStatus()).isEqualTo(200);
        JsonNode paths = new ObjectMapper().readTree(response.getContentAsString(StandardCharsets.UTF_8)).get("paths");
        var missing = new ArrayList<String>();
        int operations = 0;
        for (var path : (Iterable<Map.Entry<String, JsonNode>>) paths::fields) {
            for (var op : (Iterable<String>) path.getValue()::fieldNames) {
                operations++;
                String key = op.toUpperCase(Locale.ROOT) + " " + normalise(path.getKey());
                if (!declared.contains(key)) {
                    missing.add(key);
                }
            }
        }
        assertThat(operations).as("operations in the OpenAPI document").isGreaterThan(50);
        assertThat(missing).as("OpenAPI operations without a rule").isEmpty();
    }

    @Test
    void everyRoleGetsExactlyTheOperationsItsRulesAllow() throws IOException {
        var wrong = new ArrayList<String>();
        int calls = 0;
        for (Rule rule : rules()) {
            for (String[] u : USERS) {
                int status = call(rule, u[0], u[1]).getStatus();
                calls++;
                boolean allowed = rule.roles().contains(u[1]);
                if (allowed && refused(rule, status)) {
                    wrong.add(rule.method() + " " + rule.sample() + " as " + u[1] + ": " + status + ", the rule allows it (line "
                            + rule.line() + ")");
                } else if (!allowed && status != 403) {
                    wrong.add(rule.method() + " " + rule.sample() + " as " + u[1] + ": " + status + ", the rule refuses it "
                            + "(expected 403, line " + rule.line() + ")");
                }
            }
            var anonymous = call(rule, null, null);
            calls++;
            if (rule.roles().contains("ANONYMOUS")) {
                if (refused(rule, anonymous.getStatus()) || signInRedirect(anonymous)) {
                    wrong.add(rule.method() + " " + rule.sample() + " signed out: " + anonymous.getStatus() + ", the rule "
                            + "lets anybody in (line " + rule.line() + ")");
                }
            } else if (rule.refusalPage()) {
                if (anonymous.getStatus() != 403) {
                    wrong.add(rule.method() + " " + rule.sample() + " signed out: " + anonymous.getStatus()
                            + ", expected the refusal page's 403 (line " + rule.line() + ")");
                }
            } else if (rule.api() ? anonymous.getStatus() != 401 : !signInRedirect(anonymous)) {
                wrong.add(rule.method() + " " + rule.sample() + " signed out: " + anonymous.getStatus() + ", expected "
                        + (rule.api() ? "401" : "the sign-in redirect") + " (line " + rule.line() + ")");
            }
        }
        assertThat(calls).isGreaterThan(500);
        assertThat(wrong).as("calls answered against their rule").isEmpty();
    }

    private static boolean refused(Rule rule, int status) {
        return status == 401 || status == 403;
    }

    private static boolean signInRedirect(org.springframework.mock.web.MockHttpServletResponse response) {
        return response.getStatus() == 302 && String.valueOf(response.getRedirectedUrl()).endsWith("/login");
    }

    private org.springframework.mock.web.MockHttpServletResponse call(Rule rule, String name, String role) {
        // a mapping for any method is tried with GET, as a browser reaches it
        String method = rule.method().equals("ANY") ? "GET" : rule.method();
        MockHttpServletRequestBuilder request = MockMvcRequestBuilders.request(HttpMethod.valueOf(method), rule.sample());
        if (!rule.contentType().isEmpty()) {
            request.contentType(MediaType.parseMediaType(rule.contentType())).content(rule.body());
        }
        if (name != null) {
            // the API takes HTTP Basic (the configured test users); pages a signed-in session
            request.with(rule.api() ? httpBasic(name, "secret") : user(name).roles(role));
        }
        if (!rule.api() && !method.equals("GET")) {
            request.with(csrf()); // a valid token, so that a 403 is the role's, not the token's
        }
        return mvc.perform(request).getResponse();
    }
}
