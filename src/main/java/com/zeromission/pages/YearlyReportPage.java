package com.zeromission.pages;

import java.time.Clock;
import java.time.LocalDate;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import com.zeromission.reports.ReportText;
import com.zeromission.reports.YearlyReport;
import com.zeromission.reports.YearlyReports;

/**
 * The yearly report as a printable page: a browser's "print to PDF" gives the report to hand out (the print
 * stylesheet drops the navigation and breaks pages between the parts). {@code ?year=} defaults to this year; a year
 * without purchase figures is a 400 page naming the years that have them.
 */
@Controller
class YearlyReportPage {

    private final YearlyReports reports;
    private final Clock clock;

    YearlyReportPage(YearlyReports reports, Clock clock) {
        this.reports = reports;
        this.clock = clock;
    }

    @GetMapping("/reports/yearly")
    String yearly(@RequestParam(required = false) Integer year, Model model) {
        var report = reports.yearly(year == null ? LocalDate.now(clock).getYear() : year);
        model.addAttribute("report", report);
        model.addAttribute("years", reports.yearsWithFigures());
        model.addAttribute("globalTarget", report.markets().stream().filter(YearlyReport.Figures::globalTarget)
                .map(YearlyReport.Figures::target).findFirst().orElse(null));
        model.addAttribute("text", new Text());
        return "pages/yearly-report";
    }

    /** The report's number formats, for the template (the same as its sentences use). */
    static final class Text {
        public String cpm(Double value) {
            return ReportText.cpm(value);
        }

        public String percent(Double value) {
            return ReportText.percent(value);
        }

        public String share(double share) {
            return String.format(java.util.Locale.ROOT, "%.0f %%", share * 100);
        }

        public String day(LocalDate day) {
            return ReportText.day(day);
        }

        public String count(long n) {
            return String.format(java.util.Locale.ROOT, "%,d", n);
        }

        public String perWeek(Double value) {
            return value == null ? "n/a" : value >= 10 ? String.format(java.util.Locale.ROOT, "%.0f", value)
                    : String.format(java.util.Locale.ROOT, "%.1f", value);
        }

        public String date(java.time.Instant at) {
            return at == null ? "" : ReportText.day(LocalDate.ofInstant(at, java.time.ZoneOffset.UTC));
        }
    }
}
