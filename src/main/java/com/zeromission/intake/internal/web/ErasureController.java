package com.zeromission.intake.internal.web;

import java.security.Principal;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import com.zeromission.intake.Erasure;
import com.zeromission.intake.IntakeService;
import com.zeromission.intake.SignalId;
import com.zeromission.privacy.TextMasker;

/**
 * {@code POST /api/v1/erasures {"customerId":"cust-123"}} (or {@code {"customerKey":"ck_…"}}): erases everything
 * about one customer on request; {@code {"signalIds":["0190…"]}} erases the named signals, for those without a
 * customer (feedback-form messages). Admins only. The answer says how many signals were erased, never whose.
 */
@RestController
class ErasureController {

    private final IntakeService intake;
    private final TextMasker masker;

    ErasureController(IntakeService intake, TextMasker masker) {
        this.intake = intake;
        this.masker = masker;
    }

    /** One of: the source system's customer id, the pseudonym, or the ids of the signals to erase. */
    record ErasureRequest(String customerId, String customerKey, java.util.List<String> signalIds) {
        ErasureRequest {
            int given = (customerId == null || customerId.isBlank() ? 0 : 1) + (customerKey == null || customerKey.isBlank() ? 0 : 1)
                    + (signalIds == null ? 0 : 1);
            if (given > 1) {
                throw new IllegalArgumentException("an erasure names one customer (customerId or customerKey) or the "
                        + "signals to erase (signalIds), not both");
            }
        }
    }

    @PostMapping("/api/v1/erasures")
    Erasure erase(@RequestBody ErasureRequest body, Principal user) {
        if (body != null && body.signalIds() != null) {
            // a signal without a customer key (a feedback-form message) can only be erased by its id
            return intake.eraseSignals(body.signalIds().stream().map(s -> SignalId.parse(
                    s == null ? null : s.strip())).toList(), user.getName());
        }
        return intake.erase(body == null ? null : body.customerId(), body == null ? null : body.customerKey(), user.getName());
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ProblemDetail invalid(IllegalArgumentException e) {
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, masker.mask(String.valueOf(e.getMessage())).text()
                .replaceAll("was '[^']*'", "was something else (not shown: a customer's id may be personal data)"));
        problem.setTitle("Invalid erasure request");
        return problem;
    }
}
