package com.zeromission.problems.grouping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CommunitiesTest {

    /** Two groups of three, strongly alike inside, weakly alike across; plus the similarity matrix helper. */
    private static double[][] twoCliques(double inside, double across) {
        int n = 6;
        double[][] s = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                s[i][j] = i == j ? 1 : (i < 3) == (j < 3) ? inside : across;
            }
        }
        return s;
    }

    @Test
    void findsTwoCommunitiesWhenEachIsMoreAlikeInsideThanAcross() {
        int[] c = Communities.of(twoCliques(0.3, 0.05), null, 5, 0, 1.0);

        assertThat(c).containsExactly(0, 0, 0, 1, 1, 1);
    }

    @Test
    void linksBelowThePercentileOfAllPairsDoNotCount() {
        // every pair alike at 0.2 except one strong pair: only that pair is above the 95th percentile
        double[][] s = new double[5][5];
        for (int i = 0; i < 5; i++) {
            for (int j = 0; j < 5; j++) {
                s[i][j] = i == j ? 1 : 0.2;
            }
        }
        s[1][3] = s[3][1] = 0.6;

        int[] c = Communities.of(s, null, 4, 95, 1.0);

        assertThat(c[1]).isEqualTo(c[3]);
        assertThat(c[0]).isNotEqualTo(c[1]).isNotEqualTo(c[2]).isNotEqualTo(c[4]);
        assertThat(c[2]).isNotEqualTo(c[4]);
    }

    @Test
    void aHigherResolutionNeverGivesFewerCommunities() {
        double[][] s = twoCliques(0.3, 0.2);
        int low = java.util.Arrays.stream(Communities.of(s, null, 5, 0, 0.5)).max().orElseThrow() + 1;
        int high = java.util.Arrays.stream(Communities.of(s, null, 5, 0, 3.0)).max().orElseThrow() + 1;

        assertThat(high).isGreaterThanOrEqualTo(low);
    }

    @Test
    void lightNodesFollowHeavyNeighboursInsteadOfBridgingThem() {
        // Two light nodes (1, 2) alike each other, each also alike one heavy node (0, 3); a separate pair 4–5.
        double[][] s = new double[6][6];
        s[0][1] = s[1][0] = 0.25;
        s[1][2] = s[2][1] = 0.3;
        s[2][3] = s[3][2] = 0.25;
        s[3][4] = s[4][3] = 0.05;
        s[4][5] = s[5][4] = 0.3;

        int[] equal = Communities.of(s, null, 5, 0, 1.0);
        int[] weighted = Communities.of(s, new double[] {100, 1, 1, 100, 1, 1}, 5, 0, 1.0);

        assertThat(equal).containsExactly(0, 0, 0, 0, 1, 1);
        assertThat(weighted).containsExactly(0, 0, 1, 1, 2, 2);
    }

    @Test
    void refusesWeightsThatAreNotOnePositiveNumberPerNode() {
        double[][] s = twoCliques(0.3, 0.05);
        assertThatThrownBy(() -> Communities.of(s, new double[] {1, 1}, 3, 50, 1)).hasMessageContaining("2 for 6");
        assertThatThrownBy(() -> Communities.of(s, new double[] {1, 1, 0, 1, 1, 1}, 3, 50, 1))
                .hasMessageContaining("node 2").hasMessageContaining("0.0");
    }

    @Test
    void nodesWithoutLinksStayAlone() {
        double[][] s = new double[3][3];

        assertThat(Communities.of(s, null, 2, 0, 1.0)).containsExactly(0, 1, 2);
        assertThat(Communities.of(new double[0][0], null, 2, 0, 1.0)).isEmpty();
    }

    @Test
    void refusesSettingsThatMakeNoSense() {
        double[][] s = twoCliques(0.3, 0.05);
        assertThatThrownBy(() -> Communities.of(s, null, 0, 50, 1)).hasMessageContaining("neighbours").hasMessageContaining("0");
        assertThatThrownBy(() -> Communities.of(s, null, 3, 101, 1)).hasMessageContaining("percentile").hasMessageContaining("101");
        assertThatThrownBy(() -> Communities.of(s, null, 3, 50, 0)).hasMessageContaining("resolution");
    }
}
