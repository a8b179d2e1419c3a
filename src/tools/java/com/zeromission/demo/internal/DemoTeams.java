package com.zeromission.demo.internal;

import java.util.List;
import java.util.Map;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

import com.zeromission.demo.DemoProblem;
import com.zeromission.insights.Team;
import com.zeromission.web.DemoLogins;

/**
 * The demo's teams, the one member of each who can sign in (the first one listed, password {@code demo}), and which
 * team a demo problem belongs to, so that a squad formed about it gets that team's member. The demo user
 * {@code member} is in invoicing and returns too, as the browser tests expect.
 */
@Component
@ConditionalOnProperty(name = "zeromission.demo.enabled", havingValue = "true")
class DemoTeams implements DemoLogins {

    static final List<Team> TEAMS = List.of(new Team("invoicing", "payments", List.of("anna", "lars", "member")),
            new Team("checkout", "payments", List.of("maria", "omar")),
            new Team("credit-decisions", "risk", List.of("sofia")),
            new Team("returns", "merchant-services", List.of("jonas", "member")),
            new Team("collections", "payments", List.of("eva")),
            new Team("customer-service", "operations", List.of("nils", "ida")),
            new Team("app", "mobile", List.of("kim")),
            new Team("print", "operations", List.of("olle")),
            new Team("legal", "company", List.of("hanna")));

    /** The team that would own a fix for each demo problem (the long tail and praise go to customer service). */
    static final Map<DemoProblem, String> OWNER = Map.of(
            DemoProblem.INVOICE_REMINDER_FEE, "invoicing",
            DemoProblem.PRODUCT_NAME_CONFUSION, "checkout",
            DemoProblem.REFUND_FRICTION, "returns",
            DemoProblem.CREDIT_DECLINE_UNCLEAR, "credit-decisions",
            DemoProblem.MISSED_PAYMENT, "collections",
            DemoProblem.DELIVERY_RETURNS, "returns",
            DemoProblem.CUSTOMER_SERVICE_REACH, "customer-service",
            DemoProblem.MISC, "customer-service",
            DemoProblem.POSITIVE, "customer-service");

    /** The member of {@code team} who can sign in: the first one listed. */
    static String login(String team) {
        return TEAMS.stream().filter(t -> t.name().equals(team)).findFirst().orElseThrow().members().getFirst();
    }

    @Override
    public List<String> teamMembers() {
        return TEAMS.stream().map(t -> t.members().getFirst()).toList();
    }
}
