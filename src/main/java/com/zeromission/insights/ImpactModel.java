package com.zeromission.insights;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;
import java.util.Objects;

import com.zeromission.privacy.FreeText;

/**
 * The simple financial impact model an analyst fills in: how often the problem happens, what one occurrence costs,
 * and how much of it the fix removes. Amounts are in the company's reporting currency.
 *
 * <pre>
 * cost per occurrence = contacts per occurrence x cost of a contact
 *                     + fees refunded per occurrence
 *                     + share of occurrences that lose a purchase x value of a lost purchase
 * value per year      = occurrences per year x cost per occurrence x share removed by the fix
 * </pre>
 *
 * <p>Occurrences a year come from the data: by default the linked problems' measured complaints in the last 52 full
 * weeks ({@code measuredOccurrencesPerYear}, filled in by {@link Insights} whenever the insight is saved or ranked). A
 * person may type another number, but only with a reason ({@code occurrencesReason}); both numbers are kept and shown,
 * so an optimistic guess is visible as one.
 *
 * @param occurrencesPerYear     affected purchases or customers a year; null when sent: the measured number (and
 *                               unknown while no problem is linked and none is typed)
 * @param contactsPerOccurrence  customer-service contacts one occurrence causes (e.g. 1.3)
 * @param contactCost            what one contact costs
 * @param feesRefunded           fees refunded per occurrence (e.g. a reminder fee waived)
 * @param lostPurchaseShare      share of occurrences after which the customer does not buy again, 0 to 1
 * @param lostPurchaseValue      value of a lost purchase (margin, not price)
 * @param shareRemoved           expected share of occurrences the fix removes, 0 to 1
 * @param measuredOccurrencesPerYear the linked problems' complaints in the last 52 full weeks when it was last
 *                               saved; set by {@link Insights}, whatever a client sends (null: no problem linked)
 * @param occurrencesReason      why the typed occurrences differ from the measured ones (typed text, masked); null
 *                               when they follow the data
 */
public record ImpactModel(Long occurrencesPerYear, double contactsPerOccurrence, BigDecimal contactCost,
        BigDecimal feesRefunded, double lostPurchaseShare, BigDecimal lostPurchaseValue, double shareRemoved,
        Long measuredOccurrencesPerYear, String occurrencesReason) {

    public ImpactModel {
        if (measuredOccurrencesPerYear != null && measuredOccurrencesPerYear < 0) {
            throw new IllegalArgumentException("measuredOccurrencesPerYear must be >= 0, was " + measuredOccurrencesPerYear);
        }
        if (occurrencesPerYear != null && occurrencesPerYear < 0) {
            throw new IllegalArgumentException("occurrencesPerYear must be >= 0, was " + occurrencesPerYear);
        }
        occurrencesReason = FreeText.optional("impact.occurrencesReason", occurrencesReason,
                FreeText.Kind.NAME);
        if (!(contactsPerOccurrence >= 0 && contactsPerOccurrence <= 100)) {
            throw new IllegalArgumentException("contactsPerOccurrence must be between 0 and 100, was " + contactsPerOccurrence);
        }
        contactCost = nonNegative("contactCost", contactCost);
        feesRefunded = nonNegative("feesRefunded", feesRefunded);
        lostPurchaseValue = nonNegative("lostPurchaseValue", lostPurchaseValue);
        if (!(lostPurchaseShare >= 0 && lostPurchaseShare <= 1)) {
            throw new IllegalArgumentException("lostPurchaseShare must be between 0 and 1, was " + lostPurchaseShare);
        }
        if (!(shareRemoved >= 0 && shareRemoved <= 1)) {
            throw new IllegalArgumentException("shareRemoved must be between 0 and 1, was " + shareRemoved);
        }
    }

    /** Typed occurrences, nothing measured yet: what a person fills in by hand (the model before issue 16). */
    public ImpactModel(long occurrencesPerYear, double contactsPerOccurrence, BigDecimal contactCost, BigDecimal feesRefunded,
            double lostPurchaseShare, BigDecimal lostPurchaseValue, double shareRemoved) {
        this(Long.valueOf(occurrencesPerYear), contactsPerOccurrence, contactCost, feesRefunded, lostPurchaseShare,
                lostPurchaseValue, shareRemoved, null, null);
    }

    /** True when occurrences a year are known (typed, or measured from linked problems). */
    public boolean occurrencesKnown() {
        return occurrencesPerYear != null;
    }

    /** True when a person typed occurrences other than the measured ones (with a reason). */
    public boolean overridden() {
        return occurrencesReason != null && measuredOccurrencesPerYear != null
                && !measuredOccurrencesPerYear.equals(occurrencesPerYear);
    }

    /** The same model with other occurrences, measured occurrences and reason. */
    public ImpactModel withOccurrences(Long occurrences, Long measured, String reason) {
        return new ImpactModel(occurrences, contactsPerOccurrence, contactCost, feesRefunded, lostPurchaseShare,
                lostPurchaseValue, shareRemoved, measured, reason);
    }

    /** The largest amount an occurrence's part may have: anything larger is a typing mistake, not an estimate. */
    public static final BigDecimal MAX_AMOUNT = new BigDecimal("1000000000");

    private static BigDecimal nonNegative(String name, BigDecimal value) {
        Objects.requireNonNull(value, name);
        // checked before anything else is done with it: "1e999999999" is a valid decimal whose digits would fill memory
        if (value.signum() < 0 || value.compareTo(MAX_AMOUNT) > 0 || value.stripTrailingZeros().scale() > 2) {
            throw new IllegalArgumentException(name + " must be from 0 to " + MAX_AMOUNT.toPlainString()
                    + " with at most two decimals, was " + (value.precision() - value.scale() > 30 || value.scale() > 30
                            ? value.toString() : value.toPlainString()));
        }
        return value;
    }

    /** What one occurrence costs, to the cent. */
    public BigDecimal costPerOccurrence() {
        return contactCost.multiply(BigDecimal.valueOf(contactsPerOccurrence))
                .add(feesRefunded)
                .add(lostPurchaseValue.multiply(BigDecimal.valueOf(lostPurchaseShare)))
                .setScale(2, RoundingMode.HALF_UP);
    }

    /** The value of the fix per year, to the unit; 0 while occurrences are unknown (the gate says why). */
    public BigDecimal valuePerYear() {
        return costPerOccurrence().multiply(BigDecimal.valueOf(occurrencesPerYear == null ? 0 : occurrencesPerYear))
                .multiply(BigDecimal.valueOf(shareRemoved)).setScale(0, RoundingMode.HALF_UP);
    }

    /** The calculation in words and numbers, so that whoever reads the insight can check it. */
    public String explain() {
        if (occurrencesPerYear == null) {
            return "occurrences a year unknown: link a problem to measure them, or type them";
        }
        String source = measuredOccurrencesPerYear == null ? "" : overridden()
                ? String.format(Locale.ROOT, " (typed; measured %,d in the last 52 weeks; reason: %s)", measuredOccurrencesPerYear,
                        occurrencesReason)
                : " (measured: complaints in the last 52 weeks)";
        return String.format(Locale.ROOT, "%,d occurrences a year%s x %s per occurrence (%.2f contacts x %s + %s fees refunded "
                + "+ %.0f %% lost purchases x %s) x %.0f %% removed by the fix = %s a year",
                occurrencesPerYear, source, costPerOccurrence().toPlainString(), contactsPerOccurrence, contactCost.toPlainString(),
                feesRefunded.toPlainString(), lostPurchaseShare * 100, lostPurchaseValue.toPlainString(), shareRemoved * 100,
                valuePerYear().toPlainString());
    }
}
