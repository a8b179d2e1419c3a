package com.zeromission.insights;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * One ranked list of insights. Two scorings, the user's choice:
 * <ul>
 * <li>{@link Scoring#VALUE}: value per year per person-day of effort, weighted by probability, the linked problems'
 * share of all complaints in the last 12 full weeks (the program's rule: talking to a customer about a rare problem is
 * rare by definition, so common problems come first; recent weeks, so that a problem fixed long ago does not keep its
 * old weight);</li>
 * <li>{@link Scoring#RICE}: reach (occurrences a year) x impact (0.25 minimal to 3 massive) x confidence (0 to 1) /
 * effort (person-days).</li>
 * </ul>
 * An insight missing a part its scoring needs is not given a made-up number: it is listed after all scored ones, with
 * what is missing. Equal scores are ordered by probability, then less effort, then the older insight, then its id,
 * so the order never depends on chance.
 */
public final class Ranking {

    public enum Scoring {
        VALUE, RICE;

        public static Scoring parse(String s) {
            try {
                return valueOf(s.strip().toUpperCase(Locale.ROOT));
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("scoring must be value or rice, was '" + s + "'");
            }
        }
    }

    /**
     * What ranking needs of one insight. Nullable parts are the ones a draft may not have yet.
     *
     * @param probability the linked problems' share of all complaints in the recent weeks, 0 to 1 (null: no problem
     *                    linked)
     * @param facts       where the numbers come from, for the words of {@link Ranked#explanation()} (null: none)
     * @param riceImpact  0.25, 0.5, 1, 2 or 3 (RICE's scale)
     * @param confidence  0 to 1
     */
    public record Candidate(InsightId insightId, String title, Instant createdAt, BigDecimal valuePerYear, Double effortPersonDays,
            Double probability, Long reach, Double riceImpact, Double confidence, Facts facts) {

        /** A candidate without the facts behind its numbers (explained from the numbers alone). */
        public Candidate(InsightId insightId, String title, Instant createdAt, BigDecimal valuePerYear, Double effortPersonDays,
                Double probability, Long reach, Double riceImpact, Double confidence) {
            this(insightId, title, createdAt, valuePerYear, effortPersonDays, probability, reach, riceImpact, confidence, null);
        }

        public Candidate {
            Objects.requireNonNull(createdAt, "createdAt");
            if (probability != null && !(probability >= 0 && probability <= 1)) {
                throw new IllegalArgumentException("probability must be between 0 and 1, was " + probability);
            }
            if (riceImpact != null && !List.of(0.25, 0.5, 1.0, 2.0, 3.0).contains(riceImpact)) {
                throw new IllegalArgumentException("RICE impact must be 0.25, 0.5, 1, 2 or 3, was " + riceImpact);
            }
            if (confidence != null && !(confidence >= 0 && confidence <= 1)) {
                throw new IllegalArgumentException("confidence must be between 0 and 1, was " + confidence);
            }
        }
    }

    /**
     * Where a candidate's numbers come from, to explain them in words: the impact model as ranked (occurrences
     * measured or overridden), and the linked problems' complaints in the recent weeks (null: no problem linked).
     *
     * @param recentComplaints     the linked problems' complaints in the last {@code recentWeeks} full weeks
     * @param allRecentComplaints  all complaints in those weeks
     * @param weeksWithComplaints  how many of those weeks the linked problems had complaints
     */
    public record Facts(ImpactModel impact, Long recentComplaints, Long allRecentComplaints, Integer weeksWithComplaints,
            int recentWeeks) {
    }

    /**
     * A scored insight with the parts of its score, or an unscored one with what is missing; {@code explanation} says
     * each factor in words ("Impact: 81 complaints in the last 52 weeks x 15.15 per occurrence x 70 % removed by the
     * fix = 859 a year", "Effort: 6 person-days", "Frequency: complaints in 7 of the last 12 weeks", ...).
     */
    public record Ranked(int rank, Candidate insight, Double score, String formula, List<String> missing,
            List<String> explanation) {
        public Ranked {
            missing = List.copyOf(missing);
            explanation = List.copyOf(explanation);
        }

        public Ranked(int rank, Candidate insight, Double score, String formula, List<String> missing) {
            this(rank, insight, score, formula, missing, explain(insight, Scoring.VALUE));
        }
    }

    private Ranking() {
    }

    public static List<Ranked> rank(List<Candidate> candidates, Scoring scoring) {
        record Scored(Candidate c, double score, String formula) {
        }
        var scored = new ArrayList<Scored>();
        var unscored = new ArrayList<Ranked>();
        for (Candidate c : candidates) {
            var missing = missing(c, scoring);
            if (!missing.isEmpty()) {
                unscored.add(new Ranked(0, c, null, null, missing, explain(c, scoring)));
                continue;
            }
            if (scoring == Scoring.VALUE) {
                double perDay = c.valuePerYear().doubleValue() / c.effortPersonDays();
                scored.add(new Scored(c, perDay * c.probability(), String.format(Locale.ROOT,
                        "%s a year / %s person-days x %.4f probability", c.valuePerYear().toPlainString(),
                        trim(c.effortPersonDays()), c.probability())));
            } else {
                scored.add(new Scored(c, c.reach() * c.riceImpact() * c.confidence() / c.effortPersonDays(),
                        String.format(Locale.ROOT, "%,d reach x %s impact x %s confidence / %s person-days", c.reach(),
                                trim(c.riceImpact()), trim(c.confidence()), trim(c.effortPersonDays()))));
            }
        }
        Comparator<Scored> order = Comparator.<Scored>comparingDouble(s -> -s.score())
                .thenComparingDouble(s -> s.c().probability() == null ? 1 : -s.c().probability())
                .thenComparingDouble(s -> s.c().effortPersonDays())
                .thenComparing(s -> s.c().createdAt())
                .thenComparing(s -> s.c().insightId());
        scored.sort(order);
        var result = new ArrayList<Ranked>();
        for (Scored s : scored) {
            result.add(new Ranked(result.size() + 1, s.c(), s.score(), s.formula(), List.of(), explain(s.c(), scoring)));
        }
        unscored.sort(Comparator.comparing((Ranked r) -> r.insight().createdAt()).thenComparing(r -> r.insight().insightId()));
        result.addAll(unscored);
        return result;
    }

    /** Each factor of a candidate's score in words, from its facts where it has them. */
    static List<String> explain(Candidate c, Scoring scoring) {
        var words = new ArrayList<String>();
        var f = c.facts();
        var impact = f == null ? null : f.impact();
        String occurrences;
        if (impact != null && impact.occurrencesKnown()) {
            occurrences = impact.measuredOccurrencesPerYear() == null
                    ? String.format(Locale.ROOT, "%,d occurrences a year (typed; no problem linked to measure them)",
                            impact.occurrencesPerYear())
                    : impact.overridden()
                            ? String.format(Locale.ROOT, "%,d occurrences a year (typed instead of the measured %,d complaints "
                                    + "in the last 52 weeks; reason: %s)", impact.occurrencesPerYear(),
                                    impact.measuredOccurrencesPerYear(), impact.occurrencesReason())
                            : String.format(Locale.ROOT, "%,d complaints in the last 52 weeks", impact.occurrencesPerYear());
        } else {
            occurrences = c.reach() == null ? null : String.format(Locale.ROOT, "%,d occurrences a year", c.reach());
        }
        if (scoring == Scoring.VALUE) {
            if (impact != null && occurrences != null) {
                words.add(String.format(Locale.ROOT, "Impact: %s x %s each x %.0f %% removed by the fix = %,d a year", occurrences,
                        impact.costPerOccurrence().toPlainString(), impact.shareRemoved() * 100,
                        impact.valuePerYear().longValue()));
            } else {
                words.add(c.valuePerYear() == null ? "Impact: not estimated yet"
                        : String.format(Locale.ROOT, "Impact: %,d a year", c.valuePerYear().longValue()));
            }
        } else {
            words.add(occurrences == null ? "Reach: not known yet" : "Reach: " + occurrences);
            words.add(c.riceImpact() == null ? "Impact: not rated yet" : "Impact: " + trim(c.riceImpact()) + " on RICE's scale");
            words.add(c.confidence() == null ? "Confidence: not rated yet"
                    : String.format(Locale.ROOT, "Confidence: %.0f %%", c.confidence() * 100));
        }
        words.add(c.effortPersonDays() == null ? "Effort: not estimated yet" : "Effort: " + trim(c.effortPersonDays()) + " person-days");
        if (f != null && f.recentComplaints() != null) {
            words.add(String.format(Locale.ROOT, "Probability: %,d of the %,d complaints in the last %d weeks (%.2f %%)",
                    f.recentComplaints(), f.allRecentComplaints(), f.recentWeeks(), c.probability() == null ? 0 : c.probability() * 100));
            words.add(String.format(Locale.ROOT, "Frequency: complaints in %d of the last %d weeks", f.weeksWithComplaints(),
                    f.recentWeeks()));
        } else if (c.probability() != null) {
            words.add(String.format(Locale.ROOT, "Probability: %.2f %%", c.probability() * 100));
        } else {
            words.add("Probability: no problem linked");
        }
        return words;
    }

    private static List<String> missing(Candidate c, Scoring scoring) {
        var missing = new ArrayList<String>();
        if (c.effortPersonDays() == null || !(c.effortPersonDays() > 0)) {
            missing.add("effort (person-days, more than 0)");
        }
        if (scoring == Scoring.VALUE) {
            if (c.valuePerYear() == null || c.valuePerYear().signum() <= 0) {
                missing.add("financial impact (value per year, more than 0)");
            }
            if (c.probability() == null) {
                missing.add("probability (link the insight to a problem)");
            }
        } else {
            if (c.reach() == null || c.reach() <= 0) {
                missing.add("reach (occurrences a year)");
            }
            if (c.riceImpact() == null) {
                missing.add("impact (0.25, 0.5, 1, 2 or 3)");
            }
            if (c.confidence() == null) {
                missing.add("confidence (0 to 1)");
            }
        }
        return missing;
    }

    private static String trim(double d) {
        return d == Math.rint(d) ? String.valueOf((long) d) : String.valueOf(d);
    }
}
