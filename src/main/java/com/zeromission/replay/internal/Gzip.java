package com.zeromission.replay.internal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/** gzip both ways, in memory; inflating stops at a limit, so a small bomb cannot fill the heap. */
public final class Gzip {

    private Gzip() {
    }

    /** Thrown when the inflated bytes would pass the limit. */
    public static final class TooLargeException extends IOException {
        TooLargeException(long limit) {
            super("more than " + limit + " bytes once decompressed");
        }
    }

    public static byte[] compress(byte[] bytes) {
        var out = new ByteArrayOutputStream(Math.max(64, bytes.length / 6));
        try (var gzip = new GZIPOutputStream(out, 8192)) {
            gzip.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // in memory: cannot happen
        }
        return out.toByteArray();
    }

    /** The inflated bytes, at most {@code limit} of them. */
    public static byte[] decompress(byte[] gzipped, long limit) throws IOException {
        try (var in = new GZIPInputStream(new ByteArrayInputStream(gzipped), 8192)) {
            return readAtMost(in, limit);
        }
    }

    /** Reads a stream whole, refusing it once it is longer than {@code limit}. */
    public static byte[] readAtMost(InputStream in, long limit) throws IOException {
        var out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        long total = 0;
        int n;
        while ((n = in.read(buffer)) > 0) {
            total += n;
            if (total > limit) {
                throw new TooLargeException(limit);
            }
            out.write(buffer, 0, n);
        }
        return out.toByteArray();
    }
}
