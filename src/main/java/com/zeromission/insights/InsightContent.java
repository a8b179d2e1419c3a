package com.zeromission.insights;

import java.util.List;

/**
 * What an insight says, as an analyst writes it; every part may still be missing in a draft. The quality gate
 * ({@link QualityGate}) decides whether it is complete enough to be delegated.
 *
 * @param effortPersonDays  the effort the fix needs, in person-days
 * @param teamsNeeded       every team the fix needs (the owner's included or not): the organisation signal
 * @param approvalsNeeded   every approval the fix needs (a committee, a legal review, ...)
 */
public record InsightContent(String title, List<Long> problemIds, List<Evidence> evidence, List<String> exampleSignalIds,
        String problemDefinition, String proposedSolution, ImpactModel impact, Double effortPersonDays, String ownerTeam,
        String responsiblePerson, List<String> teamsNeeded, List<String> approvalsNeeded) {

    public InsightContent {
        problemIds = problemIds == null ? List.of() : List.copyOf(problemIds);
        evidence = evidence == null ? List.of() : List.copyOf(evidence);
        exampleSignalIds = exampleSignalIds == null ? List.of() : List.copyOf(exampleSignalIds);
        teamsNeeded = teamsNeeded == null ? List.of() : List.copyOf(teamsNeeded);
        approvalsNeeded = approvalsNeeded == null ? List.of() : List.copyOf(approvalsNeeded);
        if (effortPersonDays != null && (effortPersonDays.isNaN() || effortPersonDays.isInfinite())) {
            throw new IllegalArgumentException("effortPersonDays must be a number, was " + effortPersonDays);
        }
    }
}
