package com.zeromission.problems;

import java.util.Set;

/**
 * Problems that other modules' work refers to: an insight's linked problems, a squad's problem. Implemented by those
 * modules (the problems module does not depend on them). Re-grouping never silently moves such a problem: the
 * consolidation pass does not make it a variant of another root cause, so an insight or squad keeps pointing at a
 * root cause that people see in the weekly list.
 */
public interface ProblemReferences {

    /** The ids of the problems referred to now. */
    Set<Long> referencedProblems();
}
