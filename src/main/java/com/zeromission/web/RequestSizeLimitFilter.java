package com.zeromission.web;

import java.io.IOException;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Refuses JSON API bodies over the configured size with 413 before anything reads them, so that one oversize
 * request cannot exhaust memory. File uploads have their own, larger limit (spring.servlet.multipart.*).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class RequestSizeLimitFilter extends OncePerRequestFilter {

    @ConfigurationProperties(prefix = "zeromission.web")
    record Limits(long maxJsonBytes) {
        Limits {
            if (maxJsonBytes <= 0) {
                maxJsonBytes = 16L * 1024 * 1024;
            }
        }
    }

    private final Limits limits;

    RequestSizeLimitFilter(Limits limits) {
        this.limits = limits;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String type = request.getContentType();
        boolean json = type != null && type.toLowerCase().startsWith(MediaType.APPLICATION_JSON_VALUE);
        if (json && request.getContentLengthLong() > limits.maxJsonBytes()) {
            response.setStatus(HttpStatus.CONTENT_TOO_LARGE.value());
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.getWriter().write("{\"type\":\"https://zeromission.dev/problems/too-large\",\"title\":\"Request body too large\","
                    + "\"status\":413,\"detail\":\"request body is " + request.getContentLengthLong() + " bytes; at most "
                    + limits.maxJsonBytes() + " bytes are accepted\"}");
            return;
        }
        chain.doFilter(request, response);
    }
}
