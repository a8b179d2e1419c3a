package com.zeromission.reports.internal.web;

import com.zeromission.web.ProblemDetails;
import java.net.URI;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.zeromission.reports.YearWithoutFiguresException;
import com.zeromission.reports.YearlyReport;
import com.zeromission.reports.YearlyReports;

/**
 * {@code GET /api/v1/reports/yearly?year=2026}: the yearly report's figures and sentences as JSON, the same the page
 * prints. Without a year, the current one. A year without purchase figures is a 400 naming the years that have them.
 */
@RestController
@RequestMapping("/api/v1/reports")
class YearlyReportController {

    static final URI NO_FIGURES = URI.create("https://zeromission.dev/problems/year-without-figures");

    private final YearlyReports reports;
    private final java.time.Clock clock;

    YearlyReportController(YearlyReports reports, java.time.Clock clock) {
        this.reports = reports;
        this.clock = clock;
    }

    @GetMapping("/yearly")
    YearlyReport yearly(@RequestParam(required = false) Integer year) {
        return reports.yearly(year == null ? java.time.LocalDate.now(clock).getYear() : year);
    }

    @ExceptionHandler(YearWithoutFiguresException.class)
    ProblemDetail noFigures(YearWithoutFiguresException e) {
        var problem = ProblemDetails.of(HttpStatus.BAD_REQUEST, NO_FIGURES, "Year without figures", e.getMessage());
        problem.setProperty("year", e.year());
        problem.setProperty("yearsWithFigures", e.yearsWithFigures());
        return problem;
    }
}
