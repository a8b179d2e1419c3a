package com.zeromission.web;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * {@code Authorization: Bearer zm_…} on {@code /api/**} and {@code /actuator/**}: a known, unrevoked, unexpired token authenticates the
 * request as {@code token:<name>} with the token's roles. A presented token that is refused ends the request with a
 * 401 at once (no fallback to anonymous, which would turn a revoked token into a confusing 403). Not a bean: a
 * filter bean would also be registered with the servlet container for every request; this one lives only in the API
 * security chain.
 */
class BearerTokenFilter extends OncePerRequestFilter {

    private final ApiTokens tokens;
    private final SecurityContextHolderStrategy contexts = SecurityContextHolder.getContextHolderStrategy();

    BearerTokenFilter(ApiTokens tokens) {
        this.tokens = tokens;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String header = request.getHeader("Authorization");
        return header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)
                || !(request.getRequestURI().startsWith(request.getContextPath() + "/api/")
                        // a Prometheus scraper is a machine client too: an ADMIN token reads /actuator/prometheus
                        || request.getRequestURI().startsWith(request.getContextPath() + "/actuator/"));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String presented = request.getHeader("Authorization").substring(7).strip();
        ApiTokens.Listed token;
        try {
            token = tokens.authenticate(presented);
        } catch (ApiTokens.TokenRefusedException refused) {
            contexts.clearContext();
            SecurityConfiguration.invalidToken(request, response, refused.getMessage());
            return;
        }
        var authentication = UsernamePasswordAuthenticationToken.authenticated("token:" + token.name(), null,
                AuthorityUtils.createAuthorityList(token.roles().stream().map(r -> "ROLE_" + r).toList()));
        var context = contexts.createEmptyContext();
        context.setAuthentication(authentication);
        contexts.setContext(context);
        chain.doFilter(request, response);
    }
}
