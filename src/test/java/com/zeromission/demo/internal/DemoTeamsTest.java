package com.zeromission.demo.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import com.zeromission.demo.DemoProblem;
import com.zeromission.insights.Team;

/** The demo's roster: every team has a login among its members, and every demo problem an owning team. */
class DemoTeamsTest {

    @Test
    void eachDemoTeamHasOneLoginThatIsAMemberOfIt() {
        var logins = new DemoTeams().teamMembers();

        assertThat(logins).hasSize(DemoTeams.TEAMS.size()).doesNotHaveDuplicates().doesNotContain("member");
        for (Team t : DemoTeams.TEAMS) {
            assertThat(t.members()).contains(DemoTeams.login(t.name()));
        }
        // the browser tests' demo user stays in the teams they expect
        assertThat(DemoTeams.TEAMS).filteredOn(t -> t.members().contains("member")).extracting(Team::name)
                .containsExactly("invoicing", "returns");
    }

    @Test
    void everyDemoProblemBelongsToAKnownTeam() {
        var names = DemoTeams.TEAMS.stream().map(Team::name).toList();
        for (DemoProblem p : DemoProblem.values()) {
            assertThat(names).as(p.key()).contains(DemoTeams.OWNER.get(p));
        }
    }
}
