package com.zeromission.problems;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.zeromission.problems.grouping.Settings;
import com.zeromission.text.TextAnalyzer;

class GroupingEvaluationTest {

    @Test
    void identicalPartitionsScoreOneWhateverTheNames() {
        int[] truth = {0, 0, 1, 1, 2};
        long[] found = {7, 7, 3, 3, 9};

        assertThat(GroupingEvaluation.nmi(truth, found)).isCloseTo(1.0, within(1e-12));
        assertThat(GroupingEvaluation.adjustedRandIndex(truth, found)).isCloseTo(1.0, within(1e-12));
    }

    @Test
    void matchesScikitLearnOnASmallExample() {
        // sklearn: normalized_mutual_info_score([0,0,0,1,1,1], [0,0,1,1,2,2]) = 0.5158037429793889
        //          adjusted_rand_score(...) = 0.24242424242424243 (= 0.8 / 3.3 by hand)
        int[] truth = {0, 0, 0, 1, 1, 1};
        long[] found = {0, 0, 1, 1, 2, 2};

        assertThat(GroupingEvaluation.nmi(truth, found)).isCloseTo(0.5158037429793889, within(1e-12));
        assertThat(GroupingEvaluation.adjustedRandIndex(truth, found)).isCloseTo(0.24242424242424243, within(1e-12));
    }

    @Test
    void independentPartitionsScoreZeroNmiAndNegativeAri() {
        int[] truth = {0, 0, 1, 1};
        long[] found = {0, 1, 0, 1};

        assertThat(GroupingEvaluation.nmi(truth, found)).isCloseTo(0.0, within(1e-12));
        assertThat(GroupingEvaluation.adjustedRandIndex(truth, found)).isCloseTo(-0.5, within(1e-12));
    }

    @Test
    void homogeneityAndCompletenessTellMixingFromFragmentation() {
        int[] truth = {0, 0, 1, 1};
        long[] fragmented = {1, 2, 3, 4}; // every text alone: pure groups, every label split
        long[] mixed = {1, 1, 1, 1}; // one group: each label whole, the group mixed

        assertThat(GroupingEvaluation.homogeneity(truth, fragmented)).isCloseTo(1.0, within(1e-12));
        assertThat(GroupingEvaluation.homogeneity(new int[] {1, 2, 3, 4}, GroupingEvaluation.asLong(truth)))
                .isCloseTo(0.5, within(1e-12));
        assertThat(GroupingEvaluation.homogeneity(truth, mixed)).isCloseTo(0.0, within(1e-12));
    }

    @Test
    void groupsWithoutLookingAtTheLabelsAndScoresTheResult() {
        List<GroupingEvaluation.Example> examples = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            examples.add(new GroupingEvaluation.Example("My invoice never arrived and now there is a reminder fee", "en",
                    "invoice"));
            examples.add(new GroupingEvaluation.Example("How can I change my address in the app", "en", "address"));
        }
        // The same texts under shuffled labels must give the same groups: the labels never reach the grouper.
        List<GroupingEvaluation.Example> relabelled = examples.stream()
                .map(e -> new GroupingEvaluation.Example(e.text(), e.language(), e.label().equals("invoice") ? "b" : "a"))
                .toList();
        var options = GroupingEvaluation.Options.defaults().withWarmup(false);

        var report = GroupingEvaluation.run(examples, TextAnalyzer.standard(), Settings.defaults(), options);
        var again = GroupingEvaluation.run(relabelled, TextAnalyzer.standard(), Settings.defaults(), options);

        assertThat(report.groups()).isEqualTo(2);
        assertThat(report.nmi()).isCloseTo(1.0, within(1e-9));
        assertThat(report.sizeBuckets()).containsExactly(0, 0, 2, 0);
        assertThat(again.nmi()).isEqualTo(report.nmi());
        assertThat(report.largestGroups()).extracting(GroupingEvaluation.LabelledGroup::majorityCount)
                .containsExactly(10, 10);
    }

    @Test
    void aSmallGroupIsReHomedAsAWholeIntoTheMostSimilarLargeGroupAsTheProductDoes() {
        List<GroupingEvaluation.Example> examples = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            examples.add(new GroupingEvaluation.Example("My invoice never arrived and now there is a reminder fee", "en",
                    "invoice"));
            examples.add(new GroupingEvaluation.Example("How can I change my address in the app", "en", "address"));
        }
        // shares only "reminder fee" with the large group: too little to join it online, enough to be re-homed
        examples.add(new GroupingEvaluation.Example("The reminder fee is too high", "en", "invoice"));
        var options = GroupingEvaluation.Options.defaults().withWarmup(false).withShuffleSeed(null).withRootCauses(null);

        // fixed term weights: the one text's similarity to its home (between 0.10 and 0.20) is chosen for them
        var settings = Settings.defaults().withSelfTraining(0);
        var without = GroupingEvaluation.run(examples, TextAnalyzer.standard(), settings, options.withRehome(0, 5));
        var with = GroupingEvaluation.run(examples, TextAnalyzer.standard(), settings, options);

        assertThat(without.groups()).isEqualTo(3);
        assertThat(without.rehomed()).isZero();
        assertThat(with.groups()).isEqualTo(2);
        assertThat(with.rehomed()).isEqualTo(1);
        assertThat(with.nmi()).isCloseTo(1.0, within(1e-9));
    }
}
