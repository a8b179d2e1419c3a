package com.zeromission.web;

import java.net.URI;
import java.time.format.DateTimeParseException;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.HandlerMethod;

import com.zeromission.privacy.TextMasker;

/**
 * The one place where a controller's invalid requests become RFC 9457 problem details (400), with the type and title
 * the controller declares in {@link InvalidRequests}. Each controller used to carry the same handlers.
 *
 * <p>Ordered before {@link GenericProblems}, as the controllers' own handlers were: a body or parameter that could not
 * be read because a value type refused a value (an {@link IllegalArgumentException} as the cause) is the
 * controller's invalid request, as before. Intake's own problems ({@code IntakeProblems}) still come first.
 */
@RestControllerAdvice(annotations = InvalidRequests.class)
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class InvalidRequestProblems {

    private final GenericProblems generic;
    private final TextMasker masker;

    InvalidRequestProblems(GenericProblems generic, TextMasker masker) {
        this.generic = generic;
        this.masker = masker;
    }

    @ExceptionHandler(InvalidParametersException.class)
    ProblemDetail parameters(InvalidParametersException e, HandlerMethod handler) {
        InvalidRequests declared = declared(handler);
        return ProblemDetails.invalidParameters(URI.create(declared.type()), declared.title(), e);
    }

    /**
     * A refused value: its message (masked: it quotes the value) is the detail. {@code thrown} is what the controller
     * threw, the refusal may be its cause (a body Jackson could not read because a record refused a field).
     */
    @ExceptionHandler({IllegalArgumentException.class, DateTimeParseException.class})
    ResponseEntity<Object> refused(Exception thrown, HandlerMethod handler, WebRequest request) throws Exception {
        InvalidRequests declared = declared(handler);
        if (!declared.valueRefusals()) {
            // as if this advice did not answer it: the generic answer, or (rethrown) an unexpected error
            return generic.handleException(thrown, request);
        }
        Throwable refusal = thrown;
        while (!(refusal instanceof IllegalArgumentException || refusal instanceof DateTimeParseException)
                && refusal.getCause() != null && refusal.getCause() != refusal) {
            refusal = refusal.getCause();
        }
        // a refusal without a message has no detail (the title says what kind of request it was), never "null"
        String message = refusal.getMessage();
        return ResponseEntity.badRequest().body(ProblemDetails.of(HttpStatus.BAD_REQUEST, URI.create(declared.type()),
                declared.title(), message == null || message.isBlank() ? null : masker.mask(message).text()));
    }

    private static InvalidRequests declared(HandlerMethod handler) {
        InvalidRequests declared = AnnotatedElementUtils.findMergedAnnotation(handler.getBeanType(), InvalidRequests.class);
        if (declared == null) { // the advice only applies to annotated controllers
            throw new IllegalStateException(handler.getBeanType().getName() + " declares no @InvalidRequests");
        }
        return declared;
    }
}
