package com.zeromission.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.jspecify.annotations.Nullable;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.web.filter.OncePerRequestFilter;

import com.zeromission.limits.ClientAddresses;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Puts {@link SignInLockout} around every request that carries credentials: a sign-in form post ({@code POST /login}
 * in the pages' chain), or an {@code Authorization: Basic} or {@code Bearer} header (in the API chain). A refused
 * attempt is answered 429 with {@code Retry-After} before the password is even checked, so a locked-out guesser
 * learns nothing, not even a right guess. Placed just before the authentication filters: whether they authenticated
 * the request is read from the security context when they are done. Not a bean, like {@link BearerTokenFilter}.
 */
class SignInLockoutFilter extends OncePerRequestFilter {

    /** Which credentials this chain takes. */
    enum Chain { PAGES, API }

    private final SignInLockout lockout;
    private final ClientAddresses clients;
    private final Chain chain;
    private final SecurityContextHolderStrategy contexts = SecurityContextHolder.getContextHolderStrategy();

    SignInLockoutFilter(SignInLockout lockout, ClientAddresses clients, Chain chain) {
        this.lockout = lockout;
        this.clients = clients;
        this.chain = chain;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain filters)
            throws ServletException, IOException {
        SignInLockout.Attempt attempt = attempt(request);
        if (attempt == null) {
            filters.doFilter(request, response);
            return;
        }
        String address = clients.address(request);
        String subject = clients.budgetSubject(request);
        SignInLockout.Check check = lockout.check(attempt, subject);
        if (check.refused()) {
            refuse(response, check.refusal().retryAfterSeconds());
            return;
        }
        filters.doFilter(request, response);
        if (authenticated(attempt)) {
            lockout.succeeded(attempt, subject, check);
        } else {
            lockout.failed(attempt, subject, address);
        }
    }

    /** The credentials this request presents to this chain, or null when it presents none. */
    private SignInLockout.@Nullable Attempt attempt(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (chain == Chain.PAGES) {
            // Spring Security's form login processes POST /login (the login page's own URL)
            return "POST".equals(request.getMethod()) && path.equals("/login")
                    ? new SignInLockout.Attempt(String.valueOf(request.getParameter("username")), "sign-in form") : null;
        }
        String header = request.getHeader("Authorization");
        if (header == null) {
            return null;
        }
        if (header.regionMatches(true, 0, "Basic ", 0, 6)) {
            try {
                String decoded = new String(Base64.getDecoder().decode(header.substring(6).strip()), StandardCharsets.UTF_8);
                int colon = decoded.indexOf(':');
                // without a colon Spring refuses the header before any password is compared: nothing to guess
                return colon < 0 ? null : new SignInLockout.Attempt(decoded.substring(0, colon), "HTTP Basic");
            } catch (IllegalArgumentException notBase64) {
                return null;
            }
        }
        // the same requests BearerTokenFilter authenticates
        boolean tokenPath = path.startsWith("/api/") || path.startsWith("/actuator/");
        return header.regionMatches(true, 0, "Bearer ", 0, 7) && tokenPath ? SignInLockout.Attempt.token() : null;
    }

    private boolean authenticated(SignInLockout.Attempt attempt) {
        Authentication authentication = contexts.getContext().getAuthentication();
        if (authentication == null || !authentication.isAuthenticated()
                || authentication instanceof AnonymousAuthenticationToken) {
            return false;
        }
        return attempt.account() == null ? authentication.getName().startsWith("token:")
                : authentication.getName().equalsIgnoreCase(attempt.account());
    }

    private void refuse(HttpServletResponse response, long retryAfterSeconds) throws IOException {
        response.setHeader("Retry-After", String.valueOf(retryAfterSeconds));
        String detail = "too many failed sign-ins from this client address or for this account; try again in "
                + retryAfterSeconds + " seconds";
        if (chain == Chain.API) {
            SecurityConfiguration.problem(response, 429, "Too Many Requests", detail);
            return;
        }
        long minutes = Math.max(1, (retryAfterSeconds + 59) / 60);
        response.setStatus(429);
        response.setContentType("text/html");
        response.setCharacterEncoding("UTF-8");
        // A page of its own, without the templates: it is written before Spring MVC runs.
        response.getWriter().write("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Too many "
                + "attempts</title><link rel=\"stylesheet\" href=\"/css/app.css\"></head><body><main><h1>Too many failed "
                + "sign-ins</h1><p>Sign-in is paused for this account or from this address. Try again in " + minutes
                + (minutes == 1 ? " minute" : " minutes") + ".</p><p><a href=\"/login\">Back to sign-in</a></p></main>"
                + "</body></html>");
    }
}
