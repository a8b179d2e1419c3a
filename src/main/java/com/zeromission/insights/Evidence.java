package com.zeromission.insights;

import java.net.URI;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/** What shows the problem: a stored screenshot or a link to a session replay. */
@com.fasterxml.jackson.annotation.JsonTypeInfo(use = com.fasterxml.jackson.annotation.JsonTypeInfo.Id.NAME, property = "type")
@com.fasterxml.jackson.annotation.JsonSubTypes({
        @com.fasterxml.jackson.annotation.JsonSubTypes.Type(value = Evidence.Screenshot.class, name = "screenshot"),
        @com.fasterxml.jackson.annotation.JsonSubTypes.Type(value = Evidence.ReplayLink.class, name = "replay")})
public sealed interface Evidence {

    /** A screenshot uploaded and stored by the product; {@code attachmentId} names the stored file. */
    record Screenshot(String attachmentId, String fileName, String contentType, long bytes) implements Evidence {

        public static final Set<String> TYPES = Set.of("image/png", "image/jpeg", "image/webp");
        public static final long MAX_BYTES = 5L * 1024 * 1024;

        public Screenshot {
            Objects.requireNonNull(attachmentId, "attachmentId");
            Objects.requireNonNull(fileName, "fileName");
            contentType = contentType == null ? "" : contentType.strip().toLowerCase(Locale.ROOT);
            if (!TYPES.contains(contentType)) {
                throw new IllegalArgumentException("a screenshot must be one of " + TYPES + ", was '" + contentType + "'");
            }
            if (bytes <= 0 || bytes > MAX_BYTES) {
                throw new IllegalArgumentException("a screenshot must be 1 byte to " + MAX_BYTES + " bytes, was " + bytes);
            }
        }
    }

    /** A session replay (recorded with privacy masking by the replay tool). */
    record ReplayLink(URI uri) implements Evidence {
        public ReplayLink {
            Objects.requireNonNull(uri, "uri");
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("https") || uri.getHost() == null) {
                throw new IllegalArgumentException("a session-replay link must be an absolute https URL, was '" + uri + "'");
            }
        }
    }
}
