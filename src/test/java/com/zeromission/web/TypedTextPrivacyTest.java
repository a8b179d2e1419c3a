package com.zeromission.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Function;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import com.jayway.jsonpath.JsonPath;
import com.zeromission.leaps.Leaps;
import com.zeromission.support.TestDatabases;

/**
 * Issue 15, finding 3: personal data typed by people (an insight's title, definition and solution, a leap's name, a
 * team's area, ...) was stored and shown unmasked. Every resource a person writes is created through its API with a
 * generated identifier (e-mail, phone, IBAN, card, personnummer; valid check digits, many of each kind) in every
 * free-text field, and no answer (the create, every later read, list and report, the audit trail) may contain it.
 */
@SpringBootTest(properties = "zeromission.alarms.scheduling=false")
@AutoConfigureMockMvc
class TypedTextPrivacyTest {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabases.useH2(registry);
        TestDatabases.useUsers(registry, new String[][] {{"analyst", "ANALYST"}, {"member", "TEAM_MEMBER"},
                {"admin", "ADMIN"}, {"viewer", "VIEWER"}});
    }

    @Autowired
    MockMvcTester mvc;

    @Autowired
    Leaps leaps;

    /** Generated identifiers of the kinds the masker promises to find, each valid for its check digits. */
    enum Kind {
        EMAIL(r -> letters(r, 4 + r.nextInt(6)) + "." + letters(r, 5) + "@" + List.of("example.com", "mail.example.org",
                "example.se").get(r.nextInt(3))),
        PHONE(r -> "+46 70 " + digits(r, 3) + " " + digits(r, 2) + " " + digits(r, 2)),
        IBAN(r -> {
            String bban = digits(r, 20);
            // ISO 7064 mod 97: the check digits make BBAN + "SE00" (S=28, E=14) leave 1
            var n = new java.math.BigInteger(bban + "2814" + "00");
            int check = 98 - n.mod(java.math.BigInteger.valueOf(97)).intValue();
            String iban = "SE" + String.format("%02d", check) + bban;
            return iban.replaceAll("(.{4})(?!$)", "$1 ");
        }),
        CARD(r -> {
            String body = "4" + digits(r, 14);
            String card = body + luhn(body);
            return card.replaceAll("(.{4})(?!$)", "$1 ");
        }),
        PERSONNUMMER(r -> {
            String date = String.format("%02d%02d%02d", 50 + r.nextInt(49), 1 + r.nextInt(12), 1 + r.nextInt(28));
            String body = date + digits(r, 3);
            return date + "-" + body.substring(6) + luhn(body);
        });

        final Function<SplittableRandom, String> generate;

        Kind(Function<SplittableRandom, String> generate) {
            this.generate = generate;
        }
    }

    static String letters(SplittableRandom r, int n) {
        var b = new StringBuilder();
        for (int i = 0; i < n; i++) {
            b.append((char) ('a' + r.nextInt(26)));
        }
        return b.toString();
    }

    static String digits(SplittableRandom r, int n) {
        var b = new StringBuilder();
        for (int i = 0; i < n; i++) {
            b.append((char) ('0' + r.nextInt(10)));
        }
        return b.toString();
    }

    /** The Luhn digit that completes {@code body}. */
    static int luhn(String body) {
        int sum = 0;
        for (int i = 0; i < body.length(); i++) {
            int d = body.charAt(body.length() - 1 - i) - '0';
            if (i % 2 == 0) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
        }
        return (10 - sum % 10) % 10;
    }

    MvcTestResult send(String method, String user, String uri, String json) {
        var request = method.equals("PUT") ? mvc.put() : mvc.post();
        return request.uri(uri).with(httpBasic(user, "secret")).contentType(MediaType.APPLICATION_JSON).content(json).exchange();
    }

    String get(String user, String uri) throws Exception {
        var result = mvc.get().uri(uri).with(httpBasic(user, "secret")).exchange();
        assertThat(result).as(uri).hasStatusOk();
        return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    String page(String uri) throws Exception {
        var result = mvc.get().uri(uri).with(org.springframework.security.test.web.servlet.request
                .SecurityMockMvcRequestPostProcessors.user("analyst").roles("ANALYST")).exchange();
        assertThat(result).as(uri).hasStatusOk();
        return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    static String body(MvcTestResult result) throws Exception {
        return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    static String q(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    @Test
    void noAnswerOfAnyResourceReturnsAnIdentifierTypedIntoAnyOfItsFreeTextFields() throws Exception {
        var random = new SplittableRandom(20261207);
        var planted = new ArrayList<String>();
        var answers = new ArrayList<String>();
        int round = 0;
        for (Kind kind : Kind.values()) {
            for (int repeat = 0; repeat < 4; repeat++, round++) {
                // a fresh identifier in every field, so that one masked field cannot hide another's leak
                java.util.function.Supplier<String> pii = () -> {
                    String value = kind.generate.apply(random);
                    planted.add(value);
                    return value;
                };
                String team = "typed-" + round;
                var saved = send("PUT", "analyst", "/api/v1/teams/" + team,
                        "{\"area\":" + q("payments " + pii.get()) + ",\"members\":[\"member\"]}");
                assertThat(saved).as("team of round " + round).hasStatus(201);
                answers.add(body(saved));

                var insight = send("POST", "analyst", "/api/v1/insights", "{"
                        + "\"title\":" + q("Charged twice, see " + pii.get()) + ","
                        + "\"problemDefinition\":" + q("The customer wrote from " + pii.get() + " that the invoice came late.")
                        + ",\"proposedSolution\":" + q("Call back on " + pii.get() + " and send invoices digitally.") + ","
                        + "\"ownerTeam\":" + q("team " + pii.get()) + ","
                        + "\"responsiblePerson\":" + q(pii.get()) + ","
                        + "\"teamsNeeded\":[" + q(team) + "," + q("print " + pii.get()) + "],"
                        + "\"approvalsNeeded\":[" + q("legal review by " + pii.get()) + "]}");
                assertThat(insight).as("insight of round " + round).hasStatus(201);
                answers.add(body(insight));
                long insightId = ((Number) JsonPath.read(body(insight), "$.id")).longValue();
                LocalDate today = leaps.today();
                var leap = send("POST", "analyst", "/api/v1/leaps", "{\"name\":" + q("Leap for " + pii.get()) + ","
                        + "\"mandate\":" + q("Find out why " + pii.get() + " complained") + ","
                        + "\"start\":\"" + today.minusDays(1) + "\",\"end\":\"" + today.plusWeeks(4) + "\","
                        + "\"members\":[{\"user\":\"member\",\"team\":" + q(team) + "}]}");
                assertThat(leap).as("leap of round " + round).hasStatus(201);
                answers.add(body(leap));
                long leapId = ((Number) JsonPath.read(body(leap), "$.id")).longValue();
                answers.add(body(send("PUT", "analyst", "/api/v1/leaps/" + leapId, "{\"name\":" + q("Renamed " + pii.get())
                        + ",\"mandate\":" + q("Now also " + pii.get()) + "}")));
                var log = send("POST", "member", "/api/v1/leaps/" + leapId + "/log",
                        "{\"kind\":\"standup\",\"text\":" + q("Spoke to " + pii.get()) + "}");
                assertThat(log).as("leap log of round " + round).hasStatus(201);
                answers.add(body(log));
                var recommendation = send("POST", "analyst", "/api/v1/leaps/" + leapId + "/recommendations",
                        "{\"title\":" + q("Refund " + pii.get()) + ",\"text\":" + q("Refund the fee to " + pii.get())
                                + ",\"ownerTeam\":" + q(team) + "}");
                assertThat(recommendation).as("recommendation of round " + round).hasStatus(201);
                answers.add(body(recommendation));
                answers.add(get("viewer", "/api/v1/leaps/" + leapId));
                answers.add(get("viewer", "/api/v1/leaps/" + leapId + "/action-plan"));
                answers.add(get("viewer", "/api/v1/insights/" + insightId));
            }
        }
        answers.add(get("viewer", "/api/v1/teams"));
        answers.add(get("viewer", "/api/v1/insights"));
        answers.add(get("viewer", "/api/v1/insights/ranked"));
        answers.add(get("viewer", "/api/v1/insights/organisation"));
        answers.add(get("viewer", "/api/v1/leaps"));
        answers.add(get("admin", "/api/v1/audit"));
        answers.add(page("/teams"));
        answers.add(page("/insights"));

        assertThat(planted).hasSize(Kind.values().length * 4 * 15).doesNotHaveDuplicates();
        String all = String.join("\n", answers);
        for (String value : planted) {
            assertThat(all).as("an answer holds a planted identifier").doesNotContain(value);
            String compact = value.replaceAll("[ -]", "");
            if (!compact.contains("@")) {
                assertThat(all).as("an answer holds a planted number without its spaces").doesNotContain(compact);
            }
        }
    }

    @Test
    void refusesAnOverLongTypedTextWithA400NamingTheFieldAndTheLimitButNotTheValue() throws Exception {
        String definition = "The customer anna.svensson@example.com wrote that the invoice came late. ".repeat(280);
        var refused = send("POST", "analyst", "/api/v1/insights",
                "{\"title\":\"Late invoices\",\"problemDefinition\":" + q(definition) + "}");
        assertThat(refused).hasStatus(400).bodyJson().extractingPath("$.detail").asString()
                .contains("problemDefinition may be at most 5000 characters")
                .doesNotContain("invoice came late");

        var area = send("PUT", "analyst", "/api/v1/teams/long-area", "{\"area\":" + q("a".repeat(300)) + "}");
        assertThat(area).hasStatus(400).bodyJson().extractingPath("$.detail").asString()
                .contains("area may be at most 64 characters, was 300")
                .doesNotContain("aaaa");

        var owner = send("POST", "analyst", "/api/v1/insights", "{\"title\":\"Late invoices\",\"ownerTeam\":"
                + q("o".repeat(100)) + "}");
        assertThat(owner).hasStatus(400).bodyJson().extractingPath("$.detail").asString()
                .contains("ownerTeam may be at most 64 characters, was 100");
    }

    @Test
    void refusesNulInATypedTextWithA400InsteadOfTheDatabaseRefusingIt() throws Exception {
        var refused = send("POST", "analyst", "/api/v1/insights", "{\"title\":\"Late \\u0000 invoices\"}");
        assertThat(refused).hasStatus(400).bodyJson().extractingPath("$.detail").asString()
                .isEqualTo("title must not contain control characters; found U+0000 at position 6");
    }
}
