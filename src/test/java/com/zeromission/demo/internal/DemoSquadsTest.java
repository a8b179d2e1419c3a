package com.zeromission.demo.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.zeromission.cadence.Cadence;
import com.zeromission.cadence.Squad;
import com.zeromission.insights.Insights;
import com.zeromission.insights.Team;
import com.zeromission.problems.Problems;
import com.zeromission.support.TestDatabases;

/**
 * The demo's owners who log in: every demo team has its login among its members, and the demo's squads get the login
 * of the team their problem belongs to, so that person sees the squad as their team's.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE, properties = {
        "zeromission.demo.enabled=true", "zeromission.demo.scale=0.05", "zeromission.demo.from=2026-10-15",
        "zeromission.alarms.scheduling=false"})
class DemoSquadsTest {

    static final Path DATA_DIR = TestDatabases.newDataDir();

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("zeromission.data-dir", DATA_DIR::toString);
        registry.add("spring.datasource.url", () -> TestDatabases.h2Url(DATA_DIR));
    }

    @Autowired
    DemoInsights demo;
    @Autowired
    DemoTeams roster;
    @Autowired
    Problems problems;
    @Autowired
    Cadence cadence;
    @Autowired
    Insights insights;

    @Test
    void demoSquadsGetTheLoginOfTheTeamTheirProblemBelongsTo() {
        problems.assignPending();
        demo.create();
        demo.squads();

        for (String login : roster.teamMembers()) {
            assertThat(insights.teamsOf(login)).as(login).isNotEmpty();
        }
        assertThat(insights.teamsOf("member")).extracting(Team::name).containsExactly("invoicing", "returns");

        var current = cadence.squads(cadence.thisWeek());
        var squads = new ArrayList<Squad>(cadence.squads(cadence.lastWeek()));
        squads.addAll(current);
        assertThat(squads).isNotEmpty();
        for (Squad s : squads) {
            String team = demo.teamOf(s.problemId(), s.problemWeek());
            assertThat(team).as("squad %s's team", s.id()).isNotNull();
            assertThat(s.members()).as("squad %s", s.id()).contains(DemoTeams.login(team));
            assertThat(cadence.squadsOf(Team.MINE, DemoTeams.login(team))).extracting(Squad::id).contains(s.id());
        }
        // the demo user member stays on this week's first two squads only
        for (int i = 0; i < current.size(); i++) {
            assertThat(current.get(i).members().contains("member")).as("squad %s", i).isEqualTo(i < 2);
        }

        var before = cadence.squads(cadence.thisWeek());
        demo.squads(); // again, as after a restart: nothing changes
        assertThat(cadence.squads(cadence.thisWeek())).isEqualTo(before);
    }
}
