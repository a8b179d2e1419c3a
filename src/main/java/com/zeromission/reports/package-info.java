/**
 * Reports: the yearly report as the zero-mission lead presents it: last year's complaints per million purchases,
 * this year's (so far and projected), the change and the target, per market and globally; the initiatives whose
 * fixes were verified during the year with their measured effect; and next year's focus areas, the top open
 * problems. Everything is read from the public APIs of metrics, problems and insights; nothing is stored. Public
 * API: {@link com.zeromission.reports.YearlyReports} and its value types; HTTP lives in {@code internal}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Reports",
        allowedDependencies = {"insights", "metrics", "problems", "web"})
@org.jspecify.annotations.NullMarked
package com.zeromission.reports;
