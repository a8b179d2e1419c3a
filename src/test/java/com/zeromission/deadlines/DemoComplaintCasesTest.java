package com.zeromission.deadlines;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.zeromission.support.TestDatabases;

/**
 * The demo's complaint cases: only recent complaints are open, most old ones were answered in time, and the open
 * set has acknowledged, extended and overdue cases in it. A second start records nothing twice.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE, properties = {
        "zeromission.demo.enabled=true", "zeromission.demo.scale=0.2", "zeromission.alarms.scheduling=false"})
class DemoComplaintCasesTest {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabases.useH2(registry);
        // the demo period: just over the case window, so there are old and recent complaints
        registry.add("zeromission.demo.from", () -> java.time.LocalDate.now().minusDays(120).toString());
    }

    @Autowired
    ComplaintCases cases;

    @Test
    void recentComplaintsAreOpenOldOnesClosedMostlyInTimeWithSomeAcknowledgedExtendedAndOverdue() {
        var open = cases.list(CaseFilter.OPEN, null, ComplaintCases.MAX_LIST);
        var closed = cases.list(CaseFilter.CLOSED, null, ComplaintCases.MAX_LIST);
        assertThat(open).isNotEmpty();
        assertThat(closed).hasSizeGreaterThan(open.size());
        assertThat(open).anyMatch(c -> c.complaint().status() == CaseStatus.ACKNOWLEDGED);
        assertThat(open).anyMatch(c -> c.complaint().status() == CaseStatus.EXTENDED);
        assertThat(cases.list(CaseFilter.OVERDUE, null, ComplaintCases.MAX_LIST)).isNotEmpty();
        long met = closed.stream().filter(c -> cases.outcome(c.complaint(), ReplyKind.FINAL_REPLY).equals("met")).count();
        assertThat((double) met / closed.size()).isGreaterThan(0.8);
        // open cases are the recent ones: nothing still open was received more than 60 days ago, except the forgotten
        assertThat(open).allMatch(c -> c.complaint().receivedAt().isAfter(java.time.Instant.now().minus(
                java.time.Duration.ofDays(75))));
    }
}
