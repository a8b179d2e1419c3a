package com.zeromission.insights;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * A screenshot's bytes, checked: the type is decided by the content (PNG, JPEG, WebP or GIF signatures), not by what
 * the client claims, and the size is limited. Anything else is refused before it is stored.
 *
 * <p>The client's file name is not kept: it is typed by a person ("anna-svensson-refund.png" names a customer, which
 * no masker finds) and it chooses how a browser treats the download ("x.html"). The stored name is made here from
 * the sniffed type and the content, e.g. {@code screenshot-3f2a9c1e.png}, so it always matches what the bytes are.
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
            throw new IllegalArgumentException("only PNG, JPEG, WebP or GIF screenshots are accepted; the content is none of them"
                    + " (first bytes " + HexFormat.of().formatHex(Arrays.copyOf(data, Math.min(8, data.length))) + ")");
        }
        String claimed = contentType == null ? "" : contentType.strip().toLowerCase(Locale.ROOT).replaceAll(";.*", "");
        if (!claimed.isEmpty() && !claimed.equals("application/octet-stream") && !claimed.equals(sniffed)) {
            throw new IllegalArgumentException("the content is " + sniffed + " but was sent as '" + claimed + "'");
        }
        contentType = sniffed;
        fileName = generatedName(data, sniffed);
    }

    /** {@code screenshot-} and the first 8 hex digits of the content's SHA-256, with the sniffed type's extension. */
    static String generatedName(byte[] data, String type) {
        byte[] hash;
        try {
            hash = java.security.MessageDigest.getInstance("SHA-256").digest(data);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
        String extension = switch (type) {
            case "image/jpeg" -> "jpg";
            default -> type.substring(type.indexOf('/') + 1);
        };
        return "screenshot-" + HexFormat.of().formatHex(hash, 0, 4) + "." + extension;
    }

    /** The type the bytes really are, or null. */
    static @Nullable String sniff(byte[] d) {
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
        if (d.length >= 6 && d[0] == 'G' && d[1] == 'I' && d[2] == 'F' && d[3] == '8' && (d[4] == '7' || d[4] == '9')
                && d[5] == 'a') {
            return "image/gif";
        }
        return null;
    }

}
