package com.zeromission.web;

import java.net.URI;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

import com.zeromission.privacy.TextMasker;

/**
 * Problem details for request errors that no business module owns. Parse errors are described by position and
 * field path only: the offending token is never echoed, because a body may carry personal data.
 */
@RestControllerAdvice
class GenericProblems extends ResponseEntityExceptionHandler {

    static final URI MALFORMED = URI.create("https://zeromission.dev/problems/malformed-request");
    static final URI TOO_LARGE = URI.create("https://zeromission.dev/problems/too-large");

    /** A body that crossed its limit while it was read (see {@link RequestSizeLimitFilter}): 413, nothing stored. */
    @org.springframework.web.bind.annotation.ExceptionHandler(RequestBodyTooLargeException.class)
    ResponseEntity<Object> tooLarge(RequestBodyTooLargeException ex) {
        return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE).body(
                ProblemDetails.of(HttpStatus.CONTENT_TOO_LARGE, TOO_LARGE, "Request body too large", ex.getMessage()));
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        for (Throwable t = ex; t != null; t = t.getCause()) {
            if (t instanceof RequestBodyTooLargeException tooLarge) {
                // a converter wrapped the refusal: it is about size, not about the body's contents
                return tooLarge(tooLarge);
            }
        }
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, describe(ex));
        problem.setType(MALFORMED);
        problem.setTitle("Malformed request body");
        return ResponseEntity.badRequest().body(problem);
    }

    /** A query or path parameter of the wrong type ({@code ?limit=abc}): named, with its (masked) value. */
    @Override
    protected @Nullable ResponseEntity<Object> handleTypeMismatch(org.springframework.beans.TypeMismatchException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        String name = ex instanceof org.springframework.web.method.annotation.MethodArgumentTypeMismatchException m
                ? m.getName() : String.valueOf(ex.getPropertyName());
        String type = ex.getRequiredType() == null ? "another type" : ex.getRequiredType().getSimpleName();
        String value = ex.getValue() == null ? null
                : TextMasker.standard().mask(String.valueOf(ex.getValue())).text();
        String reason = "must be " + ("Integer".equals(type) || "int".equals(type) || "Long".equals(type) || "long".equals(type)
                ? "a whole number" : "a " + type);
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "parameter '" + name + "' " + reason
                + (value == null ? "" : ", was '" + value + "'"));
        problem.setType(MALFORMED);
        problem.setTitle("Invalid request parameter");
        var error = new java.util.LinkedHashMap<String, String>();
        error.put("field", name);
        if (value != null) {
            error.put("value", value);
        }
        error.put("reason", reason);
        problem.setProperty("errors", java.util.List.of(error));
        return ResponseEntity.badRequest().body(problem);
    }

    static String describe(HttpMessageNotReadableException ex) {
        return describe((Throwable) ex.getMostSpecificCause());
    }

    /** As above, for a body read by hand (a merge patch's merged tree): the innermost cause decides. */
    static String describe(Throwable error) {
        Throwable cause = org.springframework.core.NestedExceptionUtils.getMostSpecificCause(error);
        if (cause instanceof IllegalArgumentException invalid && invalid.getMessage() != null) {
            // a value type refused a value in its constructor: its message names the field and the (masked) value
            return TextMasker.standard().mask(invalid.getMessage()).text();
        }
        if (cause instanceof UnrecognizedPropertyException u) {
            // the name is the client's text: shown only when it looks like a field name (a misspelt "recievedAt"),
            // never when it could be a value put where a name belongs ("anna@example.com", "Anna Svensson")
            String name = u.getPropertyName();
            return (fieldLike(name) ? "unknown field '" + name + "'" : "unknown field (its name is not shown: it is not a "
                    + "field name)") + where(u) + "; known fields: " + u.getKnownPropertyIds();
        }
        if (cause instanceof JacksonException j) {
            String what = j.getOriginalMessage() == null ? "" : j.getOriginalMessage();
            String kind;
            if (what.contains("UTF-8") || what.contains("UTF8") || what.contains("Invalid UTF")) {
                kind = "request body is not valid UTF-8";
            } else if (what.startsWith("Cannot deserialize") || what.contains("Cannot construct")) {
                kind = "a field has the wrong JSON type";
            } else if (what.contains("end-of-input") || what.contains("No content")) {
                kind = "request body is empty or ends too early";
            } else {
                kind = "request body is not valid JSON";
            }
            TokenStreamLocation loc = j.getLocation();
            String at = loc == null || loc.getLineNr() < 0 ? "" : " (line " + loc.getLineNr() + ", column " + loc.getColumnNr() + ")";
            String field = path(j);
            return kind + at + (field.isEmpty() ? "" : " at field " + field);
        }
        return "request body could not be read: expected a JSON document in UTF-8";
    }

    private static final java.util.regex.Pattern FIELD_LIKE = java.util.regex.Pattern.compile("[A-Za-z][A-Za-z0-9_]{0,39}");

    /** A name that may be echoed: shaped like a field name, and nothing the masker would hide. */
    static boolean fieldLike(String name) {
        return name != null && FIELD_LIKE.matcher(name).matches()
                && TextMasker.standard().mask(name).total() == 0;
    }

    /** Where the unknown field is: the path of the object that holds it (its own name is the last reference). */
    private static String where(UnrecognizedPropertyException u) {
        var refs = u.getPath();
        var b = new StringBuilder();
        for (int i = 0; i < refs.size() - 1; i++) {
            var r = refs.get(i);
            if (r.getPropertyName() != null) {
                b.append(b.isEmpty() ? "" : ".").append(fieldLike(r.getPropertyName()) ? r.getPropertyName() : "?");
            } else if (r.getIndex() >= 0) {
                b.append('[').append(r.getIndex()).append(']');
            }
        }
        return b.isEmpty() ? " at the top level" : " in " + b;
    }

    /** The JSON path of the failure, e.g. {@code [3].evidence[0]}, built from Jackson's reference chain. */
    private static String path(JacksonException j) {
        var b = new StringBuilder();
        for (JacksonException.Reference r : j.getPath()) {
            if (r.getPropertyName() != null) {
                b.append(b.isEmpty() ? "" : ".").append(fieldLike(r.getPropertyName()) ? r.getPropertyName() : "?");
            } else if (r.getIndex() >= 0) {
                b.append('[').append(r.getIndex()).append(']');
            }
        }
        return b.toString();
    }
}
