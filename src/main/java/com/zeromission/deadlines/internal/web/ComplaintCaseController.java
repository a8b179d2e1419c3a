package com.zeromission.deadlines.internal.web;

import com.zeromission.web.InvalidRequests;
import com.zeromission.web.ProblemDetails;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.zeromission.deadlines.CaseClock;
import com.zeromission.deadlines.CaseFilter;
import com.zeromission.deadlines.ComplaintCase;
import com.zeromission.deadlines.ComplaintCaseNotFoundException;
import com.zeromission.deadlines.ComplaintCases;
import com.zeromission.deadlines.ReplyKind;
import com.zeromission.deadlines.ReplyRefusedException;
import com.zeromission.intake.SignalId;

import jakarta.servlet.http.HttpServletResponse;

/**
 * Complaint cases over HTTP: lists against today's date, replies (with an optional {@code at} when the reply was
 * sent earlier from another system), and the complaints register as CSV.
 */
@RestController
@InvalidRequests(type = "https://zeromission.dev/problems/invalid-complaint-case-request", title = "Invalid complaint-case request")
@RequestMapping("/api/v1/complaint-cases")
class ComplaintCaseController {

    static final URI REFUSED = URI.create("https://zeromission.dev/problems/reply-refused");
    static final URI NOT_FOUND = URI.create("https://zeromission.dev/problems/complaint-case-not-found");

    private final ComplaintCases cases;

    ComplaintCaseController(ComplaintCases cases) {
        this.cases = cases;
    }

    /** A case as the API shows it: no text, no customer. */
    record CaseView(String signalId, String market, String product, String channel, Instant receivedAt, String rule,
            LocalDate countedFrom, LocalDate acknowledgementDue, Instant acknowledgedAt, LocalDate finalReplyDue,
            Instant holdingReplyAt, LocalDate extendedFinalReplyDue, LocalDate extensionAllowedUntil, Instant finalReplyAt,
            String status, String waitingFor, LocalDate due, Integer businessDaysLeft) {

        static CaseView of(CaseClock clock) {
            ComplaintCase c = clock.complaint();
            return new CaseView(c.signalId().toString(), c.market(), c.product(), c.channel().code(), c.receivedAt(),
                    c.rule(), c.countedFrom(), c.acknowledgementDue(), c.acknowledgedAt(), c.finalReplyDue(),
                    c.holdingReplyAt(), c.extendedDue(), c.extensionDue(), c.finalReplyAt(), c.status().code(),
                    clock.waitingFor() == null ? null : clock.waitingFor().code(), clock.due(),
                    clock.waitingFor() == null ? null : clock.businessDaysLeft());
        }
    }

    record CaseList(String status, String market, int dueSoonBusinessDays, int count, List<CaseView> cases) {
    }

    /** When the reply was sent; absent or null: now. */
    record ReplyBody(Instant at) {
    }

    /** {@code GET /api/v1/complaint-cases?status=overdue|due-soon|open|closed&market=SE&limit=100}. */
    @GetMapping
    CaseList list(@RequestParam(defaultValue = "open") String status, @RequestParam(required = false) String market,
            @RequestParam(defaultValue = "100") int limit) {
        CaseFilter filter = CaseFilter.parse(status);
        var list = cases.list(filter, market, limit).stream().map(CaseView::of).toList();
        return new CaseList(filter.code(), market == null || market.isBlank() ? null : market.strip().toUpperCase(
                java.util.Locale.ROOT), cases.dueSoonBusinessDays(), list.size(), list);
    }

    @GetMapping("/{signalId}")
    CaseView one(@PathVariable String signalId) {
        SignalId id = SignalId.parse(signalId);
        return CaseView.of(cases.clock(cases.find(id).orElseThrow(() -> new ComplaintCaseNotFoundException(id))));
    }

    @PostMapping("/{signalId}/acknowledge")
    CaseView acknowledge(@PathVariable String signalId, @RequestBody(required = false) ReplyBody body, Principal user) {
        return CaseView.of(cases.clock(cases.acknowledge(SignalId.parse(signalId), at(body), user.getName())));
    }

    @PostMapping("/{signalId}/holding-reply")
    CaseView holdingReply(@PathVariable String signalId, @RequestBody(required = false) ReplyBody body, Principal user) {
        return CaseView.of(cases.clock(cases.holdingReply(SignalId.parse(signalId), at(body), user.getName())));
    }

    @PostMapping("/{signalId}/final-reply")
    CaseView finalReply(@PathVariable String signalId, @RequestBody(required = false) ReplyBody body, Principal user) {
        return CaseView.of(cases.clock(cases.finalReply(SignalId.parse(signalId), at(body), user.getName())));
    }

    /** {@code GET /api/v1/complaint-cases/register.csv}: every case, streamed; no texts, no customer data. */
    @GetMapping("/register.csv")
    void register(HttpServletResponse response) throws IOException {
        response.setContentType("text/csv; charset=UTF-8");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.setHeader("Content-Disposition", "attachment; filename=\"complaints-register.csv\"");
        cases.writeRegister(response.getWriter());
    }

    private static Instant at(ReplyBody body) {
        return body == null ? null : body.at();
    }

    @ExceptionHandler(ReplyRefusedException.class)
    ProblemDetail refused(ReplyRefusedException e) {
        return ProblemDetails.of(HttpStatus.CONFLICT, REFUSED, "Reply refused", e.getMessage());
    }

    @ExceptionHandler(ComplaintCaseNotFoundException.class)
    ProblemDetail notFound(ComplaintCaseNotFoundException e) {
        return ProblemDetails.of(HttpStatus.NOT_FOUND, NOT_FOUND, "Complaint case not found", e.getMessage());
    }
}
