package com.zeromission.intake.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;

import javax.crypto.Cipher;
import javax.crypto.CipherInputStream;
import javax.crypto.CipherOutputStream;
import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import javax.crypto.spec.IvParameterSpec;

/**
 * A temporary copy of an uploaded file, encrypted with a key that lives only in this object's memory.
 *
 * <p>An upload is read twice (structure check, then import), so it must be kept somewhere while it is processed.
 * Uploads hold raw personal data, which this product never stores: encrypting the spool with an ephemeral key
 * means that a crash leaves only unreadable bytes behind, which are deleted on the next start.
 */
public final class EncryptedSpool implements AutoCloseable {

    private final Path file;
    private final SecretKey key;
    private final byte[] iv = new byte[16];
    private long size;

    private EncryptedSpool(Path file) throws GeneralSecurityException {
        this.file = file;
        KeyGenerator generator = KeyGenerator.getInstance("AES");
        generator.init(256);
        this.key = generator.generateKey();
        new SecureRandom().nextBytes(iv);
    }

    /**
     * Copies {@code in} into a new spool file in {@code dir}.
     *
     * @throws TooLargeException as soon as more than {@code maxBytes} arrive; the partial spool is deleted
     */
    public static EncryptedSpool copyOf(InputStream in, Path dir, long maxBytes) throws IOException {
        Files.createDirectories(dir);
        EncryptedSpool spool;
        try {
            spool = new EncryptedSpool(Files.createTempFile(dir, "upload-", ".spool"));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES is not available in this JVM", e);
        }
        try (OutputStream out = new CipherOutputStream(Files.newOutputStream(spool.file), spool.cipher(Cipher.ENCRYPT_MODE))) {
            byte[] buffer = new byte[1 << 16];
            int n;
            while ((n = in.read(buffer)) > 0) {
                spool.size += n;
                if (spool.size > maxBytes) {
                    throw new TooLargeException(maxBytes);
                }
                out.write(buffer, 0, n);
            }
        } catch (IOException | RuntimeException e) {
            spool.close();
            throw e;
        }
        return spool;
    }

    /** A fresh decrypting stream over the spooled bytes. */
    public InputStream open() {
        try {
            return new CipherInputStream(Files.newInputStream(file), cipher(Cipher.DECRYPT_MODE));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public long size() {
        return size;
    }

    private Cipher cipher(int mode) {
        try {
            Cipher cipher = Cipher.getInstance("AES/CTR/NoPadding");
            cipher.init(mode, key, new IvParameterSpec(iv));
            return cipher;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES/CTR is not available in this JVM", e);
        }
    }

    @Override
    public void close() {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException("could not delete upload spool " + file, e);
        }
    }

    /** Deletes spool files left by a process that stopped mid-upload; without their keys they are noise. */
    public static int deleteLeftovers(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        int n = 0;
        try (var files = Files.list(dir)) {
            for (Path p : files.filter(f -> f.getFileName().toString().endsWith(".spool")).toList()) {
                Files.deleteIfExists(p);
                n++;
            }
        }
        return n;
    }

    /** More bytes arrived than the configured upload limit. */
    public static final class TooLargeException extends IOException {
        private final long maxBytes;

        public TooLargeException(long maxBytes) {
            super("upload is larger than the limit of " + maxBytes + " bytes");
            this.maxBytes = maxBytes;
        }

        public long maxBytes() {
            return maxBytes;
        }
    }
}
