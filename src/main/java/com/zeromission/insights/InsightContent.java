package com.zeromission.insights;

import java.util.List;

import com.zeromission.privacy.FreeText;
import com.zeromission.privacy.FreeText.Kind;

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

    /** Most entries in each list; the content is stored as one JSON document, which must stay within its column. */
    public static final int MAX_EVIDENCE = 20, MAX_EXAMPLES = 100, MAX_TEAMS = 30, MAX_APPROVALS = 30;
    /** As many problems as the measured impact may be read for at once ({@code Insights.impactDefaults}). */
    public static final int MAX_PROBLEMS = 100;

    public InsightContent {
        problemIds = limited("problemIds", problemIds == null ? List.of() : List.copyOf(problemIds), MAX_PROBLEMS);
        evidence = limited("evidence", evidence == null ? List.of() : List.copyOf(evidence), MAX_EVIDENCE);
        exampleSignalIds = limited("exampleSignalIds", exampleSignalIds == null ? List.of() : List.copyOf(exampleSignalIds),
                MAX_EXAMPLES);
        if (effortPersonDays != null && (effortPersonDays.isNaN() || effortPersonDays.isInfinite())) {
            throw new IllegalArgumentException("effortPersonDays must be a number, was " + effortPersonDays);
        }
        // everything an analyst types goes through the one policy: masked, and no longer than its kind allows
        title = FreeText.required("title", title, Kind.NAME);
        problemDefinition = FreeText.optional("problemDefinition", problemDefinition, Kind.TEXT);
        proposedSolution = FreeText.optional("proposedSolution", proposedSolution, Kind.TEXT);
        ownerTeam = FreeText.optional("ownerTeam", ownerTeam, Kind.LABEL);
        responsiblePerson = FreeText.optional("responsiblePerson", responsiblePerson, Kind.LABEL);
        teamsNeeded = typed("teamsNeeded", teamsNeeded, Kind.LABEL, MAX_TEAMS);
        approvalsNeeded = typed("approvalsNeeded", approvalsNeeded, Kind.NAME, MAX_APPROVALS);
        if (riceImpact != null && !List.of(0.25, 0.5, 1.0, 2.0, 3.0).contains(riceImpact)) {
            throw new IllegalArgumentException("riceImpact must be 0.25, 0.5, 1, 2 or 3, was " + riceImpact);
        }
        if (confidence != null && !(confidence >= 0 && confidence <= 1)) {
            throw new IllegalArgumentException("confidence must be between 0 and 1, was " + confidence);
        }
    }

    /** The same content with another impact model. */
    public InsightContent withImpact(ImpactModel model) {
        return new InsightContent(title, problemIds, evidence, exampleSignalIds, problemDefinition, proposedSolution, model,
                effortPersonDays, ownerTeam, responsiblePerson, teamsNeeded, approvalsNeeded, riceImpact, confidence);
    }

    /**
     * The names of the fields that differ between two contents, in the record's order; the impact model's parts are
     * named one by one ({@code impact.occurrencesPerYear}). Amounts are compared by value (6.5 equals 6.50).
     */
    static List<String> changes(InsightContent before, InsightContent after) {
        var changed = new java.util.ArrayList<String>();
        differences("", InsightContent.class, before, after, changed);
        return changed;
    }

    private static void differences(String prefix, Class<? extends Record> type, Record a, Record b, List<String> out) {
        for (var component : type.getRecordComponents()) {
            Object x = value(component, a), y = value(component, b);
            if (x instanceof ImpactModel || y instanceof ImpactModel) {
                if (x == null || y == null) {
                    out.add(prefix + component.getName());
                } else {
                    differences(prefix + component.getName() + ".", ImpactModel.class, (Record) x, (Record) y, out);
                }
            } else if (x instanceof java.math.BigDecimal m && y instanceof java.math.BigDecimal n ? m.compareTo(n) != 0
                    : !java.util.Objects.equals(x, y)) {
                out.add(prefix + component.getName());
            }
        }
    }

    private static Object value(java.lang.reflect.RecordComponent component, Record r) {
        try {
            return component.getAccessor().invoke(r);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("a record's accessor is public", e);
        }
    }

    private static <T> List<T> limited(String field, List<T> list, int max) {
        if (list.size() > max) {
            throw new IllegalArgumentException(field + " may hold at most " + max + " entries, was " + list.size());
        }
        return list;
    }

    private static List<String> typed(String field, List<String> values, Kind kind, int max) {
        var list = values == null ? List.<String>of() : values;
        limited(field, list, max);
        var out = new java.util.ArrayList<String>(list.size());
        for (int i = 0; i < list.size(); i++) {
            String v = FreeText.optional(field + "[" + i + "]", list.get(i), kind);
            if (v != null) {
                out.add(v);
            }
        }
        return List.copyOf(out);
    }
}
