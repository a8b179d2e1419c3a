package com.zeromission.demo.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The demo world: nine markets and six products. Merchant names are made up. */
public final class Catalog {

    private Catalog() {
    }

    public static final List<String> PRODUCTS = List.of("pay-later", "pay-in-3", "financing", "pay-now", "card", "app");

    /** Purchases per day over all markets on 2024-01-01 at scale 1 (before seasonality). */
    static final double BASE_DAILY_PURCHASES = 1_500_000;

    private static Map<String, Double> mix(double payLater, double payIn3, double financing, double payNow, double card,
            double app) {
        var m = new LinkedHashMap<String, Double>();
        m.put("pay-later", payLater);
        m.put("pay-in-3", payIn3);
        m.put("financing", financing);
        m.put("pay-now", payNow);
        m.put("card", card);
        m.put("app", app);
        return m;
    }

    public static final List<MarketProfile> MARKETS = List.of(
            new MarketProfile("SE", "sv", 0.08, null, 0, 1, "SEK", 0.17, 0.06,
                    mix(0.34, 0.10, 0.10, 0.22, 0.14, 0.10), 0.03, 60, 0.95,
                    List.of("Stadsmode", "Norrskor", "Elektroboden", "Hemma Interiör", "Cykelkompaniet", "Björk & Sten",
                            "Lilla Leksaksboden", "Skärgårdsfritid")),
            new MarketProfile("NO", "nb", 0.08, null, 0, 1, "NOK", 0.06, 0.05,
                    mix(0.36, 0.10, 0.12, 0.18, 0.14, 0.10), 0.025, 35, 0.9,
                    List.of("Fjellsport", "Bymote", "Elektrohuset Nord", "Nordlys Interiør", "Fjordsko")),
            new MarketProfile("DK", "da", 0.08, null, 0, 1, "DKK", 0.05, 0.06,
                    mix(0.30, 0.12, 0.10, 0.22, 0.16, 0.10), 0.02, 100, 0.8,
                    List.of("Bymode København", "Cykelhuset", "Hygge Hjem", "Strøget Sko", "Lydmester")),
            new MarketProfile("FI", "fi", 0.08, "sv", 0.06, 2, "EUR", 0.05, 0.06,
                    mix(0.38, 0.10, 0.12, 0.20, 0.10, 0.10), 0.02, 5, 0.8,
                    List.of("Revontuli Design", "Askel Kenkä", "Sähkötalo", "Koti & Tyyli", "Saaristo Sport")),
            new MarketProfile("DE", "de", 0.05, null, 0, 1, "EUR", 0.22, 0.10,
                    mix(0.40, 0.10, 0.08, 0.28, 0.06, 0.08), 0.02, 2.5, 1.15,
                    List.of("ModeHaus Berlin", "Schuhwerk24", "Technikwelt", "WohnGlück", "Radsport Müller",
                            "Spielzeugkiste", "Küchenprofi Hamburg")),
            new MarketProfile("AT", "de", 0.05, null, 0, 1, "EUR", 0.04, 0.08,
                    mix(0.42, 0.08, 0.08, 0.28, 0.06, 0.08), 0.02, 5, 1.05,
                    List.of("Alpenmode", "Technik Wien", "Wohnzimmer Graz", "Bergsport Tirol")),
            new MarketProfile("NL", "nl", 0.10, null, 0, 1, "EUR", 0.07, 0.10,
                    mix(0.38, 0.16, 0.04, 0.28, 0.06, 0.08), 0.025, 7.5, 1.1,
                    List.of("Fietsplaats", "Mode Amsterdam", "Technoshop Utrecht", "Huis & Haard", "Duinsport")),
            new MarketProfile("GB", "en", 0, null, 0, 0, "GBP", 0.13, 0.16,
                    mix(0.12, 0.42, 0.08, 0.10, 0.16, 0.12), 0.06, 5, 1.0,
                    List.of("Brick Lane Apparel", "HomeStyle UK", "Gadget Corner", "Northern Trainers",
                            "Pennine Outdoor")),
            new MarketProfile("US", "en", 0, null, 0, -6, "USD", 0.21, 0.28,
                    mix(0.10, 0.44, 0.16, 0.06, 0.14, 0.10), 0.15, 7, 1.15,
                    List.of("Main Street Outfitters", "Gadget Barn", "Lakeside Home", "Summit Gear", "Prairie Kids")));

    /** Online shops that sell in every market. */
    static final List<String> GLOBAL_MERCHANTS = List.of("Urban Threads", "PixelPlay Games", "ShopNordic", "Sunday Sneakers");

    public static MarketProfile market(String code) {
        for (MarketProfile m : MARKETS) {
            if (m.code().equals(code)) {
                return m;
            }
        }
        throw new IllegalArgumentException("not a demo market: " + code);
    }
}
