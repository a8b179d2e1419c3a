package com.zeromission.alarms.internal;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.stereotype.Component;

/** One HTTP POST of one event to the configured webhook, with the JDK's client. */
@Component
public class WebhookSender {

    /** What happened to one attempt: the receiver's status code, or the I/O error that prevented an answer. */
    public sealed interface Attempt permits Attempt.Answered, Attempt.Failed {
        record Answered(int status) implements Attempt {
            public boolean accepted() {
                return status >= 200 && status < 300;
            }
        }

        record Failed(String error) implements Attempt {
        }
    }

    private final AlarmsProperties properties;
    private final HttpClient client;

    public WebhookSender(AlarmsProperties properties) {
        this.properties = properties;
        this.client = HttpClient.newBuilder().connectTimeout(properties.webhookTimeout())
                // A webhook answers; a redirect would be a misconfiguration and could leak the payload elsewhere.
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    public Attempt send(String eventKey, String eventType, String payload) {
        if (!properties.webhookEnabled()) {
            throw new IllegalStateException("no webhook configured (zeromission.alarms.webhook-url)");
        }
        var request = HttpRequest.newBuilder(URI.create(properties.webhookUrl()))
                .timeout(properties.webhookTimeout())
                .header("Content-Type", "application/json; charset=utf-8")
                .header("Idempotency-Key", eventKey)
                .header("Zeromission-Event", eventType)
                .header("User-Agent", "zeromission-alarms/1");
        if (properties.webhookSecret() != null) {
            request.header("Zeromission-Signature", "sha256=" + hmac(properties.webhookSecret(), payload));
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
