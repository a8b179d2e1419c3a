/**
 * Insights: actionable insights turned from problems, the quality gate a ticket must pass before it can be delegated,
 * the financial impact model, and the ranking by value per effort weighted by probability. This first part is the
 * domain (values, gate, impact, ranking); persistence, the workflow's effect measurement, teams and the API follow.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Insights",
        allowedDependencies = {"audit", "intake", "metrics", "outbound", "privacy", "problems", "replay", "web"})
@org.jspecify.annotations.NullMarked
package com.zeromission.insights;
