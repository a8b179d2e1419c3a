package com.zeromission.web;

import java.io.IOException;
import java.net.URI;
import java.util.Locale;
import java.util.Set;

import org.springframework.http.HttpMethod;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Keeps a browser from being used to change data through the API on behalf of a page from another site. A browser
 * attaches credentials it has cached (HTTP Basic, cookies) to requests any page makes; without a CORS preflight a
 * page can only send "simple" requests: a form post ({@code application/x-www-form-urlencoded},
 * {@code multipart/form-data}, {@code text/plain}) or a body without a {@code Content-Type}. So a state-changing API
 * request (anything but GET, HEAD, OPTIONS, TRACE) is refused here when
 * <ol>
 * <li>the browser says it comes from another site ({@code Sec-Fetch-Site} other than {@code same-origin} or
 * {@code none}) or, for browsers without Fetch metadata, its {@code Origin} is not this host (403);</li>
 * <li>its {@code Content-Type} is one a cross-site page can send without a preflight, or it has a body without any
 * {@code Content-Type} (415). Bodyless POSTs ({@code curl -u … -X POST …}) carry no type and stay allowed: a
 * browser sends them cross-site only with {@code Origin}, which rule 1 refuses.</li>
 * </ol>
 * Requests with {@code Authorization: Bearer} are exempt: a browser never attaches a token by itself, and a page
 * cannot set that header without a preflight, which this API never grants (no CORS configuration). Not a bean: it
 * lives in the API security chain only.
 */
class CrossSiteApiGuard extends OncePerRequestFilter {

    /** The types a page on another site can send without asking first (the Fetch standard's CORS-safelisted types). */
    static final Set<String> SIMPLE_TYPES = Set.of("application/x-www-form-urlencoded", "multipart/form-data", "text/plain");

    static final URI CROSS_SITE = URI.create("https://zeromission.dev/problems/cross-site-request");
    static final URI UNSUPPORTED = URI.create("https://zeromission.dev/problems/unsupported-media-type");

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String method = request.getMethod();
        if (HttpMethod.GET.matches(method) || HttpMethod.HEAD.matches(method) || HttpMethod.OPTIONS.matches(method)
                || HttpMethod.TRACE.matches(method)) {
            return true;
        }
        String authorization = request.getHeader("Authorization");
        return authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String site = request.getHeader("Sec-Fetch-Site");
        String origin = request.getHeader("Origin");
        if (site != null ? !(site.equals("same-origin") || site.equals("none")) : origin != null && !sameOrigin(origin, request)) {
            SecurityConfiguration.problem(response, 403, CROSS_SITE, "Cross-site request refused",
                    request.getMethod() + " " + SecurityConfiguration.safePath(request) + " was sent by a page of another "
                            + "site (" + (site == null ? "its Origin is not this host"
                                    : "Sec-Fetch-Site: " + (site.matches("[a-z-]{1,20}") ? site : "(unknown value)"))
                            + "); the API changes data only for its own clients");
            return;
        }
        String type = request.getContentType();
        String media = type == null ? null : type.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        if (media != null && SIMPLE_TYPES.contains(media)) {
            SecurityConfiguration.problem(response, 415, UNSUPPORTED, "Unsupported Media Type",
                    request.getMethod() + " " + SecurityConfiguration.safePath(request) + " does not accept Content-Type "
                            + media + ", which any web page can send cross-site; send JSON, or text/csv for CSV uploads "
                            + "(or authenticate with an API token)");
            return;
        }
        if (media == null && hasBody(request)) {
            SecurityConfiguration.problem(response, 415, UNSUPPORTED, "Unsupported Media Type",
                    request.getMethod() + " " + SecurityConfiguration.safePath(request)
                            + " has a body but no Content-Type; say what it is (application/json, text/csv, …)");
            return;
        }
        chain.doFilter(request, response);
    }

    private static boolean hasBody(HttpServletRequest request) {
        return request.getContentLengthLong() > 0 || request.getHeader("Transfer-Encoding") != null;
    }

    /**
     * Whether the Origin names this host: host and port as the browser addressed them (the Host header, which a page
     * cannot choose). The scheme is not compared: behind a proxy that ends TLS the server sees http. An opaque
     * origin ({@code null}: sandboxed frames, privacy redirects) is never this host.
     */
    static boolean sameOrigin(String origin, HttpServletRequest request) {
        String host = request.getHeader("Host");
        if (host == null) {
            // HTTP/2 names the host in :authority, which the server already read into its server name and port
            host = request.getServerName() + ":" + request.getServerPort();
        }
        if (origin.equals("null")) {
            return false;
        }
        try {
            URI o = URI.create(origin);
            if (o.getHost() == null) {
                return false;
            }
            String scheme = o.getScheme() == null ? "" : o.getScheme().toLowerCase(Locale.ROOT);
            int port = o.getPort() != -1 ? o.getPort() : scheme.equals("https") ? 443 : 80;
            URI h = URI.create("//" + host);
            if (h.getHost() == null) {
                return false;
            }
            int hostPort = h.getPort();
            return o.getHost().equalsIgnoreCase(h.getHost()) && (hostPort == -1 ? port == 80 || port == 443 : hostPort == port);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
