package com.zeromission.insights.internal;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.springframework.stereotype.Component;

import com.zeromission.insights.InsightState;
import com.zeromission.problems.ProblemReferences;

/** The problems that insights link to: re-grouping must not turn them into another root cause's variants. */
@Component
class InsightProblemReferences implements ProblemReferences {

    private final InsightRepository repository;

    InsightProblemReferences(InsightRepository repository) {
        this.repository = repository;
    }

    @Override
    public Set<Long> referencedProblems() {
        Set<Long> ids = new HashSet<>();
        repository.all(List.of(InsightState.values())).forEach(r -> ids.addAll(r.content().problemIds()));
        return ids;
    }
}
