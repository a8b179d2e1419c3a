package com.zeromission.pages;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;

import com.zeromission.callbacks.CallOutcome;
import com.zeromission.mystery.Outcome;

class PeopleFormatTest {

    static final ResourceBundleMessageSource MESSAGES = new ResourceBundleMessageSource();

    static {
        MESSAGES.setBasenames("i18n/messages");
        MESSAGES.setDefaultEncoding("UTF-8");
        MESSAGES.setFallbackToSystemLocale(false);
    }

    final PeopleFormat fmt = new PeopleFormat(Locale.UK, ZoneId.of("Europe/Stockholm"), MESSAGES);

    @Test
    void separatesThousandsInCounts() {
        assertThat(fmt.count(2199)).isEqualTo("2,199");
        assertThat(fmt.count(13_862_639L)).isEqualTo("13,862,639");
        assertThat(fmt.count(7)).isEqualTo("7");
        assertThat(fmt.count((Number) null)).isEqualTo("–");
    }

    @Test
    void putsTheNounInTheSingularOnlyForOne() {
        assertThat(fmt.count(1, "signal")).isEqualTo("1 signal");
        assertThat(fmt.count(2, "signal")).isEqualTo("2 signals");
        assertThat(fmt.count(0, "signal")).isEqualTo("0 signals");
        assertThat(fmt.count(2199, "signal")).isEqualTo("2,199 signals");
        assertThat(fmt.count(1.0, "person-day")).isEqualTo("1 person-day");
        assertThat(fmt.count(2.5, "person-day")).isEqualTo("2.5 person-days");
        assertThat(fmt.count(3, "person", "people")).isEqualTo("3 people");
    }

    @Test
    void showsMoneyWithItsCurrencyAndCentsOnlyWhenThereAreAny() {
        assertThat(fmt.money(254_520, "EUR")).isEqualTo("€254,520");
        assertThat(fmt.money(new BigDecimal("12.50"), "SEK")).isEqualTo("SEK12.50");
        assertThat(fmt.money(3, "XYZ1")).isEqualTo("3 XYZ1");
    }

    @Test
    void showsTimesInTheViewersZoneToTheMinute() {
        Instant at = Instant.parse("2026-12-07T08:15:42.123456789Z");
        assertThat(fmt.dateTime(at)).isEqualTo("7 Dec 2026, 09:15 CET");
        assertThat(new PeopleFormat(Locale.UK, ZoneId.of("America/New_York"), MESSAGES).dateTime(at))
                .isEqualTo("7 Dec 2026, 03:15 GMT-05:00");
        assertThat(fmt.dateTime(Instant.parse("2026-07-01T10:00:00Z"))).isEqualTo("1 Jul 2026, 12:00 CEST");
        assertThat(fmt.date(LocalDate.parse("2026-11-24"))).isEqualTo("24 Nov 2026");
        assertThat(fmt.date(Instant.parse("2026-11-24T23:30:00Z"))).as("the viewer's day").isEqualTo("25 Nov 2026");
    }

    @Test
    void turnsEnumValuesAndCodesIntoWords() {
        assertThat(fmt.words(Outcome.NOT_APPLICABLE)).isEqualTo("Not applicable");
        assertThat(fmt.words(CallOutcome.REACHED)).isEqualTo("Reached");
        assertThat(fmt.words("ZEROMISSION")).isEqualTo("zeromission CSV");
        assertThat(fmt.words("CFPB")).isEqualTo("CFPB export");
        assertThat(fmt.words("in-progress")).isEqualTo("In progress");
        assertThat(fmt.percent(0.052)).isEqualTo("5.2 %");
    }

    @Test
    void namesMarketsAndProductsInThePagesLanguage() {
        assertThat(fmt.market("SE")).isEqualTo("Sweden");
        assertThat(fmt.product("pay-in-3")).isEqualTo("Pay in 3");
        var sv = fmt.in("sv");
        assertThat(sv.market("SE")).isEqualTo("Sverige");
        assertThat(sv.market("DK")).isEqualTo("Danmark");
        assertThat(sv.product("pay-in-3")).isEqualTo("Delbetalning");
        assertThat(fmt.market("XX")).as("an unknown code as given").isEqualTo("XX");
        assertThat(fmt.product("gift-card")).isEqualTo("Gift card");
    }

    @Test
    void takesTheZoneFromTheCookieOnlyWhenItNamesOne() {
        var dialect = new PeopleFormatDialect(MESSAGES, "Europe/Stockholm", "EUR");
        assertThat(dialect.zone("America%2FNew_York")).isEqualTo(ZoneId.of("America/New_York"));
        assertThat(dialect.zone("Mars/Olympus")).isEqualTo(ZoneId.of("Europe/Stockholm"));
        assertThat(dialect.zone(null)).isEqualTo(ZoneId.of("Europe/Stockholm"));
    }

    @Test
    void amountsWithoutACurrencyOfTheirOwnAreInTheConfiguredReportingCurrencyAndABadCodeIsRefusedNamingIt() {
        var sek = new PeopleFormat(java.util.Locale.UK, ZoneId.of("Europe/Stockholm"), MESSAGES, java.util.Currency.getInstance("SEK"));
        assertThat(sek.money(254_520)).isEqualTo("SEK254,520");
        assertThat(sek.currency()).isEqualTo("SEK");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new PeopleFormatDialect(MESSAGES, "Europe/Stockholm", "euro"))
                .hasMessageContaining("zeromission.currency").hasMessageContaining("'euro'");
    }
}
