package com.zeromission.privacy.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.zeromission.InvalidSettingException;

/**
 * Where the pseudonym secret comes from: the configured value, or else a random secret generated once and kept in
 * the data directory. It must never change for a running installation: customer keys of old and new signals
 * would stop matching.
 */
final class PseudonymSecret {

    private static final Logger log = LoggerFactory.getLogger(PseudonymSecret.class);
    static final String FILE_NAME = "pseudonym.secret";
    static final String SETTING = "zeromission.privacy.secret";
    static final int MIN_LENGTH = 32;

    private PseudonymSecret() {
    }

    static byte[] resolve(String configured, Path dataDir) {
        if (configured != null && !configured.isBlank()) {
            return configured(configured);
        }
        Path file = dataDir.resolve(FILE_NAME);
        try {
            if (!Files.exists(file)) {
                Files.createDirectories(dataDir);
                byte[] random = new byte[32];
                new SecureRandom().nextBytes(random);
                String encoded = Base64.getEncoder().encodeToString(random);
                try {
                    Files.writeString(file, encoded + "\n", StandardCharsets.US_ASCII, StandardOpenOption.CREATE_NEW,
                            StandardOpenOption.WRITE, StandardOpenOption.SYNC);
                    restrictToOwner(file);
                    log.info("Generated a new pseudonym secret in {}; back it up with the database", file);
                } catch (FileAlreadyExistsException raced) {
                    // another process created it first: use theirs
                }
            }
            String text = Files.readString(file, StandardCharsets.US_ASCII).strip();
            byte[] secret = Base64.getDecoder().decode(text);
            if (secret.length < 16) {
                throw new IllegalStateException("pseudonym secret in " + file + " is too short (" + secret.length
                        + " bytes); restore it from backup");
            }
            return secret;
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("pseudonym secret in " + file + " is not valid Base64; restore it from backup", e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the pseudonym secret " + file, e);
        }
    }

    /** A configured secret's bytes, or the one-line reason it cannot be used (never the value: it is the secret). */
    static byte[] configured(String configured) {
        String secret = configured.strip();
        byte[] bytes = secret.getBytes(StandardCharsets.UTF_8);
        if (bytes.length < MIN_LENGTH) {
            throw new InvalidSettingException(SETTING, "is " + secret.codePointCount(0, secret.length())
                    + " characters long; the pseudonym secret must be at least " + MIN_LENGTH + " characters.",
                    "Set it to a random value of at least " + MIN_LENGTH + " characters (e.g. openssl rand -base64 32), "
                            + "the same on every instance, or leave it unset to use the secret the product generates "
                            + "in its data directory (" + FILE_NAME + ").");
        }
        return bytes;
    }

    private static void restrictToOwner(Path file) {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException | IOException e) {
            log.warn("Could not restrict permissions of {}: {}", file, e.getMessage());
        }
    }
}
