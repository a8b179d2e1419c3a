package com.zeromission.insights;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.Locale;

/**
 * A screenshot's bytes, checked: the type is decided by the content (PNG, JPEG or WebP signatures), not by what the
 * client claims, and the size is limited. Anything else is refused before it is stored. Personal data in the file
 * name is masked.
 */
public record Attachment(String fileName, String contentType, byte[] data) {

    public static final long MAX_BYTES = Evidence.Screenshot.MAX_BYTES;

    public Attachment {
        if (data == null || data.length == 0) {
            throw new IllegalArgumentException("the attachment is empty");
        }
        if (data.length > MAX_BYTES) {
            throw new IllegalArgumentException("an attachment may be at most " + MAX_BYTES + " bytes, was " + data.length);
        }
        String sniffed = sniff(data);
        if (sniffed == null) {
            throw new IllegalArgumentException("only PNG, JPEG or WebP screenshots are accepted; the content is none of them"
                    + " (first bytes " + HexFormat.of().formatHex(Arrays.copyOf(data, Math.min(8, data.length))) + ")");
        }
        String claimed = contentType == null ? "" : contentType.strip().toLowerCase(Locale.ROOT).replaceAll(";.*", "");
        if (!claimed.isEmpty() && !claimed.equals("application/octet-stream") && !claimed.equals(sniffed)) {
            throw new IllegalArgumentException("the content is " + sniffed + " but was sent as '" + claimed + "'");
        }
        contentType = sniffed;
        // personal data first (a customer's e-mail in a file name), then the characters a header or a disk dislikes
        fileName = safeName(fileName == null ? null : com.zeromission.privacy.TextMasker.standard().mask(fileName).text(), sniffed);
    }

    /** The type the bytes really are, or null. */
    static String sniff(byte[] d) {
        if (d.length >= 8 && (d[0] & 0xFF) == 0x89 && d[1] == 'P' && d[2] == 'N' && d[3] == 'G' && d[4] == 0x0D && d[5] == 0x0A) {
            return "image/png";
        }
        if (d.length >= 3 && (d[0] & 0xFF) == 0xFF && (d[1] & 0xFF) == 0xD8 && (d[2] & 0xFF) == 0xFF) {
            return "image/jpeg";
        }
        if (d.length >= 12 && d[0] == 'R' && d[1] == 'I' && d[2] == 'F' && d[3] == 'F' && d[8] == 'W' && d[9] == 'E'
                && d[10] == 'B' && d[11] == 'P') {
            return "image/webp";
        }
        return null;
    }

    /** A file name that is safe in a header and on any disk: letters, digits, dot, dash, underscore; at most 100. */
    static String safeName(String name, String type) {
        String base = name == null ? "" : name.replaceAll(".*[/\\\\]", "");
        base = base.replaceAll("[^A-Za-z0-9._-]", "_").replaceAll("^\\.+", "");
        if (base.isBlank()) {
            base = "screenshot." + type.substring(type.indexOf('/') + 1);
        }
        return base.length() <= 100 ? base : base.substring(base.length() - 100);
    }
}
