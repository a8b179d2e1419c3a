package com.zeromission.insights;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

class OrganisationReportTest {

    static Insight insight(long id, String owner, List<String> teams, List<String> approvals, double effort) {
        var content = new InsightContent("insight " + id, List.of(), List.of(), List.of(), null, null, null, effort, owner,
                null, teams, approvals, null, null);
        return new Insight(InsightId.of(id), InsightState.DRAFT, content, new QualityGate.Result(List.of(
                new QualityGate.Check(QualityGate.Element.EVIDENCE, true, null))), "anna", Instant.EPOCH, Instant.EPOCH, List.of());
    }

    static final List<Team> TEAMS = List.of(new Team("invoicing", "payments", List.of()), new Team("checkout", "payments", List.of()),
            new Team("app", "mobile", List.of()), new Team("legal", "company", List.of()), new Team("print", "operations", List.of()));

    @Test
    void flagsFixesNeedingTooManyTeamsOrApprovalsSimpleOnesFirst() {
        var report = OrganisationReport.of(List.of(
                insight(1, "invoicing", List.of("print", "legal", "checkout"), List.of(), 30),          // 4 teams, big fix
                insight(2, "app", List.of("app", "checkout", "invoicing", "legal"), List.of("cab"), 2), // 4 teams, simple
                insight(3, "checkout", List.of("invoicing"), List.of("cab", "legal", "cfo"), 1),        // 3 approvals
                insight(4, "invoicing", List.of(), List.of(), 3)), TEAMS, 3, 2);

        assertThat(report.flagged()).extracting(f -> f.insightId().value()).containsExactly(2L, 3L, 1L);
        assertThat(report.flagged().getFirst().simpleFix()).isTrue();
        assertThat(report.flagged().getFirst().reasons()).containsExactly("4 teams (more than 3): app, checkout, invoicing, legal");
        assertThat(report.flagged().get(1).reasons()).containsExactly("3 approvals (more than 2): cab, legal, cfo");
    }

    @Test
    void averagesTeamsPerFixByAreaAndCountsWhichTeamsCoordinate() {
        var report = OrganisationReport.of(List.of(
                insight(1, "invoicing", List.of("print"), List.of("legal"), 5),
                insight(2, "checkout", List.of("invoicing", "print"), List.of(), 5),
                insight(3, "app", List.of(), List.of(), 5)), TEAMS, 3, 2);

        assertThat(report.byArea()).extracting(OrganisationReport.Area::area, OrganisationReport.Area::insights,
                OrganisationReport.Area::averageTeams).containsExactly(
                        org.assertj.core.groups.Tuple.tuple("mobile", 1, 1.0),
                        org.assertj.core.groups.Tuple.tuple("payments", 2, 2.5));
        assertThat(report.pairCounts()).containsEntry("invoicing+print", 2L).containsEntry("checkout+invoicing", 1L)
                .containsEntry("checkout+print", 1L).hasSize(3);
        int invoicing = report.teams().indexOf("invoicing"), print = report.teams().indexOf("print");
        assertThat(report.coordination()[invoicing][print]).isEqualTo(2);
        assertThat(report.coordination()[invoicing][invoicing]).isEqualTo(2);
        assertThat(report.flagged()).isEmpty();
    }

    @Test
    void rejectsLimitsThatMakeNoSense() {
        assertThatThrownBy(() -> OrganisationReport.of(List.of(), TEAMS, 0, 2)).hasMessageContaining("maxTeams must be >= 1");
    }
}
