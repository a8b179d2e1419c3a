package com.zeromission.insights;

import java.net.URI;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

import com.zeromission.privacy.FreeText;
import com.zeromission.privacy.TextMasker;

/**
 * What shows the problem: a stored screenshot, a link to a session replay, or the note of a call-back in which a
 * customer was reached and told what happened. Stored inside the insight's content (JSON, by the type name below),
 * so a new kind needs a name here and nothing in the database.
 */
@com.fasterxml.jackson.annotation.JsonTypeInfo(use = com.fasterxml.jackson.annotation.JsonTypeInfo.Id.NAME, property = "type")
@com.fasterxml.jackson.annotation.JsonSubTypes({
        @com.fasterxml.jackson.annotation.JsonSubTypes.Type(value = Evidence.Screenshot.class, name = "screenshot"),
        @com.fasterxml.jackson.annotation.JsonSubTypes.Type(value = Evidence.ReplayLink.class, name = "replay"),
        @com.fasterxml.jackson.annotation.JsonSubTypes.Type(value = Evidence.CallNote.class, name = "call-note")})
public sealed interface Evidence {

    /** A screenshot uploaded and stored by the product; {@code attachmentId} names the stored file. */
    record Screenshot(String attachmentId, String fileName, String contentType, long bytes) implements Evidence {

        public static final Set<String> TYPES = Set.of("image/png", "image/jpeg", "image/webp", "image/gif");
        public static final long MAX_BYTES = 5L * 1024 * 1024;
        static final java.util.regex.Pattern GENERATED_NAME = java.util.regex.Pattern.compile(
                "screenshot-[0-9a-f]{8}\\.(png|jpg|webp|gif)");

        public Screenshot {
            Objects.requireNonNull(attachmentId, "attachmentId");
            Objects.requireNonNull(fileName, "fileName");
            contentType = contentType == null ? "" : contentType.strip().toLowerCase(Locale.ROOT);
            if (!TYPES.contains(contentType)) {
                throw new IllegalArgumentException("a screenshot must be one of " + TYPES + ", was '" + contentType + "'");
            }
            // the stored name is generated from the content (Attachment); one stored before that is replaced by a
            // neutral one, so no old client-given name ("x.html", a customer's name) is shown again
            if (!GENERATED_NAME.matcher(fileName).matches()) {
                fileName = "screenshot." + (contentType.equals("image/jpeg") ? "jpg" : contentType.substring(6));
            }
            if (bytes <= 0 || bytes > MAX_BYTES) {
                throw new IllegalArgumentException("a screenshot must be 1 byte to " + MAX_BYTES + " bytes, was " + bytes);
            }
        }
    }

    /** A session replay (recorded with privacy masking by the replay tool). */
    record ReplayLink(URI uri) implements Evidence {

        public static final int MAX_URI = 2000;

        public ReplayLink {
            Objects.requireNonNull(uri, "uri");
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            // the link is typed by a person, and a URL cannot be masked without breaking it: one that carries
            // personal data (an e-mail in the query, a name and password before the host) is refused instead
            String text = uri.toString();
            if (text.length() > MAX_URI) {
                throw new IllegalArgumentException("a session-replay link may be at most " + MAX_URI + " characters, was "
                        + text.length());
            }
            var found = TextMasker.standard().mask(text);
            if (found.total() > 0 || uri.getRawUserInfo() != null) {
                throw new IllegalArgumentException("a session-replay link must not carry personal data or user info; found "
                        + (found.total() > 0 ? found.counts().keySet() : "user info") + " in " + found.text()
                        .replaceAll("//[^/@]*@", "//[USER]@"));
            }
            if (!scheme.equals("https") || uri.getHost() == null) {
                throw new IllegalArgumentException("a session-replay link must be an absolute https URL, was '" + found.text() + "'");
            }
        }
    }

    /**
     * The note of a call-back in which the customer was reached (the callbacks module's entry {@code callId}), masked
     * before it got here. Names the agent and the call's time, never the customer: the pseudonym stays on the call.
     */
    record CallNote(long callId, String agent, java.time.Instant calledAt, String note) implements Evidence {

        public static final int MAX_NOTE = FreeText.Kind.TEXT.max();

        public CallNote {
            if (callId <= 0) {
                throw new IllegalArgumentException("a call note needs the call's id, was " + callId);
            }
            Objects.requireNonNull(agent, "agent");
            Objects.requireNonNull(calledAt, "calledAt");
            note = note == null ? "" : note.strip();
            if (note.isEmpty() || note.length() > MAX_NOTE) {
                throw new IllegalArgumentException("a call note must be 1 to " + MAX_NOTE + " characters, was " + note.length());
            }
        }
    }
}
