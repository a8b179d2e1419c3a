package com.zeromission.metrics.internal.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import com.zeromission.intake.DayOutOfRangeException;
import com.zeromission.metrics.PurchaseCount;
import com.zeromission.metrics.Purchases;
import com.zeromission.support.TestDatabases;

/** CPM, purchases and targets over HTTP: roles, validation, and the figures end to end. */
@SpringBootTest
@AutoConfigureMockMvc
class MetricsApiTest {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        var dir = TestDatabases.newDataDir();
        registry.add("zeromission.data-dir", dir::toString);
        registry.add("spring.datasource.url", () -> TestDatabases.h2Url(dir));
        String[][] users = {{"ingest", "INGEST"}, {"viewer", "VIEWER"}, {"analyst", "ANALYST"}, {"admin", "ADMIN"}};
        TestDatabases.useUsers(registry, users);
    }

    @Autowired
    MockMvcTester mvc;

    MvcTestResult put(String user, String uri, String json) {
        return mvc.put().uri(uri).with(httpBasic(user, "secret")).contentType(MediaType.APPLICATION_JSON).content(json).exchange();
    }

    MvcTestResult get(String user, String uri) {
        return mvc.get().uri(uri).with(httpBasic(user, "secret")).exchange();
    }

    @Test
    void servesCpmFromPurchasesAndComplaints() {
        assertThat(put("ingest", "/api/v1/purchases", """
                {"source":"erp","purchases":[{"day":"2025-02-03","market":"se","product":"Pay-Later","purchases":1000000}]}"""))
                .hasStatus(HttpStatus.OK).bodyJson().extractingPath("$.created").isEqualTo(1);
        for (int i = 0; i < 4; i++) {
            assertThat(mvc.post().uri("/api/v1/signals").with(httpBasic("ingest", "secret")).contentType(MediaType.APPLICATION_JSON)
                    .content("""
                            {"source":"zendesk","sourceId":"api-%d","channel":"complaint","market":"SE","product":"pay-later",
                             "receivedAt":"2025-02-03T12:00:00Z","text":"Fakturan kom aldrig"}""".formatted(i)).exchange())
                    .hasStatus(HttpStatus.CREATED);
        }
        MvcTestResult result = get("viewer", "/api/v1/cpm?period=month&from=2025-02-01&to=2025-02-28&by=market");
        assertThat(result).hasStatus(HttpStatus.OK);
        assertThat(result).bodyJson().extractingPath("$.rows[0].label").isEqualTo("2025-02");
        assertThat(result).bodyJson().extractingPath("$.rows[0].market").isEqualTo("SE");
        assertThat(result).bodyJson().extractingPath("$.rows[0].complaints").isEqualTo(4);
        assertThat(result).bodyJson().extractingPath("$.rows[0].cpm").isEqualTo(4.0);
    }

    @Test
    void namesEveryBadParameter() {
        MvcTestResult result = get("viewer", "/api/v1/cpm?period=fortnight&from=yesterday&by=colour");
        assertThat(result).hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(result).bodyJson().extractingPath("$.errors[*].field").asArray().containsExactly("period", "from", "by");
        MvcTestResult purchases = put("ingest", "/api/v1/purchases", """
                {"purchases":[{"day":"2025-13-01","market":"SE","product":"card","purchases":5},
                              {"day":"2025-01-01","market":"Sweden","product":"card","purchases":-1}]}""");
        assertThat(purchases).hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(purchases).bodyJson().extractingPath("$.errors[*].field").asArray()
                .containsExactly("purchases[0].day", "purchases[1].market", "purchases[1].purchases");
    }

    @Test
    void letsOnlyAdminsSetTargetsAndReportsProgress() {
        assertThat(put("analyst", "/api/v1/targets/2025", "{\"cpm\": 36}")).hasStatus(HttpStatus.FORBIDDEN);
        assertThat(put("admin", "/api/v1/targets/2025", "{\"cpm\": -1}")).hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(put("admin", "/api/v1/targets/2025", "{\"market\": \"SE\", \"cpm\": 36}")).hasStatus(HttpStatus.OK);
        assertThat(get("viewer", "/api/v1/targets/2025")).bodyJson().extractingPath("$[0].scope.market").isEqualTo("SE");
        assertThat(get("viewer", "/api/v1/targets/2025/progress?market=SE&asOf=2025-02-28")).hasStatus(HttpStatus.OK)
                .bodyJson().extractingPath("$.summary").asString().contains("2025 (market SE)", "target of 36.0");
        assertThat(get("viewer", "/api/v1/targets/2024/progress")).hasStatus(HttpStatus.NOT_FOUND);
        assertThat(mvc.get().uri("/api/v1/cpm").exchange()).hasStatus(HttpStatus.UNAUTHORIZED);
        assertThat(put("viewer", "/api/v1/purchases", "{\"purchases\":[]}")).hasStatus(HttpStatus.FORBIDDEN);
    }

    @Test
    void purchasesRefuseTheMarketsAndDaysSignalsRefuseNamingTheValueAndTheAllowedSet() {
        MvcTestResult refused = put("ingest", "/api/v1/purchases", """
                {"source":"erp","purchases":[{"day":"2025-03-03","market":"UK","product":"card","purchases":500},
                                             {"day":"2025-03-03","market":"XX","product":"card","purchases":500},
                                             {"day":"2099-01-01","market":"SE","product":"card","purchases":500}]}""");

        assertThat(refused).hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(refused).bodyJson().extractingPath("$.errors[*].field").asArray()
                .containsExactly("purchases[0].market", "purchases[1].market", "purchases[2].day");
        assertThat(refused).bodyJson().extractingPath("$.errors[0].reason").asString().contains("'UK'", "GB");
        assertThat(refused).bodyJson().extractingPath("$.errors[1].reason").asString().contains("'XX'", "ISO 3166-1 alpha-2");
        assertThat(refused).bodyJson().extractingPath("$.errors[2].reason").asString().contains("2099-01-01", "future");
        // all or nothing: not even a market of their own in CPM
        assertThat(get("viewer", "/api/v1/cpm?period=month&from=2025-03-01&to=2025-03-31&by=market")).bodyJson()
                .extractingPath("$.rows").asArray().isEmpty();
    }

    @Test
    void aPurchasesFileGetsNoMarketOrDaySignalsRefuseAndEachRowSaysWhy() {
        MvcTestResult result = upload("ingest", """
                day,market,product,purchases
                2025-04-01,SE,card,1000
                2025-04-01,UK,card,1000
                2025-04-01,XX,card,1000
                2099-01-01,SE,card,1000
                1999-12-31,SE,card,1000
                """.getBytes(java.nio.charset.StandardCharsets.UTF_8));

        assertThat(result).hasStatus(HttpStatus.OK);
        assertThat(result).bodyJson().extractingPath("$.created").isEqualTo(1);
        assertThat(result).bodyJson().extractingPath("$.errors[*].column").asArray().containsExactly("market", "market", "day", "day");
        assertThat(result).bodyJson().extractingPath("$.errors[0].reason").asString().contains("'UK'", "GB");
        assertThat(result).bodyJson().extractingPath("$.errors[1].reason").asString().contains("'XX'");
        assertThat(result).bodyJson().extractingPath("$.errors[2].reason").asString().contains("2099-01-01", "future");
        assertThat(result).bodyJson().extractingPath("$.errors[3].reason").asString().contains("1999-12-31", "before 2000-01-01");
        assertThat(get("viewer", "/api/v1/cpm?period=month&from=2025-04-01&to=2025-04-30&by=market")).bodyJson()
                .extractingPath("$.rows[*].market").asArray().containsExactly("SE");
    }

    @Test
    void targetsAndCpmFiltersRefuseMarketsSignalsRefuse() {
        MvcTestResult target = put("admin", "/api/v1/targets/2025", "{\"market\": \"XX\", \"cpm\": 36}");
        assertThat(target).hasStatus(HttpStatus.BAD_REQUEST).bodyJson().extractingPath("$.errors[0].field").isEqualTo("market");
        assertThat(target).bodyJson().extractingPath("$.errors[0].reason").asString().contains("'XX'", "ISO 3166-1 alpha-2");
        assertThat(put("admin", "/api/v1/targets/2025", "{\"market\": \"UK\", \"cpm\": 36}")).hasStatus(HttpStatus.BAD_REQUEST)
                .bodyJson().extractingPath("$.errors[0].reason").asString().contains("GB");
        assertThat(get("viewer", "/api/v1/targets/2025/progress?market=XX")).hasStatus(HttpStatus.BAD_REQUEST);
        MvcTestResult cpm = get("viewer", "/api/v1/cpm?period=month&from=2025-04-01&to=2025-04-30&market=UK");
        assertThat(cpm).hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(cpm).bodyJson().extractingPath("$.errors[0].field").isEqualTo("market");
        assertThat(cpm).bodyJson().extractingPath("$.errors[0].reason").asString().contains("GB");
    }

    @Autowired
    Purchases purchases;

    @Test
    void everyOtherWayInToPurchasesRefusesADayInTheFuture() {
        // Kafka messages, the demo and the command line all store through Purchases.upsert
        var tomorrow = java.time.LocalDate.now(java.time.ZoneOffset.UTC).plusDays(1);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> purchases.upsert(
                java.util.List.of(new PurchaseCount(tomorrow, "SE", "card", 5)), "kafka"))
                .isInstanceOf(DayOutOfRangeException.class).hasMessageContaining(tomorrow.toString());
    }

    MvcTestResult upload(String user, byte[] csv) {
        return mvc.post().uri("/api/v1/purchases/imports?source=erp").with(httpBasic(user, "secret")).contentType("text/csv")
                .content(csv).exchange();
    }

    @Test
    void importsAPurchasesCsvKeepsValidRowsAndNamesBadOnes() {
        byte[] csv = """
                day,market,product,purchases
                2025-05-01,SE,pay-later,1000
                2025-05-02,se,Pay-Later,1100
                2025-05-32,SE,pay-later,900
                2025-05-03,Sweden,pay-later,900
                2025-05-04,SE,pay-later,-5
                """.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        MvcTestResult first = upload("ingest", csv);
        assertThat(first).hasStatus(HttpStatus.OK);
        assertThat(first).bodyJson().extractingPath("$.created").isEqualTo(2);
        assertThat(first).bodyJson().extractingPath("$.rejected").isEqualTo(3);
        assertThat(first).bodyJson().extractingPath("$.errors[*].line").asArray().containsExactly(4, 5, 6);
        assertThat(first).bodyJson().extractingPath("$.errors[*].column").asArray().containsExactly("day", "market", "purchases");
        assertThat(upload("ingest", csv)).bodyJson().extractingPath("$.created").isEqualTo(0);
        assertThat(get("viewer", "/api/v1/cpm?period=month&from=2025-05-01&to=2025-05-31&product=pay-later"))
                .bodyJson().extractingPath("$.rows[0].purchases").isEqualTo(2100);
        assertThat(upload("viewer", csv)).hasStatus(HttpStatus.FORBIDDEN);
    }

    @Test
    void refusesAnUnreadablePurchasesFileAndWritesNothing() {
        byte[] latin1 = "day,market,product,purchases\n2025-07-01,SE,k\u00f6p,5\n".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        MvcTestResult result = upload("ingest", latin1);
        assertThat(result).hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(result).bodyJson().extractingPath("$.detail").asString().contains("not valid UTF-8");
        MvcTestResult header = upload("ingest", "day,market,purchases\n2025-07-01,SE,5\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(header).hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(header).bodyJson().extractingPath("$.detail").asString().contains("missing column(s) [product]");
        assertThat(get("viewer", "/api/v1/cpm?period=month&from=2025-07-01&to=2025-07-31").getResponse().getStatus()).isEqualTo(200);
        assertThat(get("viewer", "/api/v1/cpm?period=month&from=2025-07-01&to=2025-07-31")).bodyJson()
                .extractingPath("$.rows").asArray().isEmpty();
    }
}
