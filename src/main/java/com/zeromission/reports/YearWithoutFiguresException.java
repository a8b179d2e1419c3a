package com.zeromission.reports;

import java.util.List;

/**
 * A report was asked for a year that has no purchase figures: without the denominator there is no CPM to report.
 * Names the year and the years that have figures. A bad request, like any other wrong value.
 */
public class YearWithoutFiguresException extends IllegalArgumentException {

    private final int year;
    private final List<Integer> yearsWithFigures;

    public YearWithoutFiguresException(int year, List<Integer> yearsWithFigures) {
        super("year " + year + " has no purchase figures; years with figures: "
                + (yearsWithFigures.isEmpty() ? "none yet" : yearsWithFigures.toString()));
        this.year = year;
        this.yearsWithFigures = List.copyOf(yearsWithFigures);
    }

    public int year() {
        return year;
    }

    public List<Integer> yearsWithFigures() {
        return yearsWithFigures;
    }
}
