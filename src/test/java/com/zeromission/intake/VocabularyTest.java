package com.zeromission.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import com.zeromission.demo.DailyPurchases;
import com.zeromission.markets.InvalidProductException;
import com.zeromission.markets.Market;
import com.zeromission.markets.Product;
import com.zeromission.markets.Scope;
import com.zeromission.markets.UnknownMarketException;
import com.zeromission.metrics.PurchaseCount;

/**
 * One vocabulary for markets, products and days: every value type that names a market or a product refuses what a
 * signal refuses, with the value and the allowed set in the message (issue 15, finding 14).
 */
class VocabularyTest {

    static final Clock DEC_1 = Clock.fixed(Instant.parse("2026-12-01T12:00:00Z"), ZoneOffset.UTC);

    @Test
    void everyValueThatNamesAMarketRefusesUkWithTheIsoHintAndXxAsNoCountry() {
        for (var make : java.util.List.<java.util.function.Function<String, Object>>of(Market::of,
                m -> new PurchaseCount(LocalDate.parse("2025-01-01"), m, "card", 1), m -> new Scope(m, null),
                m -> new Scope(m, "card"), m -> new DailyPurchases(LocalDate.parse("2025-01-01"), m, "card", 1))) {
            assertThatThrownBy(() -> make.apply("UK")).isInstanceOf(UnknownMarketException.class)
                    .hasMessageContaining("'UK'").hasMessageContaining("GB");
            assertThatThrownBy(() -> make.apply("XX")).isInstanceOf(UnknownMarketException.class)
                    .hasMessageContaining("'XX'").hasMessageContaining(Market.ALLOWED);
        }
    }

    @Test
    void everyValueThatNamesAProductTakesItsSlugAndRefusesWhatIsNoSlug() {
        assertThat(new PurchaseCount(LocalDate.parse("2025-01-01"), "se", "Pay Later", 1))
                .isEqualTo(new PurchaseCount(LocalDate.parse("2025-01-01"), "SE", "pay-later", 1));
        assertThat(new Scope(null, "pay_later").product()).isEqualTo("pay-later");
        assertThat(new Scope("se", null).market()).isEqualTo("SE");
        assertThatThrownBy(() -> new Scope(null, "€€€")).isInstanceOf(InvalidProductException.class)
                .hasMessageContaining("'€€€'").hasMessageContaining(Product.ALLOWED);
        assertThatThrownBy(() -> new Product("Pay Later")).isInstanceOf(InvalidProductException.class);
        assertThat(SignalSubmission.slug("Pay Later")).isEqualTo(Product.of("Pay Later").code());
    }

    @Test
    void daysRunFromTheFirstDaySignalsMayHaveToTodayByTheClock() {
        var days = DayRange.upToToday(DEC_1);
        assertThat(days.require("day", LocalDate.parse("2026-12-01"))).isEqualTo(LocalDate.parse("2026-12-01"));
        assertThat(days.require("day", LocalDate.parse("2000-01-01"))).isEqualTo(LocalDate.parse("2000-01-01"));
        assertThatThrownBy(() -> days.require("day", LocalDate.parse("2026-12-02"))).isInstanceOf(DayOutOfRangeException.class)
                .hasMessage("day 2026-12-02 lies in the future; days from 2000-01-01 to today 2026-12-01 (UTC)");
        assertThatThrownBy(() -> days.require("day", LocalDate.parse("1999-12-31"))).isInstanceOf(DayOutOfRangeException.class)
                .hasMessageContaining("before 2000-01-01");
    }
}
