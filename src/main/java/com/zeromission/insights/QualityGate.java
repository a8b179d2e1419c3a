package com.zeromission.insights;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * The program's quality standard: a ticket may only be delegated once it has clear evidence, a specific problem
 * definition, a proposed solution, a financial impact estimate, the effort needed and a clear owner. Each element is
 * checked for being there <em>and</em> meaningful; a refusal names exactly what is missing and why.
 */
public final class QualityGate {

    /** The elements of an actionable insight, in the order the checklist shows them. */
    public enum Element {
        EVIDENCE, PROBLEM_DEFINITION, PROPOSED_SOLUTION, FINANCIAL_IMPACT, EFFORT, OWNER_TEAM, RESPONSIBLE_PERSON;

        public String code() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    /** One line of the checklist. {@code reason} says what is wrong (null when it passed). */
    public record Check(Element element, boolean passed, String reason) {
        public Check {
            Objects.requireNonNull(element, "element");
            if (passed == (reason != null)) {
                throw new IllegalArgumentException("a passed check has no reason, a failed one has one");
            }
        }
    }

    /** The whole checklist, and how close the draft is (the share of elements that pass). */
    public record Result(List<Check> checks) {
        public Result {
            checks = List.copyOf(checks);
        }

        @com.fasterxml.jackson.annotation.JsonProperty("passed")
        public boolean passed() {
            return checks.stream().allMatch(Check::passed);
        }

        @com.fasterxml.jackson.annotation.JsonProperty("readinessPercent")
        public int readinessPercent() {
            return (int) Math.round(100.0 * checks.stream().filter(Check::passed).count() / checks.size());
        }

        public List<Check> missing() {
            return checks.stream().filter(c -> !c.passed()).toList();
        }

        /** "evidence: none attached; effort: must be more than 0 person-days, was 0.0" */
        public String describeMissing() {
            return String.join("; ", missing().stream().map(c -> c.element().code() + ": " + c.reason()).toList());
        }
    }

    /** At least this many words make a definition or a solution specific rather than a heading. */
    public static final int MIN_WORDS = 6;
    public static final int MIN_CHARACTERS = 30;
    /** Texts that stand in for content that is not there yet. */
    static final Set<String> PLACEHOLDERS = Set.of("tbd", "tba", "todo", "to do", "n a", "na", "none", "nothing", "xxx",
            "lorem ipsum", "see above", "same as above", "fix it", "fix", "placeholder", "to be defined", "to be decided",
            "later", "unknown", "asdf", "test");

    private final TeamDirectory teams;

    public QualityGate(TeamDirectory teams) {
        this.teams = Objects.requireNonNull(teams, "teams");
    }

    public Result check(InsightContent c) {
        var checks = new ArrayList<Check>();
        checks.add(c.evidence().isEmpty()
                ? fail(Element.EVIDENCE, "none attached: add a screenshot, a session-replay link or replay moment, "
                        + "or a reached call-back's note"
                        + (c.exampleSignalIds().isEmpty() ? "" : " (example signals alone do not show it)"))
                : pass(Element.EVIDENCE));
        checks.add(text(Element.PROBLEM_DEFINITION, c.problemDefinition(), null));
        checks.add(text(Element.PROPOSED_SOLUTION, c.proposedSolution(), c.problemDefinition()));
        if (c.impact() == null) {
            checks.add(fail(Element.FINANCIAL_IMPACT, "no estimate: fill in the impact model"));
        } else if (c.impact().valuePerYear().signum() <= 0) {
            checks.add(fail(Element.FINANCIAL_IMPACT, "must be more than 0 a year, was " + c.impact().explain()));
        } else {
            checks.add(pass(Element.FINANCIAL_IMPACT));
        }
        if (c.effortPersonDays() == null) {
            checks.add(fail(Element.EFFORT, "not estimated: give the person-days the fix needs"));
        } else if (!(c.effortPersonDays() > 0)) {
            checks.add(fail(Element.EFFORT, "must be more than 0 person-days, was " + c.effortPersonDays()));
        } else {
            checks.add(pass(Element.EFFORT));
        }
        String team = blankToNull(c.ownerTeam());
        if (team == null) {
            checks.add(fail(Element.OWNER_TEAM, "no owner team"));
        } else if (!teams.teamExists(team)) {
            checks.add(fail(Element.OWNER_TEAM, "'" + team + "' is not a known team"));
        } else {
            checks.add(pass(Element.OWNER_TEAM));
        }
        String person = blankToNull(c.responsiblePerson());
        if (person == null) {
            checks.add(fail(Element.RESPONSIBLE_PERSON, "nobody is responsible"));
        } else if (team != null && teams.teamExists(team) && !teams.isMember(team, person)) {
            checks.add(fail(Element.RESPONSIBLE_PERSON, "'" + person + "' is not a member of " + team));
        } else {
            checks.add(pass(Element.RESPONSIBLE_PERSON));
        }
        return new Result(checks);
    }

    private static Check text(Element element, String text, String differentFrom) {
        String t = blankToNull(text);
        if (t == null) {
            return fail(element, "empty");
        }
        String normal = normalise(t);
        if (normal.isEmpty() || PLACEHOLDERS.stream().anyMatch(p -> p.replace(" ", "").equals(normal.replace(" ", "")))) {
            return fail(element, "'" + shorten(t) + "' is a placeholder, not a " + (element == Element.PROBLEM_DEFINITION
                    ? "definition" : "solution"));
        }
        int words = normal.split(" ").length;
        if (words < MIN_WORDS || t.length() < MIN_CHARACTERS) {
            return fail(element, "too short to be specific (" + words + " words, " + t.length() + " characters; at least "
                    + MIN_WORDS + " words and " + MIN_CHARACTERS + " characters)");
        }
        if (normal.chars().distinct().count() <= 3) {
            return fail(element, "'" + shorten(t) + "' is not words");
        }
        if (differentFrom != null && normal.equals(normalise(differentFrom))) {
            return fail(element, "repeats the problem definition");
        }
        return pass(element);
    }

    /** Lower case, letters and digits only, single spaces: "T.B.D." and "tbd" are the same placeholder. */
    static String normalise(String text) {
        return text.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
    }

    private static String shorten(String s) {
        return s.length() <= 40 ? s : s.substring(0, 40) + "…";
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static Check pass(Element e) {
        return new Check(e, true, null);
    }

    private static Check fail(Element e, String reason) {
        return new Check(e, false, reason);
    }
}
