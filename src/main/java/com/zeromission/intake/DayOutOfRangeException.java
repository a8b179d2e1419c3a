package com.zeromission.intake;

import java.time.LocalDate;

/** A day (of purchases, of a figure) lies in the future or before the earliest day the product counts. */
public class DayOutOfRangeException extends IllegalArgumentException {

    private final LocalDate day;

    public DayOutOfRangeException(LocalDate day, String message) {
        super(message);
        this.day = day;
    }

    public LocalDate day() {
        return day;
    }
}
