package com.zeromission.insights;

import java.net.URI;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

import com.zeromission.privacy.FreeText;
import com.zeromission.privacy.TextMasker;

/**
 * What shows the problem: a stored screenshot, a link to a session replay elsewhere, a moment of a session replay
 * recorded by the product itself, or the note of a call-back in which a customer was reached and told what happened. Stored inside the insight's content (JSON, by the type name below),
 * so a new kind needs a name here and nothing in the database.
 */
@com.fasterxml.jackson.annotation.JsonTypeInfo(use = com.fasterxml.jackson.annotation.JsonTypeInfo.Id.NAME, property = "type")
@com.fasterxml.jackson.annotation.JsonSubTypes({
        @com.fasterxml.jackson.annotation.JsonSubTypes.Type(value = Evidence.Screenshot.class, name = "screenshot"),
        @com.fasterxml.jackson.annotation.JsonSubTypes.Type(value = Evidence.ReplayLink.class, name = "replay"),
        @com.fasterxml.jackson.annotation.JsonSubTypes.Type(value = Evidence.ReplayMoment.class, name = "replay-moment"),
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
     * A moment of a session replay the product recorded itself (the replay module, issue 18): the replay's id and the
     * time into it, in milliseconds from its first event, as the player's address says it ({@code /replays/{id}?t=…}).
     * The format is checked here; that the replay exists, and is that long, is checked when the moment is added to an
     * insight ({@link ReplayLookup}), because a replay may later expire or be erased while the insight keeps the moment.
     */
    record ReplayMoment(String replayId, long atMillis) implements Evidence {

        /** Longer than any recording (the recorder stops a session long before); larger is a typing or unit mistake. */
        public static final long MAX_AT_MILLIS = 24L * 60 * 60 * 1000;
        static final java.util.regex.Pattern UUID = java.util.regex.Pattern.compile(
                "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

        public ReplayMoment {
            // the canonical form only: java.util.UUID.fromString also takes "1-2-3-4-5", which no replay is named
            if (replayId == null || !UUID.matcher(replayId.strip()).matches()) {
                throw new IllegalArgumentException("a replay moment needs the replay's id, a uuid like "
                        + "0192f3c4-5d6e-7f80-9a1b-2c3d4e5f6a7b, was " + (replayId == null ? "nothing"
                                : "'" + shorten(TextMasker.standard().mask(replayId.strip()).text()) + "'"));
            }
            replayId = replayId.strip().toLowerCase(Locale.ROOT);
            if (atMillis < 0 || atMillis > MAX_AT_MILLIS) {
                throw new IllegalArgumentException("a replay moment's time must be from 0 to " + MAX_AT_MILLIS
                        + " ms (24 hours) into the replay, was " + atMillis);
            }
        }

        /** The player at this moment, as the product's own pages link it. */
        public String playerPath() {
            return "/replays/" + replayId + "?t=" + atMillis;
        }

        /** The time into the replay as a person reads it: {@code 1:23}, {@code 1:02:03}; milliseconds only when not 0 ({@code 0:04.250}). */
        public String time() {
            return time(atMillis);
        }

        /** {@link #time()} of any length of time in milliseconds (0 or more). */
        public static String time(long atMillis) {
            long seconds = atMillis / 1000, millis = atMillis % 1000;
            String clock = seconds >= 3600
                    ? String.format(Locale.ROOT, "%d:%02d:%02d", seconds / 3600, seconds / 60 % 60, seconds % 60)
                    : String.format(Locale.ROOT, "%d:%02d", seconds / 60, seconds % 60);
            return millis == 0 ? clock : clock + String.format(Locale.ROOT, ".%03d", millis);
        }

        private static String shorten(String s) {
            return s.length() <= 60 ? s : s.substring(0, 60) + "…";
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
