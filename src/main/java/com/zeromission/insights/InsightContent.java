package com.zeromission.insights;

import java.util.List;

/**
 * What an insight says, as an analyst writes it; every part may still be missing in a draft. The quality gate
 * ({@link QualityGate}) decides whether it is complete enough to be delegated.
 *
 * @param effortPersonDays  the effort the fix needs, in person-days
 * @param teamsNeeded       every team the fix needs (the owner's included or not): the organisation signal
 * @param approvalsNeeded   every approval the fix needs (a committee, a legal review, ...)
 * @param riceImpact        for RICE scoring: 0.25 (minimal), 0.5, 1, 2 or 3 (massive); optional
 * @param confidence        for RICE scoring: how sure the estimates are, 0 to 1; optional
 */
public record InsightContent(String title, List<Long> problemIds, List<Evidence> evidence, List<String> exampleSignalIds,
        String problemDefinition, String proposedSolution, ImpactModel impact, Double effortPersonDays, String ownerTeam,
        String responsiblePerson, List<String> teamsNeeded, List<String> approvalsNeeded, Double riceImpact,
        Double confidence) {

    public InsightContent {
        problemIds = problemIds == null ? List.of() : List.copyOf(problemIds);
        evidence = evidence == null ? List.of() : List.copyOf(evidence);
        exampleSignalIds = exampleSignalIds == null ? List.of() : List.copyOf(exampleSignalIds);
        teamsNeeded = teamsNeeded == null ? List.of() : List.copyOf(teamsNeeded);
        approvalsNeeded = approvalsNeeded == null ? List.of() : List.copyOf(approvalsNeeded);
        if (effortPersonDays != null && (effortPersonDays.isNaN() || effortPersonDays.isInfinite())) {
            throw new IllegalArgumentException("effortPersonDays must be a number, was " + effortPersonDays);
        }
        if (title == null || title.isBlank() || title.strip().length() > 200) {
            throw new IllegalArgumentException("title must be 1-200 characters, was "
                    + (title == null ? "missing" : title.strip().length() + " characters"));
        }
        title = title.strip();
        if (riceImpact != null && !List.of(0.25, 0.5, 1.0, 2.0, 3.0).contains(riceImpact)) {
            throw new IllegalArgumentException("riceImpact must be 0.25, 0.5, 1, 2 or 3, was " + riceImpact);
        }
        if (confidence != null && !(confidence >= 0 && confidence <= 1)) {
            throw new IllegalArgumentException("confidence must be between 0 and 1, was " + confidence);
        }
    }
}
