package com.zeromission.demo.internal;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What the generator needs to know about one market: its language(s), time zone, currency, size, growth and
 * product mix, its ombudsman/regulator, and fictional merchants.
 *
 * @param language       the main language (ISO 639-1)
 * @param englishShare   share of customers who write in English anyway
 * @param secondLanguage a second national language (Swedish in Finland), or null
 * @param secondShare    its share
 * @param utcOffset      standard-time offset in hours (daylight saving is ignored: a signal only needs a plausible hour)
 * @param currency       ISO 4217 code
 * @param share          share of all purchases on 2024-01-01
 * @param growth         purchase growth per year (continuous rate)
 * @param productMix     relative purchase volume per product on 2024-01-01
 * @param regulatorShare share of complaints that arrive through an ombudsman or regulator
 * @param reminderFee    the reminder fee in the local currency
 * @param complaintCulture how readily customers file a formal complaint rather than shrug (1 = average)
 */
public record MarketProfile(
        String code,
        String language,
        double englishShare,
        String secondLanguage,
        double secondShare,
        int utcOffset,
        String currency,
        double share,
        double growth,
        Map<String, Double> productMix,
        double regulatorShare,
        double reminderFee,
        double complaintCulture,
        List<String> merchants) {

    public MarketProfile {
        Objects.requireNonNull(code, "code");
        productMix = Map.copyOf(productMix);
        merchants = List.copyOf(merchants);
        if (!productMix.keySet().equals(java.util.Set.copyOf(Catalog.PRODUCTS))) {
            throw new IllegalArgumentException(code + ": product mix must name every product " + Catalog.PRODUCTS);
        }
        if (englishShare < 0 || secondShare < 0 || englishShare + secondShare > 1) {
            throw new IllegalArgumentException(code + ": language shares must lie in [0, 1]");
        }
    }

    /** Euro to local currency, rounded: amounts in texts only have to look plausible. */
    public double perEuro() {
        return switch (currency) {
            case "SEK" -> 11.3;
            case "NOK" -> 11.6;
            case "DKK" -> 7.46;
            case "GBP" -> 0.85;
            case "USD" -> 1.08;
            default -> 1.0;
        };
    }
}
