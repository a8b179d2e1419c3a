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

    /** Screenshots: as {@code Evidence.Screenshot.MAX_BYTES} in the insights module (5 MB). */
    static final long MAX_ATTACHMENT_BYTES = 5L * 1024 * 1024;

    private final Limits limits;

    RequestSizeLimitFilter(Limits limits) {
        this.limits = limits;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String type = request.getContentType();
        boolean json = type != null && type.toLowerCase().startsWith(MediaType.APPLICATION_JSON_VALUE);
        // screenshots are read whole into memory: refuse a body over their limit before reading it
        boolean image = request.getRequestURI().endsWith("/attachments");
        long max = image ? MAX_ATTACHMENT_BYTES : limits.maxJsonBytes();
        if ((json || image) && request.getContentLengthLong() > max) {
            response.setStatus(HttpStatus.CONTENT_TOO_LARGE.value());
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.getWriter().write("{\"type\":\"https://zeromission.dev/problems/too-large\",\"title\":\"Request body too large\","
                    + "\"status\":413,\"detail\":\"request body is " + request.getContentLengthLong() + " bytes; at most "
                    + max + " bytes are accepted\"}");
            return;
        }
        chain.doFilter(request, response);
    }
}
