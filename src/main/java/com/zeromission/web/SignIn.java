package com.zeromission.web;

import java.io.IOException;
import java.time.Duration;

import org.springframework.security.core.Authentication;
import org.springframework.security.web.WebAttributes;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.savedrequest.DefaultSavedRequest;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.security.web.savedrequest.SavedRequest;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSessionEvent;
import jakarta.servlet.http.HttpSessionListener;

/**
 * Sessions and redirects of the signed-in pages.
 * <ul>
 * <li>A session starts anonymous (the sign-in page's CSRF token, the page asked for before signing in) with a short
 * lifetime, {@code zeromission.web.anonymous-session-timeout}: anybody can start one, so none may last 8 hours. Signing
 * in gives it the configured {@code server.servlet.session.timeout}.</li>
 * <li>After signing in, the browser goes back to the page it asked for, by a relative redirect: the saved request's
 * absolute URL would carry whatever {@code Host} the request had (a poisoned cache could send people elsewhere).</li>
 * </ul>
 */
final class SignIn {

    private SignIn() {
    }

    /** Gives every new session the anonymous lifetime; {@link Success} lengthens it once somebody signs in. */
    record AnonymousSessionLifetime(Duration lifetime) implements HttpSessionListener {
        AnonymousSessionLifetime {
            if (lifetime == null || lifetime.isNegative() || lifetime.isZero() || lifetime.toSeconds() > Integer.MAX_VALUE) {
                throw new IllegalArgumentException("zeromission.web.anonymous-session-timeout must be a positive duration, was "
                        + lifetime);
            }
        }

        @Override
        public void sessionCreated(HttpSessionEvent event) {
            event.getSession().setMaxInactiveInterval((int) lifetime.toSeconds());
        }
    }

    /** Signed in: the session's full lifetime, then back to the page asked for (relative), or the dashboard. */
    record Success(Duration signedInLifetime, RequestCache requests) implements AuthenticationSuccessHandler {
        Success {
            if (signedInLifetime == null || signedInLifetime.isNegative() || signedInLifetime.isZero()) {
                throw new IllegalArgumentException("server.servlet.session.timeout must be a positive duration, was "
                        + signedInLifetime);
            }
        }

        Success(Duration signedInLifetime) {
            this(signedInLifetime, new HttpSessionRequestCache());
        }

        @Override
        public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
                Authentication authentication) throws IOException {
            var session = request.getSession();
            session.setMaxInactiveInterval((int) Math.min(Integer.MAX_VALUE, signedInLifetime.toSeconds()));
            session.removeAttribute(WebAttributes.AUTHENTICATION_EXCEPTION);
            SavedRequest saved = requests.getRequest(request, response);
            requests.removeRequest(request, response);
            response.sendRedirect(target(request, saved));
        }

        /** The path (and query) of the page asked for; never a URL with a host, so never somebody else's. */
        static String target(HttpServletRequest request, SavedRequest saved) {
            String home = request.getContextPath() + "/";
            if (!(saved instanceof DefaultSavedRequest d) || d.getRequestURI() == null) {
                return home;
            }
            String path = d.getRequestURI() + (d.getQueryString() == null ? "" : "?" + d.getQueryString());
            // "//host/…" or "/\host" would be read by browsers as another host
            return !path.startsWith("/") || path.startsWith("//") || path.contains("\\") ? home : path;
        }
    }
}
