package com.zeromission.insights;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import com.zeromission.insights.QualityGate.Element;

class QualityGateTest {

    static final TeamDirectory TEAMS = new TeamDirectory() {
        final Map<String, Set<String>> members = Map.of("invoicing", Set.of("anna", "lars"), "checkout", Set.of("maria"));

        @Override
        public boolean teamExists(String team) {
            return members.containsKey(team);
        }

        @Override
        public boolean isMember(String team, String person) {
            return members.getOrDefault(team, Set.of()).contains(person);
        }
    };

    final QualityGate gate = new QualityGate(TEAMS);

    static InsightContent complete() {
        return new InsightContent("Paper invoices delayed after new year", List.of(7L),
                List.of(new Evidence.ReplayLink(URI.create("https://replay.example.com/s/123"))), List.of(),
                "Paper invoices sent in the first week of January arrive after their due date because of postal delays, "
                        + "so customers get a reminder fee for an invoice they never saw.",
                "Send digital invoices by default and give January invoices a 14-day grace period before any reminder.",
                ImpactModelTest.INVOICE, 8.0, "invoicing", "anna", List.of("invoicing", "print"), List.of("legal"), 2.0, 0.8);
    }

    static InsightContent with(java.util.function.UnaryOperator<Object[]> change) {
        var c = complete();
        Object[] f = {c.title(), c.problemIds(), c.evidence(), c.exampleSignalIds(), c.problemDefinition(),
                c.proposedSolution(), c.impact(), c.effortPersonDays(), c.ownerTeam(), c.responsiblePerson(),
                c.teamsNeeded(), c.approvalsNeeded(), c.riceImpact(), c.confidence()};
        f = change.apply(f);
        @SuppressWarnings("unchecked")
        var result = new InsightContent((String) f[0], (List<Long>) f[1], (List<Evidence>) f[2], (List<String>) f[3],
                (String) f[4], (String) f[5], (ImpactModel) f[6], (Double) f[7], (String) f[8], (String) f[9],
                (List<String>) f[10], (List<String>) f[11], (Double) f[12], (Double) f[13]);
        return result;
    }

    static InsightContent set(int field, Object value) {
        return with(f -> {
            f[field] = value;
            return f;
        });
    }

    private QualityGate.Check check(InsightContent c, Element e) {
        return gate.check(c).checks().stream().filter(x -> x.element() == e).findFirst().orElseThrow();
    }

    @Test
    void passesACompleteInsightWithFullReadiness() {
        var result = gate.check(complete());
        assertThat(result.passed()).isTrue();
        assertThat(result.readinessPercent()).isEqualTo(100);
        assertThat(result.missing()).isEmpty();
    }

    @Test
    void refusesAnInsightWithoutEvidenceEvenWithExampleSignals() {
        var c = with(f -> {
            f[2] = List.of();
            f[3] = List.of("5c1b7a52-0000-4000-8000-000000000001");
            return f;
        });
        assertThat(check(c, Element.EVIDENCE).reason()).contains("none attached", "example signals alone");
        assertThat(gate.check(c).passed()).isFalse();
    }

    @Test
    void refusesAnEmptyOrPlaceholderProblemDefinition() {
        assertThat(check(set(4, "  "), Element.PROBLEM_DEFINITION).reason()).isEqualTo("empty");
        assertThat(check(set(4, "T.B.D."), Element.PROBLEM_DEFINITION).reason()).contains("placeholder");
        assertThat(check(set(4, "TODO"), Element.PROBLEM_DEFINITION).reason()).contains("placeholder");
        assertThat(check(set(4, "Invoices are late."), Element.PROBLEM_DEFINITION).reason()).contains("too short", "3 words");
        assertThat(check(set(4, "aaaa aaaa aaaa aaaa aaaa aaaa aaaa"), Element.PROBLEM_DEFINITION).reason()).contains("not words");
    }

    @Test
    void refusesASolutionThatOnlyRepeatsTheProblem() {
        var c = set(5, complete().problemDefinition().toUpperCase());
        assertThat(check(c, Element.PROPOSED_SOLUTION).reason()).isEqualTo("repeats the problem definition");
    }

    @Test
    void refusesAMissingOrWorthlessFinancialImpact() {
        assertThat(check(set(6, null), Element.FINANCIAL_IMPACT).reason()).contains("no estimate");
        var nothing = new ImpactModel(1_000, 1, java.math.BigDecimal.TEN, java.math.BigDecimal.ZERO, 0,
                java.math.BigDecimal.ZERO, 0);
        assertThat(check(set(6, nothing), Element.FINANCIAL_IMPACT).reason()).contains("must be more than 0", "0 % removed");
    }

    @Test
    void refusesMissingZeroOrNegativeEffort() {
        assertThat(check(set(7, null), Element.EFFORT).reason()).contains("not estimated");
        assertThat(check(set(7, 0.0), Element.EFFORT).reason()).isEqualTo("must be more than 0 person-days, was 0.0");
        assertThat(check(set(7, -3.0), Element.EFFORT).reason()).isEqualTo("must be more than 0 person-days, was -3.0");
    }

    @Test
    void refusesAnUnknownOwnerTeamAndAResponsiblePersonOutsideIt() {
        assertThat(check(set(8, null), Element.OWNER_TEAM).reason()).isEqualTo("no owner team");
        assertThat(check(set(8, "marketing"), Element.OWNER_TEAM).reason()).isEqualTo("'marketing' is not a known team");
        assertThat(check(set(9, ""), Element.RESPONSIBLE_PERSON).reason()).isEqualTo("nobody is responsible");
        assertThat(check(set(9, "maria"), Element.RESPONSIBLE_PERSON).reason()).isEqualTo("'maria' is not a member of invoicing");
    }

    @Test
    void namesEverythingThatIsMissingAndHowCloseTheDraftIs() {
        var draft = new InsightContent("Reminder fees", List.of(7L), List.of(), List.of(), "TBD", null, null, null,
                "invoicing", null, List.of(), List.of(), null, null);

        var result = gate.check(draft);

        assertThat(result.passed()).isFalse();
        assertThat(result.missing()).extracting(QualityGate.Check::element).containsExactly(Element.EVIDENCE,
                Element.PROBLEM_DEFINITION, Element.PROPOSED_SOLUTION, Element.FINANCIAL_IMPACT, Element.EFFORT,
                Element.RESPONSIBLE_PERSON);
        assertThat(result.readinessPercent()).isEqualTo(14); // 1 of 7: the owner team
        assertThat(result.describeMissing()).startsWith("evidence: none attached").contains("problem-definition: 'TBD' is a placeholder");
    }
}
