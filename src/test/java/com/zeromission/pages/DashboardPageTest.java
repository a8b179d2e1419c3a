package com.zeromission.pages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import java.time.LocalDate;
import java.util.ArrayList;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import com.zeromission.alarms.TestClock;
import com.zeromission.alarms.TestClockConfiguration;
import com.zeromission.markets.Scope;
import com.zeromission.metrics.PurchaseCount;
import com.zeromission.metrics.Purchases;
import com.zeromission.metrics.Targets;
import com.zeromission.reports.YearlyReports;
import com.zeromission.support.TestDatabases;

/** The dashboard's filters without a browser: what it refuses, and that it says what exists instead. */
@SpringBootTest(properties = "zeromission.alarms.scheduling=false")
@AutoConfigureMockMvc
@org.springframework.context.annotation.Import(TestClockConfiguration.class)
class DashboardPageTest {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabases.useH2(registry);
    }

    @Autowired
    MockMvcTester mvc;
    @Autowired
    Purchases purchases;
    @Autowired
    TestClock clock;
    @Autowired
    Targets targets;
    @Autowired
    YearlyReports reports;

    @BeforeEach
    void figures() {
        clock.set(java.time.Instant.parse("2026-06-01T08:00:00Z"));
        var counts = new ArrayList<PurchaseCount>();
        for (LocalDate d = LocalDate.of(2025, 1, 1); d.isBefore(LocalDate.of(2026, 6, 1)); d = d.plusDays(1)) {
            counts.add(new PurchaseCount(d, "SE", "card", 1_000));
        }
        purchases.upsert(counts, "test");
    }

    String page(String uri, int status) throws Exception {
        var result = mvc.get().uri(uri).with(user("viewer").roles("VIEWER")).exchange();
        assertThat(result).hasStatus(status);
        return result.getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
    }

    @Test
    void offersOnlyTheYearsWithFiguresAndRefusesOthersNamingThem() throws Exception {
        assertThat(page("/", 200)).contains("<option value=\"2026\"", "<option value=\"2025\"")
                .doesNotContain("<option value=\"2024\"");
        assertThat(page("/?year=2023", 400)).contains("year 2023 has no purchase figures").contains("[2025, 2026]");
    }

    @Test
    void refusesAWellFormedProductOrMarketWithoutFiguresInsteadOfShowingAnEmptyDashboard() throws Exception {
        assertThat(page("/?product=nope", 400)).contains("product &#39;nope&#39; has no purchase figures in 2026")
                .contains("products: [card]");
        assertThat(page("/?market=JP", 400)).contains("market JP has no purchase figures in 2026");
        assertThat(page("/?product=card", 200)).contains("(all markets and products)");
    }

    @Test
    void holdsAMarketWithoutATargetOfItsOwnToTheGlobalTargetAsTheYearlyReportDoes() throws Exception {
        assertThat(page("/?market=SE", 200)).contains("no target set");
        targets.set(new Targets.Target(2026, Scope.GLOBAL, new java.math.BigDecimal("12.0")));

        assertThat(page("/?market=SE", 200)).contains("global target 12.0 CPM").doesNotContain("no target set")
                .contains("projected for the year");
        assertThat(page("/?product=card", 200)).contains("global target 12.0 CPM");
        var se = reports.yearly(2026).markets().getFirst();
        assertThat(se.scope()).isEqualTo("SE");
        assertThat(se.target()).isEqualTo(12.0);
        assertThat(se.globalTarget()).isTrue();

        // a target of its own wins over the global one, on both pages
        targets.set(new Targets.Target(2026, new Scope("SE", null), new java.math.BigDecimal("9.0")));
        assertThat(page("/?market=SE", 200)).contains("target 2026").contains("9.0").doesNotContain("global target");
        assertThat(reports.yearly(2026).markets().getFirst().target()).isEqualTo(9.0);
        assertThat(reports.yearly(2026).markets().getFirst().globalTarget()).isFalse();
    }

    @Test
    void tellsAMachineAccountThatItHasNoPages() throws Exception {
        var result = mvc.get().uri("/").with(user("ingest").roles("INGEST")).exchange();
        assertThat(result).hasStatus(403);
        var denied = mvc.get().uri("/denied").with(user("ingest").roles("INGEST")).exchange();
        assertThat(denied.getResponse().getContentAsString()).contains("for a machine client").doesNotContain("href=\"/problems\"");
    }
}
