package com.zeromission.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

class PeriodTest {

    @Test
    void startsPeriodsWhereTheCalendarDoes() {
        LocalDate d = LocalDate.of(2026, 11, 23); // a Monday
        assertThat(Period.WEEK.start(d.plusDays(6))).isEqualTo(d);
        assertThat(Period.MONTH.start(d)).isEqualTo(LocalDate.of(2026, 11, 1));
        assertThat(Period.QUARTER.start(d)).isEqualTo(LocalDate.of(2026, 10, 1));
        assertThat(Period.YEAR.start(d)).isEqualTo(LocalDate.of(2026, 1, 1));
    }

    @Test
    void labelsIsoWeeksByTheirWeekBasedYear() {
        // 2024-12-30 is the Monday of ISO week 1 of 2025
        assertThat(Period.WEEK.label(LocalDate.of(2024, 12, 30))).isEqualTo("2025-W01");
        assertThat(Period.QUARTER.label(LocalDate.of(2026, 10, 1))).isEqualTo("2026-Q4");
    }

    @Test
    void comparesAWeekWithTheSameIsoWeekLastYear() {
        LocalDate w10of2026 = LocalDate.of(2026, 3, 2);
        assertThat(Period.WEEK.label(Period.WEEK.sameLastYear(w10of2026))).isEqualTo("2025-W10");
        // 2020 had 53 ISO weeks: week 10 of 2021 compares with week 10 of 2020, 53 weeks back
        assertThat(Period.WEEK.label(Period.WEEK.sameLastYear(LocalDate.of(2021, 3, 8)))).isEqualTo("2020-W10");
        assertThat(Period.MONTH.sameLastYear(LocalDate.of(2026, 2, 1))).isEqualTo(LocalDate.of(2025, 2, 1));
    }

    @Test
    void namesTheAllowedValuesWhenParsingFails() {
        assertThatThrownBy(() -> Period.parse("fortnight")).hasMessage("unknown period 'fortnight'; one of day, week, month, quarter, year");
        assertThat(Period.parse(" Week ")).isEqualTo(Period.WEEK);
    }
}
