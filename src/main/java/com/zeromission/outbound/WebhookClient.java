package com.zeromission.outbound;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Objects;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.jspecify.annotations.Nullable;

/** One HTTP POST of one event to a webhook, with the JDK's client. Thread-safe. */
public final class WebhookClient {

    /** What happened to one attempt: the receiver's status code, or the I/O error that prevented an answer. */
    public sealed interface Attempt permits Attempt.Answered, Attempt.Failed {
        record Answered(int status) implements Attempt {
            public boolean accepted() {
                return status >= 200 && status < 300;
            }
        }

        record Failed(String error) implements Attempt {
        }

        /** A short description for the delivery record: "HTTP 503" or the error. */
        default String describe() {
            return this instanceof Answered a ? "HTTP " + a.status() : ((Failed) this).error();
        }
    }

    /** Where and how: the URL, an optional secret for the signature, the timeout, the User-Agent. */
    public record Target(URI url, @Nullable String secret, Duration timeout, String userAgent) {
        public Target {
            Objects.requireNonNull(url, "url");
            Objects.requireNonNull(timeout, "timeout");
            secret = secret == null || secret.isBlank() ? null : secret;
            userAgent = userAgent == null ? "zeromission/1" : userAgent;
        }
    }

    private final Target target;
    private final HttpClient client;

    public WebhookClient(Target target) {
        this.target = target;
        this.client = HttpClient.newBuilder().connectTimeout(target.timeout())
                // A webhook answers; a redirect would be a misconfiguration and could leak the payload elsewhere.
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    public Attempt send(String eventKey, String eventType, String payload) {
        var request = HttpRequest.newBuilder(target.url())
                .timeout(target.timeout())
                .header("Content-Type", "application/json; charset=utf-8")
                .header("Idempotency-Key", eventKey)
                .header("Zeromission-Event", eventType)
                .header("User-Agent", target.userAgent());
        if (target.secret() != null) {
            request.header("Zeromission-Signature", "sha256=" + hmac(target.secret(), payload));
        }
        try {
            HttpResponse<Void> response = client.send(request.POST(HttpRequest.BodyPublishers.ofString(payload,
                    StandardCharsets.UTF_8)).build(), HttpResponse.BodyHandlers.discarding());
            return new Attempt.Answered(response.statusCode());
        } catch (IOException e) {
            return new Attempt.Failed(e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Attempt.Failed("interrupted");
        }
    }

    /**
     * A configured webhook URL, checked: blank means none (null); anything else must be an absolute http(s) URL. The
     * message names the property, so a wrong setting says where it is.
     */
    public static @Nullable String checkUrl(String property, @Nullable String value) {
        String url = value == null || value.isBlank() ? null : value.strip();
        if (url == null) {
            return null;
        }
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(property + " is not a URL: '" + url + "'");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(java.util.Locale.ROOT);
        if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
            throw new IllegalArgumentException(property + " must be an absolute http(s) URL, was '" + url + "'");
        }
        return url;
    }

    /** HMAC-SHA256 of the body, hex: what a receiver recomputes with the shared secret. */
    public static String hmac(String secret, String payload) {
        try {
            var mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(payload.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
