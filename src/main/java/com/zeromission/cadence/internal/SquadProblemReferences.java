package com.zeromission.cadence.internal;

import java.util.Set;

import org.springframework.stereotype.Component;

import com.zeromission.problems.ProblemReferences;

/** The problems active squads own: re-grouping must not turn them into another root cause's variants. */
@Component
class SquadProblemReferences implements ProblemReferences {

    private final SquadRepository repository;

    SquadProblemReferences(SquadRepository repository) {
        this.repository = repository;
    }

    @Override
    public Set<Long> referencedProblems() {
        return repository.activeProblemIds();
    }
}
