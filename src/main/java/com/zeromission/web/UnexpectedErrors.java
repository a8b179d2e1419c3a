package com.zeromission.web;

import java.io.IOException;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import com.zeromission.privacy.TextMasker;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The last answer to an exception nothing else handled: a 500 whose log line names the exception's classes, the stack
 * and a reference, but never an exception's message.
 *
 * <p>Why: a message is written by whatever threw, and often quotes the value that broke it. The database quotes the
 * over-long text it refused ("Value too long for column AREA: 'Anna Svensson, Storgatan 1 …'"), the file system the
 * path it could not read. Before this resolver, the servlet container logged such exceptions with their messages, so
 * a person's data typed into a form reached the log. Masking the message is not enough (names and addresses are not
 * masked), so the message is left out; the class, the stack and, for SQL errors, the SQL state say where to look.
 *
 * <p>Registered after Spring's own resolvers, so every module's {@code @ExceptionHandler} and every Spring MVC
 * exception (400s, 404s, 405s) is answered as before; security exceptions are left to Spring Security.
 */
final class UnexpectedErrors implements HandlerExceptionResolver {

    private static final Logger log = LoggerFactory.getLogger(UnexpectedErrors.class);
    private static final TextMasker MASKER = TextMasker.standard();
    private static final tools.jackson.databind.json.JsonMapper JSON = tools.jackson.databind.json.JsonMapper.builder().build();

    @Override
    public @Nullable ModelAndView resolveException(HttpServletRequest request, HttpServletResponse response,
            @Nullable Object handler, Exception ex) {
        if (ex instanceof org.springframework.security.access.AccessDeniedException
                || ex instanceof org.springframework.security.core.AuthenticationException) {
            return null; // Spring Security's filters answer these (401, 403)
        }
        String reference = UUID.randomUUID().toString();
        String path = MASKER.mask(request.getRequestURI()).text();
        log.error("Unexpected {} answering {} {} (reference {}); messages are not logged, they may quote the request's values",
                classes(ex), request.getMethod(), path, reference, withoutMessages(ex, 0));
        if (response.isCommitted()) {
            return new ModelAndView();
        }
        try {
            if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
                var problem = new LinkedHashMap<String, Object>();
                problem.put("type", "about:blank");
                problem.put("title", "Internal Server Error");
                problem.put("status", 500);
                problem.put("detail", "an unexpected error; it is logged under reference " + reference);
                problem.put("instance", path);
                problem.put("reference", reference);
                response.resetBuffer();
                response.setStatus(500);
                response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
                response.setCharacterEncoding("UTF-8");
                response.getWriter().write(JSON.writeValueAsString(problem));
            } else {
                response.sendError(500); // the error page, in HTML for a browser
            }
        } catch (IOException e) {
            log.debug("could not write the 500 answer (reference {}): {}", reference, e.getClass().getName());
        }
        return new ModelAndView();
    }

    /** The exception's classes along its cause chain, e.g. DataIntegrityViolationException < JdbcSQLDataException (22001). */
    static String classes(Throwable ex) {
        var names = new java.util.ArrayList<String>();
        for (Throwable t = ex; t != null && names.size() < 10; t = t.getCause() == t ? null : t.getCause()) {
            names.add(t.getClass().getSimpleName() + (t instanceof SQLException sql && sql.getSQLState() != null
                    ? " (SQL state " + sql.getSQLState() + ")" : ""));
        }
        return String.join(" < ", names);
    }

    /** A copy of the chain with the stack traces kept and every message replaced by the class's name. */
    static Throwable withoutMessages(Throwable ex, int depth) {
        var copy = new Redacted(ex.getClass().getName() + (ex instanceof SQLException sql && sql.getSQLState() != null
                ? " (SQL state " + sql.getSQLState() + ", error code " + sql.getErrorCode() + ")" : "")
                + " [message withheld]", ex.getCause() == null || ex.getCause() == ex || depth >= 9 ? null
                : withoutMessages(ex.getCause(), depth + 1));
        copy.setStackTrace(ex.getStackTrace());
        return copy;
    }

    /** Stands in for an exception in the log: its class and stack, not its message. */
    static final class Redacted extends RuntimeException {
        Redacted(String description, @Nullable Throwable cause) {
            super(description, cause, false, true);
        }
    }

    /** Puts the resolver after Spring MVC's own (exception handlers, response statuses, Spring's exceptions). */
    @Configuration(proxyBeanMethods = false)
    static class Registration implements WebMvcConfigurer {
        @Override
        public void extendHandlerExceptionResolvers(List<HandlerExceptionResolver> resolvers) {
            resolvers.add(new UnexpectedErrors());
        }
    }
}
