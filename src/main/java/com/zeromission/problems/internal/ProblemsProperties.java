package com.zeromission.problems.internal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

import com.zeromission.problems.grouping.Settings;


/**
 * Settings under {@code zeromission.problems}. (The schedules, {@code poll-interval} and {@code consolidation-cron},
 * are read by the scheduled methods themselves.)
 *
 * @param batchSize              signals grouped per transaction when the inbox is drained
 * @param snapshotInterval       how often the grouper's state is saved while signals keep coming (a restart then
 *                               replays at most this much work)
 * @param consolidationSimilarity two problems whose centroids are at least this similar are merged by the
 *                               consolidation pass (unless pinned or kept apart by an analyst)
 * @param rehomeBelow            the consolidation pass re-homes problems with fewer signals than this ...
 * @param rehomeSimilarity       ... into the most similar larger problem, when at least this similar
 * @param regressionSignals      a resolved problem regresses once this many signals received after its resolution
 *                               have joined it
 * @param emergingMinSignals     a problem is emerging in a week only with at least this many signals in it
 * @param emergingPValue         ... and when a Poisson rate test against its own 8-week baseline gives a p-value
 *                               below this
 * @param rootCauses             whether the consolidation pass joins problems that are one root cause (as variants of
 *                               it: other phrasings and languages); false: every group found is a problem of its own
 * @param scheduling             whether the background assignment, snapshots and consolidation run by themselves
 *                               (tests and one-shot commands switch them off and call them directly)
 * @param nameLanguage           problems are named in this language (ISO 639-1) when enough of their texts are in
 *                               it, else in their most frequent language
 * @param namingSample           a problem is named from at most this many of its texts, the most similar to it
 * @param renameGrowth           a problem is named again when it has grown by this factor since it was last named
 */
@ConfigurationProperties(prefix = "zeromission.problems")
public record ProblemsProperties(Integer batchSize, Duration snapshotInterval, Double consolidationSimilarity,
        Integer rehomeBelow, Double rehomeSimilarity, Integer regressionSignals, Integer emergingMinSignals, Double emergingPValue,
        Boolean scheduling, String nameLanguage, Integer namingSample, Double renameGrowth, Boolean rootCauses) {

    public ProblemsProperties {
        rootCauses = rootCauses == null ? Boolean.TRUE : rootCauses;
        batchSize = batchSize == null ? 2_000 : batchSize;
        if (batchSize < 1 || batchSize > 50_000) {
            throw new IllegalArgumentException("zeromission.problems.batch-size must be 1-50000, was " + batchSize);
        }
        snapshotInterval = snapshotInterval == null ? Duration.ofMinutes(1) : snapshotInterval;
        if (snapshotInterval.isNegative()) {
            throw new IllegalArgumentException("zeromission.problems.snapshot-interval must not be negative, was " + snapshotInterval);
        }
        consolidationSimilarity = consolidationSimilarity == null ? Settings.defaults().mergeThreshold()
                : consolidationSimilarity;
        if (!(consolidationSimilarity > 0 && consolidationSimilarity <= 1)) {
            throw new IllegalArgumentException("zeromission.problems.consolidation-similarity must be in (0, 1], was "
                    + consolidationSimilarity);
        }
        rehomeBelow = rehomeBelow == null ? 5 : rehomeBelow;
        if (rehomeBelow < 0) {
            throw new IllegalArgumentException("zeromission.problems.rehome-below must be >= 0 (0: never), was " + rehomeBelow);
        }
        rehomeSimilarity = rehomeSimilarity == null ? 0.10 : rehomeSimilarity;
        if (!(rehomeSimilarity > 0 && rehomeSimilarity <= 1)) {
            throw new IllegalArgumentException("zeromission.problems.rehome-similarity must be in (0, 1], was " + rehomeSimilarity);
        }
        regressionSignals = regressionSignals == null ? 3 : regressionSignals;
        if (regressionSignals < 1) {
            throw new IllegalArgumentException("zeromission.problems.regression-signals must be >= 1, was " + regressionSignals);
        }
        emergingMinSignals = emergingMinSignals == null ? 10 : emergingMinSignals;
        if (emergingMinSignals < 1) {
            throw new IllegalArgumentException("zeromission.problems.emerging-min-signals must be >= 1, was " + emergingMinSignals);
        }
        emergingPValue = emergingPValue == null ? 0.001 : emergingPValue;
        if (!(emergingPValue > 0 && emergingPValue < 1)) {
            throw new IllegalArgumentException("zeromission.problems.emerging-p-value must be in (0, 1), was " + emergingPValue);
        }
        scheduling = scheduling == null ? Boolean.TRUE : scheduling;
        nameLanguage = nameLanguage == null || nameLanguage.isBlank() ? "en" : nameLanguage.strip().toLowerCase(java.util.Locale.ROOT);
        if (!nameLanguage.matches("[a-z]{2}")) {
            throw new IllegalArgumentException("zeromission.problems.name-language must be an ISO 639-1 code such as en, was "
                    + nameLanguage);
        }
        namingSample = namingSample == null ? 100 : namingSample;
        if (namingSample < 1 || namingSample > 5_000) {
            throw new IllegalArgumentException("zeromission.problems.naming-sample must be 1-5000, was " + namingSample);
        }
        renameGrowth = renameGrowth == null ? 3.0 : renameGrowth;
        if (!(renameGrowth > 1)) {
            throw new IllegalArgumentException("zeromission.problems.rename-growth must be above 1, was " + renameGrowth);
        }
    }

    public Settings grouping() {
        return Settings.defaults();
    }
}
