package com.zeromission.pages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import com.zeromission.cadence.Cadence;
import com.zeromission.cadence.SquadChange;
import com.zeromission.insights.Insights;
import com.zeromission.insights.Team;
import com.zeromission.intake.IntakeService;
import com.zeromission.intake.RawSignal;
import com.zeromission.intake.SignalSubmission;
import com.zeromission.problems.Problems;
import com.zeromission.support.TestDatabases;

/** "My team" lists the squads the caller's teams work in, and says so when the caller is in no team. */
@SpringBootTest(properties = "zeromission.alarms.scheduling=false")
@AutoConfigureMockMvc
class MyTeamPageTest {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabases.useH2(registry);
    }

    @Autowired
    MockMvcTester mvc;
    @Autowired
    Cadence cadence;
    @Autowired
    Insights insights;
    @Autowired
    IntakeService intake;
    @Autowired
    Problems problems;
    @Autowired
    Clock clock;

    @Test
    void listsTheSquadsATeammateIsOnAndNotOthers() throws Exception {
        var week = cadence.lastWeek();
        for (String words : List.of("brakvel suntorrim adesk", "quollip merandiv otsch")) {
            var list = new ArrayList<SignalSubmission>();
            for (int i = 0; i < 4; i++) {
                list.add(SignalSubmission.parse(new RawSignal("my-team-test", words.substring(0, 5) + "-" + i, "complaint", "SE",
                        "card", "payment", week.minusWeeks(1).plusDays(2) + "T10:00:00Z", "en", "complaint " + words, null, null,
                        null), clock));
            }
            intake.acceptAll(list);
        }
        problems.assignPending();
        cadence.form(week, "analyst");
        var formed = cadence.squads(week);
        assertThat(formed).hasSizeGreaterThanOrEqualTo(2);
        insights.saveTeam(new Team("ledger", "payments", List.of("member", "lars")));
        cadence.update(formed.get(0).id(), new SquadChange("anna", List.of("lars"), null, null), "analyst");
        cadence.update(formed.get(1).id(), new SquadChange("olle", List.of(), null, null), "analyst");

        var page = mvc.get().uri("/my-team").with(user("member").roles("TEAM_MEMBER")).exchange();

        assertThat(page).hasStatusOk();
        String html = page.getResponse().getContentAsString();
        assertThat(html).contains("data-squad=\"" + formed.get(0).id() + "\"")
                .doesNotContain("data-squad=\"" + formed.get(1).id() + "\"").contains("data-team=\"ledger\"");
    }

    @Test
    void saysSoWhenTheCallerIsInNoTeam() throws Exception {
        var page = mvc.get().uri("/my-team").with(user("newcomer").roles("TEAM_MEMBER")).exchange();

        assertThat(page).hasStatusOk();
        assertThat(page.getResponse().getContentAsString()).contains("You are in no team yet")
                .contains("Nothing delegated to your teams");
    }
}
