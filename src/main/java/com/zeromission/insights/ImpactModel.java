package com.zeromission.insights;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;
import java.util.Objects;

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
 * @param occurrencesPerYear     affected purchases or customers a year (from the linked problems' frequency)
 * @param contactsPerOccurrence  customer-service contacts one occurrence causes (e.g. 1.3)
 * @param contactCost            what one contact costs
 * @param feesRefunded           fees refunded per occurrence (e.g. a reminder fee waived)
 * @param lostPurchaseShare      share of occurrences after which the customer does not buy again, 0 to 1
 * @param lostPurchaseValue      value of a lost purchase (margin, not price)
 * @param shareRemoved           expected share of occurrences the fix removes, 0 to 1
 */
public record ImpactModel(long occurrencesPerYear, double contactsPerOccurrence, BigDecimal contactCost,
        BigDecimal feesRefunded, double lostPurchaseShare, BigDecimal lostPurchaseValue, double shareRemoved) {

    public ImpactModel {
        if (occurrencesPerYear < 0) {
            throw new IllegalArgumentException("occurrencesPerYear must be >= 0, was " + occurrencesPerYear);
        }
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

    private static BigDecimal nonNegative(String name, BigDecimal value) {
        Objects.requireNonNull(value, name);
        if (value.signum() < 0) {
            throw new IllegalArgumentException(name + " must be >= 0, was " + value.toPlainString());
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

    /** The value of the fix per year, to the unit. */
    public BigDecimal valuePerYear() {
        return costPerOccurrence().multiply(BigDecimal.valueOf(occurrencesPerYear))
                .multiply(BigDecimal.valueOf(shareRemoved)).setScale(0, RoundingMode.HALF_UP);
    }

    /** The calculation in words and numbers, so that whoever reads the insight can check it. */
    public String explain() {
        return String.format(Locale.ROOT, "%,d occurrences a year x %s per occurrence (%.2f contacts x %s + %s fees refunded "
                + "+ %.0f %% lost purchases x %s) x %.0f %% removed by the fix = %s a year",
                occurrencesPerYear, costPerOccurrence().toPlainString(), contactsPerOccurrence, contactCost.toPlainString(),
                feesRefunded.toPlainString(), lostPurchaseShare * 100, lostPurchaseValue.toPlainString(), shareRemoved * 100,
                valuePerYear().toPlainString());
    }
}
