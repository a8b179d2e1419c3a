package com.zeromission.replay.internal.web;

import java.io.IOException;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import com.zeromission.replay.internal.ReplayOrigins;

/**
 * CORS for the two public ingestion endpoints only, before security: a browser request whose {@code Origin} is not
 * allowed ({@link ReplayOrigins}) is refused with 403 (a preflight too), an allowed one gets
 * {@code Access-Control-Allow-Origin} for exactly its origin, never credentials (the endpoints need no cookies and set
 * none). Requests without {@code Origin} (not from a browser page) pass; the start endpoint then checks the page's
 * origin itself. Every other path of the product has no CORS at all.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 20)
class ReplayCorsFilter extends OncePerRequestFilter {

    static final String PATH = "/api/v1/replay-sessions";

    private final ReplayOrigins origins;

    ReplayCorsFilter(ReplayOrigins origins) {
        this.origins = origins;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return !(path.equals(PATH) || path.startsWith(PATH + "/"));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String origin = request.getHeader("Origin");
        response.addHeader("Vary", "Origin");
        if (origin == null) {
            chain.doFilter(request, response);
            return;
        }
        if (!origins.allowed(origin, request)) {
            response.setStatus(403);
            response.setContentType("application/problem+json");
            response.setCharacterEncoding("UTF-8");
            // the origin is not echoed: it is the page's, not ours to reflect
            response.getWriter().write("{\"type\":\"https://zeromission.dev/problems/replay-origin-refused\","
                    + "\"title\":\"Origin not allowed\",\"status\":403,\"detail\":\"pages of this origin may not record "
                    + "session replays here; an administrator lists the origins allowed in "
                    + "zeromission.replay.allowed-origins\"}");
            return;
        }
        response.setHeader("Access-Control-Allow-Origin", origin);
        if (HttpMethod.OPTIONS.matches(request.getMethod()) && request.getHeader("Access-Control-Request-Method") != null) {
            response.setHeader("Access-Control-Allow-Methods", "POST");
            response.setHeader("Access-Control-Allow-Headers", "Content-Type, Content-Encoding");
            response.setHeader("Access-Control-Max-Age", "600");
            response.setStatus(204);
            return;
        }
        response.setHeader("Access-Control-Expose-Headers", "Retry-After");
        chain.doFilter(request, response);
    }
}
