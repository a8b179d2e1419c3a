package com.zeromission.insights;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

class ImpactModelTest {

    /** The brief's invoice problem: 12,000 a year, 1.5 contacts at 6.00, a 5.00 fee waived, 2 % never buy again (40.00). */
    static final ImpactModel INVOICE = new ImpactModel(12_000, 1.5, new BigDecimal("6.00"), new BigDecimal("5.00"), 0.02,
            new BigDecimal("40.00"), 0.75);

    @Test
    void costsAnOccurrenceAsContactsPlusFeesPlusLostPurchases() {
        // 1.5 x 6.00 + 5.00 + 0.02 x 40.00 = 9.00 + 5.00 + 0.80
        assertThat(INVOICE.costPerOccurrence()).isEqualByComparingTo("14.80");
    }

    @Test
    void valuesTheFixAsOccurrencesTimesCostTimesTheShareRemoved() {
        // 12,000 x 14.80 x 0.75
        assertThat(INVOICE.valuePerYear()).isEqualByComparingTo("133200");
        assertThat(INVOICE.explain()).contains("12,000 occurrences a year", "14.80 per occurrence", "75 % removed",
                "= 133200 a year");
    }

    @Test
    void isWorthNothingWhenTheFixRemovesNothing() {
        var none = new ImpactModel(12_000, 1.5, new BigDecimal("6.00"), BigDecimal.ZERO, 0, BigDecimal.ZERO, 0);
        assertThat(none.valuePerYear()).isEqualByComparingTo("0");
    }

    @Test
    void rejectsSharesOutsideZeroToOneAndNegativeAmountsNamingTheValue() {
        assertThatThrownBy(() -> new ImpactModel(1, 1, BigDecimal.ONE, BigDecimal.ONE, 0, BigDecimal.ONE, 1.5))
                .hasMessage("shareRemoved must be between 0 and 1, was 1.5");
        assertThatThrownBy(() -> new ImpactModel(1, 1, new BigDecimal("-2"), BigDecimal.ONE, 0, BigDecimal.ONE, 1))
                .hasMessage("contactCost must be from 0 to 1000000000 with at most two decimals, was -2");
    }

    @Test
    void rejectsAnAmountTooLargeToBeAnEstimateOrFinerThanCentsBeforeComputingWithIt() {
        assertThatThrownBy(() -> new ImpactModel(1, 1, new BigDecimal("1e999999999"), BigDecimal.ONE, 0, BigDecimal.ONE, 1))
                .hasMessage("contactCost must be from 0 to 1000000000 with at most two decimals, was 1E+999999999");
        assertThatThrownBy(() -> new ImpactModel(1, 1, BigDecimal.ONE, new BigDecimal("0.005"), 0, BigDecimal.ONE, 1))
                .hasMessage("feesRefunded must be from 0 to 1000000000 with at most two decimals, was 0.005");
        var largest = new ImpactModel(1_000_000_000_000L, 100, ImpactModel.MAX_AMOUNT, ImpactModel.MAX_AMOUNT, 1,
                ImpactModel.MAX_AMOUNT, 1);
        assertThat(largest.valuePerYear()).isEqualByComparingTo("102000000000000000000000");
        assertThatThrownBy(() -> new ImpactModel(-1, 1, BigDecimal.ONE, BigDecimal.ONE, 0, BigDecimal.ONE, 1))
                .hasMessage("occurrencesPerYear must be >= 0, was -1");
    }

    @Test
    void showsTheTypedAndTheMeasuredOccurrencesAndTheReasonWhenAPersonOverrodeThem() {
        var overridden = new ImpactModel(24_000L, 1.5, new BigDecimal("6.00"), new BigDecimal("5.00"), 0.02,
                new BigDecimal("40.00"), 0.75, 81L, "most customers phone instead");
        assertThat(overridden.overridden()).isTrue();
        assertThat(overridden.explain()).startsWith("24,000 occurrences a year (typed; measured 81 in the last 52 weeks; "
                + "reason: most customers phone instead) x 14.80 per occurrence");

        var measured = overridden.withOccurrences(81L, 81L, null);
        assertThat(measured.overridden()).isFalse();
        assertThat(measured.explain()).startsWith("81 occurrences a year (measured: complaints in the last 52 weeks)");
        assertThat(measured.valuePerYear()).isEqualByComparingTo("899"); // 81 x 14.80 x 0.75 = 899.1
    }

    @Test
    void leavesOccurrencesUnknownWhenNeitherTypedNorMeasuredAndValuesThemAtNothing() {
        var unknown = new ImpactModel(null, 1.5, new BigDecimal("6.00"), BigDecimal.ZERO, 0, BigDecimal.ZERO, 0.75, null, null);
        assertThat(unknown.occurrencesKnown()).isFalse();
        assertThat(unknown.valuePerYear()).isEqualByComparingTo("0");
        assertThat(unknown.explain()).isEqualTo("occurrences a year unknown: link a problem to measure them, or type them");
    }
}
