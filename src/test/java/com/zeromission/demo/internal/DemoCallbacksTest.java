package com.zeromission.demo.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.EnumSet;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.zeromission.callbacks.CallEntry;
import com.zeromission.callbacks.CallOutcome;
import com.zeromission.callbacks.Callbacks;
import com.zeromission.insights.Evidence;
import com.zeromission.insights.InsightId;
import com.zeromission.insights.InsightState;
import com.zeromission.insights.Insights;
import com.zeromission.problems.Problems;
import com.zeromission.support.TestDatabases;

/**
 * The demo's call-backs: after grouping, last week's call list is built with a few calls made and one reached
 * call's note is evidence on a draft insight; running the demo step again changes nothing.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE, properties = {
        "zeromission.demo.enabled=true", "zeromission.demo.scale=0.05", "zeromission.demo.from=2026-10-15",
        "zeromission.alarms.scheduling=false"})
class DemoCallbacksTest {

    static final Path DATA_DIR = TestDatabases.newDataDir();

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("zeromission.data-dir", DATA_DIR::toString);
        registry.add("spring.datasource.url", () -> TestDatabases.h2Url(DATA_DIR));
    }

    @Autowired
    DemoInsights demo;
    @Autowired
    Problems problems;
    @Autowired
    Callbacks callbacks;
    @Autowired
    Insights insights;

    @Test
    void lastWeeksCallListHasCallsAndOneReachedNoteIsEvidence() {
        problems.assignPending();
        demo.create();
        demo.squads();
        demo.callbacks();

        var list = callbacks.list(callbacks.lastWeek());
        assertThat(list.entries()).hasSizeGreaterThanOrEqualTo(5).hasSizeLessThanOrEqualTo(callbacks.limit());
        assertThat(list.called()).isEqualTo(5);
        var attached = list.entries().stream().filter(e -> e.insightId() != null).toList();
        assertThat(attached).singleElement().extracting(CallEntry::outcome).isEqualTo(CallOutcome.REACHED);
        assertThat(attached.getFirst().notes()).contains("[PHONE]").doesNotContain("123 45 67");
        var insight = insights.get(InsightId.of(attached.getFirst().insightId()));
        assertThat(insight.state()).isIn(EnumSet.of(InsightState.DRAFT, InsightState.ACTIONABLE));
        assertThat(insight.content().evidence()).anyMatch(e -> e instanceof Evidence.CallNote n
                && n.callId() == attached.getFirst().id());

        demo.callbacks();
        assertThat(callbacks.list(callbacks.lastWeek()).entries()).isEqualTo(list.entries());
    }
}
