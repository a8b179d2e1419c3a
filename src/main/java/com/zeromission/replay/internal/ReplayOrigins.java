package com.zeromission.replay.internal;

import java.net.URI;
import java.util.Locale;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Which page origins may record: the configured {@code zeromission.replay.allowed-origins} and the product's own (the
 * public feedback form records itself). The product's own origin is the host and port the browser addressed (the
 * {@code Host} header, which a page cannot choose); the scheme is not compared, since behind a proxy that ends TLS the
 * server sees http.
 */
@Component
public class ReplayOrigins {

    private final ReplayProperties properties;

    ReplayOrigins(ReplayProperties properties) {
        this.properties = properties;
    }

    /** Whether a page of this origin (as a browser sends it in {@code Origin}) may record here. */
    public boolean allowed(String origin, HttpServletRequest request) {
        String normalised = normalise(origin);
        return normalised != null && (properties.allowedOrigins().contains(normalised) || own(normalised, request));
    }

    /** scheme://host[:port] of an absolute http(s) URL or origin, lower case, default port left out; null otherwise. */
    public static @Nullable String normalise(@Nullable String url) {
        if (url == null || url.equals("null")) {
            return null;
        }
        try {
            URI uri = URI.create(url.strip());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
                return null;
            }
            int port = uri.getPort();
            boolean standard = port == -1 || (scheme.equals("http") && port == 80) || (scheme.equals("https") && port == 443);
            return scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + (standard ? "" : ":" + port);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static boolean own(String origin, HttpServletRequest request) {
        String host = request.getHeader("Host");
        if (host == null) {
            host = request.getServerName() + ":" + request.getServerPort();
        }
        try {
            URI o = URI.create(origin);
            URI h = URI.create("//" + host);
            if (h.getHost() == null) {
                return false;
            }
            int port = o.getPort() != -1 ? o.getPort() : o.getScheme().equals("https") ? 443 : 80;
            int hostPort = h.getPort();
            return o.getHost().equalsIgnoreCase(h.getHost()) && (hostPort == -1 ? port == 80 || port == 443 : hostPort == port);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
