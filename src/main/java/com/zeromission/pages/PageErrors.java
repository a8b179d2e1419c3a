package com.zeromission.pages;

import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

import com.zeromission.cadence.SquadNotFoundException;
import com.zeromission.callbacks.CallEntryNotFoundException;
import com.zeromission.insights.DelegationRefusedException;
import com.zeromission.insights.InsightNotFoundException;
import com.zeromission.insights.InsightTransitionRefusedException;
import com.zeromission.leaps.LeapNotFoundException;
import com.zeromission.leaps.LeapRefusedException;
import com.zeromission.mystery.RunNotFoundException;
import com.zeromission.mystery.ScenarioNotFoundException;
import com.zeromission.privacy.TextMasker;
import com.zeromission.problems.ProblemChangeRefusedException;
import com.zeromission.problems.ProblemEventNotFoundException;
import com.zeromission.problems.ProblemNotFoundException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Business refusals and bad input on a page become a page that says what was wrong, with the right status (400,
 * 404, 409), never a stack trace. Messages are masked like every other echoed value.
 */
@ControllerAdvice(basePackageClasses = PageErrors.class)
class PageErrors {

    private static final TextMasker MASKER = TextMasker.standard();

    @ExceptionHandler({ProblemNotFoundException.class, InsightNotFoundException.class, ProblemEventNotFoundException.class,
            LeapNotFoundException.class, RunNotFoundException.class, ScenarioNotFoundException.class,
            CallEntryNotFoundException.class, SquadNotFoundException.class})
    String notFound(RuntimeException e, HttpServletRequest request, HttpServletResponse response, Model model) {
        return show(HttpStatus.NOT_FOUND, "Not found", e, request, response, model);
    }

    @ExceptionHandler({ProblemChangeRefusedException.class, InsightTransitionRefusedException.class,
            DelegationRefusedException.class, LeapRefusedException.class})
    String refused(RuntimeException e, HttpServletRequest request, HttpServletResponse response, Model model) {
        return show(HttpStatus.CONFLICT, "Refused", e, request, response, model);
    }

    @ExceptionHandler({IllegalArgumentException.class, MethodArgumentTypeMismatchException.class})
    String badInput(RuntimeException e, HttpServletRequest request, HttpServletResponse response, Model model) {
        return show(HttpStatus.BAD_REQUEST, "Cannot do that", e, request, response, model);
    }

    /** In words a user reads, not Java type names ("a integer"). */
    private static String expected(Class<?> type) {
        if (type == null) {
            return "a value of another kind";
        }
        return switch (type.getSimpleName()) {
            case "int", "Integer", "long", "Long" -> "a whole number";
            case "double", "Double", "BigDecimal" -> "a number";
            case "boolean", "Boolean" -> "true or false";
            case "UUID" -> "an id like 0190a6f2-0000-7000-8000-000000000000";
            case "LocalDate" -> "a date (YYYY-MM-DD)";
            default -> "a " + type.getSimpleName().toLowerCase(java.util.Locale.ROOT);
        };
    }

    private static String show(HttpStatus status, String heading, RuntimeException e, HttpServletRequest request,
            HttpServletResponse response, Model model) {
        response.setStatus(status.value());
        String message = e instanceof MethodArgumentTypeMismatchException m
                ? "'" + m.getName() + "' must be " + expected(m.getRequiredType()) + ", was '" + m.getValue() + "'"
                : String.valueOf(e.getMessage());
        model.addAttribute("me", CurrentUser.of(org.springframework.security.core.context.SecurityContextHolder
                .getContext().getAuthentication()));
        model.addAttribute("heading", heading);
        model.addAttribute("message", MASKER.mask(message).text());
        String referer = request.getHeader("Referer");
        // only ever link back into this product
        model.addAttribute("back", referer != null && referer.startsWith(request.getScheme() + "://" + request.getServerName())
                ? referer : request.getContextPath() + "/");
        return "pages/error";
    }
}
