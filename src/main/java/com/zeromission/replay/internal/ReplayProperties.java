package com.zeromission.replay.internal;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings under {@code zeromission.replay}.
 *
 * @param allowedOrigins       origins (scheme://host[:port]) whose pages may record into this product, besides its
 *                             own; default none
 * @param sampleRate           share of consenting sessions recorded, 0 to 1 (default 1.0)
 * @param retention            how long a session is kept after its last batch (default P30D)
 * @param idleTimeout          a session takes no more batches this long after its last one (default PT30M): 404
 * @param maxBatchBytes        a batch's body as sent, compressed or not (default 1 MiB): 413 above
 * @param maxBatchJsonBytes    a batch's JSON once decompressed (default 4 MiB): 413 above
 * @param maxSessionBytes      compressed bytes stored per session (default 32 MiB): 413 once reached
 * @param flushMillis          how often the recorder is told to send a batch (default 5000)
 * @param sessionBatches       batches one session may send per {@code rateWindow} (default 60: one a second)
 * @param originBatches        batches all sessions of one origin may send per {@code rateWindow} (default 30,000)
 * @param starts               sessions one client address may start per {@code startWindow} (default 30)
 * @param rateWindow           the window of the batch budgets (default PT1M)
 * @param startWindow          the window of the start budget (default PT10M)
 */
@ConfigurationProperties(prefix = "zeromission.replay")
public record ReplayProperties(@Nullable List<String> allowedOrigins, @Nullable Double sampleRate,
        @Nullable Duration retention, @Nullable Duration idleTimeout, @Nullable Long maxBatchBytes,
        @Nullable Long maxBatchJsonBytes, @Nullable Long maxSessionBytes, @Nullable Integer flushMillis,
        @Nullable Integer sessionBatches, @Nullable Integer originBatches, @Nullable Integer starts,
        @Nullable Duration rateWindow, @Nullable Duration startWindow) {

    public ReplayProperties {
        allowedOrigins = allowedOrigins == null ? List.of()
                : allowedOrigins.stream().map(String::strip).filter(o -> !o.isEmpty()).map(ReplayProperties::origin).toList();
        sampleRate = sampleRate == null ? 1.0 : sampleRate;
        if (sampleRate < 0 || sampleRate > 1) {
            throw new IllegalArgumentException("zeromission.replay.sample-rate must be between 0 and 1, was " + sampleRate);
        }
        retention = positive("retention", retention, Duration.ofDays(30));
        idleTimeout = positive("idle-timeout", idleTimeout, Duration.ofMinutes(30));
        maxBatchBytes = atLeast("max-batch-bytes", maxBatchBytes, 1024L * 1024, 1024);
        maxBatchJsonBytes = atLeast("max-batch-json-bytes", maxBatchJsonBytes, 4L * 1024 * 1024, 1024);
        maxSessionBytes = atLeast("max-session-bytes", maxSessionBytes, 32L * 1024 * 1024, 1024);
        flushMillis = (int) (long) atLeast("flush-millis", flushMillis == null ? null : (long) flushMillis, 5000L, 100);
        sessionBatches = (int) (long) atLeast("session-batches", sessionBatches == null ? null : (long) sessionBatches, 60L, 1);
        originBatches = (int) (long) atLeast("origin-batches", originBatches == null ? null : (long) originBatches, 30_000L, 1);
        starts = (int) (long) atLeast("starts", starts == null ? null : (long) starts, 30L, 1);
        rateWindow = positive("rate-window", rateWindow, Duration.ofMinutes(1));
        startWindow = positive("start-window", startWindow, Duration.ofMinutes(10));
    }

    /**
     * An origin as browsers send it: lower-case scheme and host, the port only when it is not the scheme's default.
     * A configured value with a path, or that is no http(s) URL, is refused at start-up.
     */
    public static String origin(String value) {
        try {
            URI uri = URI.create(value.strip());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null
                    || !(uri.getRawPath() == null || uri.getRawPath().isEmpty() || uri.getRawPath().equals("/"))
                    || uri.getRawQuery() != null || uri.getRawFragment() != null || uri.getRawUserInfo() != null) {
                throw new IllegalArgumentException();
            }
            int port = uri.getPort();
            boolean standard = port == -1 || (scheme.equals("http") && port == 80) || (scheme.equals("https") && port == 443);
            return scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + (standard ? "" : ":" + port);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("zeromission.replay.allowed-origins: '" + value + "' is not an origin "
                    + "(scheme://host[:port], e.g. https://shop.example.com)");
        }
    }

    private static Duration positive(String name, @Nullable Duration value, Duration fallback) {
        if (value == null) {
            return fallback;
        }
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException("zeromission.replay." + name + " must be positive, was " + value);
        }
        return value;
    }

    private static Long atLeast(String name, @Nullable Long value, long fallback, long min) {
        if (value == null) {
            return fallback;
        }
        if (value < min) {
            throw new IllegalArgumentException("zeromission.replay." + name + " must be at least " + min + ", was " + value);
        }
        return value;
    }
}
