package com.zeromission.demo.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.zeromission.support.TestDatabases;

/**
 * Demo mode end to end: the application starts, the loader pushes a small demo set through the real intake (masking,
 * pseudonyms, H2), and loading again adds nothing.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE, properties = {
        "zeromission.demo.enabled=true", "zeromission.demo.scale=0.05", "zeromission.demo.from=2026-09-01"})
class DemoLoaderSpringTest {

    static final Path DATA_DIR = TestDatabases.newDataDir();

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("zeromission.data-dir", DATA_DIR::toString);
        registry.add("spring.datasource.url", () -> TestDatabases.h2Url(DATA_DIR));
    }

    @Autowired
    DemoLoader loader;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void startupLoadsTheDemoAndASecondRunAddsNothing() {
        long stored = jdbc.queryForObject("SELECT COUNT(*) FROM signal WHERE source = 'demo'", Long.class);
        assertThat(stored).isPositive();
        assertThat(jdbc.queryForObject("SELECT MIN(received_at) FROM signal", java.time.OffsetDateTime.class).toLocalDate())
                .isAfterOrEqualTo(LocalDate.of(2026, 9, 1));

        DemoLoader.Result again = loader.load();
        assertThat(again.created()).isZero();
        // the loader's own signals: the demo's mystery-shopping run adds one of its own once grouping has caught up
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM signal WHERE source = 'demo'", Long.class)).isEqualTo(stored);
    }

    @Test
    void withoutTheMarkerEveryRowIsReplayedNotDuplicated() throws Exception {
        long stored = jdbc.queryForObject("SELECT COUNT(*) FROM signal WHERE source = 'demo'", Long.class);
        java.nio.file.Files.deleteIfExists(DATA_DIR.resolve(LoadMarker.FILE_NAME));

        DemoLoader.Result again = loader.load();

        assertThat(again.created()).isZero();
        assertThat(again.conflicted()).isZero();
        assertThat(again.replayed()).isEqualTo(stored);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM signal WHERE source = 'demo'", Long.class)).isEqualTo(stored);
    }

    @Test
    void personalDataInDemoTextsIsMaskedBeforeItIsStored() {
        assertThat(jdbc.queryForObject("SELECT SUM(pii_masked) FROM signal", Long.class)).isPositive();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM signal WHERE body LIKE '%@example.%'", Long.class)).isZero();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM signal WHERE customer_key LIKE 'cust-%'", Long.class)).isZero();
    }
}
