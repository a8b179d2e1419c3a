package com.zeromission.privacy;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import com.zeromission.privacy.internal.HandwrittenCorpus;
import com.zeromission.privacy.internal.LabelledCorpus;
import com.zeromission.privacy.internal.LabelledCorpus.Entity;
import com.zeromission.privacy.internal.LabelledCorpus.LabelledText;
import com.zeromission.privacy.internal.MaskingProbe;

/**
 * Measures the masker on two labelled synthetic sets in Swedish, English, Dutch and German: a generated corpus and
 * a hand-written one. An entity counts as
 * found when a span of the same type covers it completely; a span that covers no entity of its type is a false
 * positive. Synthetic data only, so the report may quote the texts it got wrong.
 */
public final class MaskingEvaluation {

    public static final long DEFAULT_SEED = 20261123L;
    public static final int DEFAULT_TEXTS_PER_LANGUAGE = 1000;

    public record Counts(int truePositives, int falsePositives, int falseNegatives) {
        public double precision() {
            return truePositives + falsePositives == 0 ? 1.0 : (double) truePositives / (truePositives + falsePositives);
        }

        public double recall() {
            return truePositives + falseNegatives == 0 ? 1.0 : (double) truePositives / (truePositives + falseNegatives);
        }

        Counts plus(Counts o) {
            return new Counts(truePositives + o.truePositives, falsePositives + o.falsePositives, falseNegatives + o.falseNegatives);
        }
    }

    /** An error the report names: the text, the value, and what was expected or found. */
    public record Miss(String language, String kind, PiiType type, String value, String text) {
    }

    public record Report(int texts, int entities, Counts overall, Map<PiiType, Counts> byType,
            Map<String, Counts> byLanguage, List<Miss> misses) {
    }

    private MaskingEvaluation() {
    }

    public static Report run() {
        return run(DEFAULT_SEED, DEFAULT_TEXTS_PER_LANGUAGE);
    }

    public static Report run(long seed, int textsPerLanguage) {
        return evaluate(LabelledCorpus.generate(seed, textsPerLanguage));
    }

    /** The hand-written set, labelled by a reviewer who did not see the masker's code. */
    public static Report handwritten() {
        return evaluate(HandwrittenCorpus.load());
    }

    /** The held-out formats of the served markets and the evasion kinds of the outside review (issue 15). */
    public static Report heldOut() {
        return evaluate(HandwrittenCorpus.load(HandwrittenCorpus.HELD_OUT));
    }

    /** The labelled sets {@link #keywordTradeOff} measures on: generated, hand-written and held-out. */
    public static List<LabelledText> allLabelled(long seed, int textsPerLanguage) {
        var all = new ArrayList<LabelledText>(LabelledCorpus.generate(seed, textsPerLanguage));
        all.addAll(HandwrittenCorpus.load());
        all.addAll(HandwrittenCorpus.load(HandwrittenCorpus.HELD_OUT));
        return all;
    }

    /** The masker as it ships (CPR and BSN only after their keyword) and without that condition, on the same texts. */
    public record TradeOff(Report withKeyword, Report withoutKeyword) {
    }

    /**
     * What requiring "CPR"/"BSN" before a Danish CPR or Dutch BSN costs and saves: both readings on the same
     * texts, where a bare CPR or BSN counts as personal data to be found.
     */
    public static TradeOff keywordTradeOff(List<LabelledText> corpus) {
        return new TradeOff(evaluate(corpus, true, true), evaluate(corpus, false, true));
    }

    /**
     * How many masks the masker would make in {@code text} with a bare CPR or BSN accepted that it does not make as it
     * ships (new, or of another type): over texts without any bare CPR or BSN, each one a false positive.
     */
    public static long masksOnlyWithoutIdKeyword(String text) {
        var shipped = new java.util.HashSet<>(MaskingProbe.spans(text, true));
        return MaskingProbe.spans(text, false).stream().filter(f -> !shipped.contains(f)).count();
    }

    private static Report evaluate(List<LabelledText> corpus) {
        return evaluate(corpus, true, false);
    }

    /**
     * {@code countBareIds}: a CPR or BSN written without its keyword is personal data to find (the trade-off);
     * otherwise it counts neither way, and a span over it is neither found nor false.
     */
    private static Report evaluate(List<LabelledText> corpus, boolean idKeywordRequired, boolean countBareIds) {
        var byType = new EnumMap<PiiType, Counts>(PiiType.class);
        for (PiiType t : PiiType.values()) {
            byType.put(t, new Counts(0, 0, 0));
        }
        var byLanguage = new java.util.TreeMap<String, Counts>();
        var misses = new ArrayList<Miss>();
        int entities = 0;
        for (LabelledText text : corpus) {
            var golds = new ArrayList<>(text.entities());
            if (countBareIds) {
                golds.addAll(text.bareIds());
            }
            entities += golds.size();
            var predicted = MaskingProbe.spans(text.text(), idKeywordRequired);
            boolean[] used = new boolean[predicted.size()];
            if (!countBareIds) {
                for (Entity bare : text.bareIds()) {
                    for (int k = 0; k < predicted.size(); k++) {
                        if (predicted.get(k).start() < bare.end() && bare.start() < predicted.get(k).end()) {
                            used[k] = true;
                        }
                    }
                }
            }
            for (Entity gold : golds) {
                int hit = -1;
                for (int k = 0; k < predicted.size(); k++) {
                    var p = predicted.get(k);
                    if (p.type() == gold.type() && p.start() <= gold.start() && p.end() >= gold.end()) {
                        hit = k;
                        break;
                    }
                }
                Counts c = hit >= 0 ? new Counts(1, 0, 0) : new Counts(0, 0, 1);
                if (hit >= 0) {
                    used[hit] = true;
                } else {
                    misses.add(new Miss(text.language(), "missed", gold.type(), text.text().substring(gold.start(), gold.end()), text.text()));
                }
                byType.merge(gold.type(), c, Counts::plus);
                byLanguage.merge(text.language(), c, Counts::plus);
            }
            for (int k = 0; k < predicted.size(); k++) {
                if (!used[k]) {
                    var p = predicted.get(k);
                    var c = new Counts(0, 1, 0);
                    byType.merge(p.type(), c, Counts::plus);
                    byLanguage.merge(text.language(), c, Counts::plus);
                    misses.add(new Miss(text.language(), "false positive", p.type(), text.text().substring(p.start(), p.end()), text.text()));
                }
            }
        }
        Counts overall = byType.values().stream().reduce(new Counts(0, 0, 0), Counts::plus);
        return new Report(corpus.size(), entities, overall, byType, byLanguage, List.copyOf(misses));
    }
}
