/**
 * Problems: recurring root causes found by grouping signal texts as they arrive, across languages. Each stored signal
 * joins an existing problem or starts a new one; a consolidation pass merges problems that turn out to be the same
 * (recorded and reversible); analysts merge, split, rename, pin and resolve, and their decisions survive later
 * automatic passes. Trends: weekly top problems, emerging problems (a spike against the problem's own baseline) and
 * regressions (a resolved problem whose complaints come back). Public API: {@link com.zeromission.problems.Problems}
 * and its value types; the grouping algorithm is in {@code grouping}, persistence and HTTP in {@code internal}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Problems",
        allowedDependencies = {"audit", "intake", "metrics", "privacy", "text", "web"})
@org.jspecify.annotations.NullMarked
package com.zeromission.problems;
