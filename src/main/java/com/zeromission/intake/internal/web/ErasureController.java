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
import com.zeromission.privacy.TextMasker;

/**
 * {@code POST /api/v1/erasures {"customerId":"cust-123"}} (or {@code {"customerKey":"ck_…"}}): erases everything
 * about one customer on request. Admins only. The answer says how many signals were erased, never whose.
 */
@RestController
class ErasureController {

    private final IntakeService intake;
    private final TextMasker masker;

    ErasureController(IntakeService intake, TextMasker masker) {
        this.intake = intake;
        this.masker = masker;
    }

    record ErasureRequest(String customerId, String customerKey) {
    }

    @PostMapping("/api/v1/erasures")
    Erasure erase(@RequestBody ErasureRequest body, Principal user) {
        return intake.erase(body == null ? null : body.customerId(), body == null ? null : body.customerKey(), user.getName());
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ProblemDetail invalid(IllegalArgumentException e) {
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, masker.mask(String.valueOf(e.getMessage())).text()
                .replaceAll("was '[^']*'", "was not a pseudonym"));
        problem.setTitle("Invalid erasure request");
        return problem;
    }
}
