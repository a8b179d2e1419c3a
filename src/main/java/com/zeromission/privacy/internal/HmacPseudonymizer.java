package com.zeromission.privacy.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.Locale;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.zeromission.privacy.CustomerKey;
import com.zeromission.privacy.Pseudonymizer;

/**
 * HMAC-SHA256 pseudonyms. Two keys are derived from the one configured secret so that a customer key can never be
 * compared with a request fingerprint, even for the same input.
 */
final class HmacPseudonymizer implements Pseudonymizer {

    private static final String ALGORITHM = "HmacSHA256";
    private static final char[] BASE32 = "abcdefghijklmnopqrstuvwxyz234567".toCharArray();

    private final Mac customerMac;
    private final Mac fingerprintMac;

    public HmacPseudonymizer(byte[] secret) {
        if (secret == null || secret.length < 16) {
            throw new IllegalArgumentException("pseudonym secret must be at least 16 bytes, was "
                    + (secret == null ? "missing" : secret.length + " bytes"));
        }
        Mac root = newMac(secret);
        this.customerMac = newMac(root.doFinal("zeromission customer key v1".getBytes(StandardCharsets.UTF_8)));
        this.fingerprintMac = newMac(root.doFinal("zeromission request fingerprint v1".getBytes(StandardCharsets.UTF_8)));
    }

    @Override
    public CustomerKey customerKey(String customerId) {
        if (customerId == null || customerId.isBlank()) {
            throw new IllegalArgumentException("customer id must not be blank");
        }
        String normalized = customerId.strip();
        if (normalized.indexOf('@') >= 0) {
            normalized = normalized.toLowerCase(Locale.ROOT); // e-mail addresses are case-insensitive in practice
        }
        byte[] mac = hmac(customerMac, normalized);
        return new CustomerKey("ck_" + base32(mac, 26));
    }

    @Override
    public String fingerprint(String canonicalContent) {
        return HexFormat.of().formatHex(hmac(fingerprintMac, canonicalContent == null ? "" : canonicalContent));
    }

    private static byte[] hmac(Mac prototype, String input) {
        try {
            // Mac is not thread-safe; cloning the initialised prototype is much cheaper than Mac.getInstance.
            Mac mac = (Mac) prototype.clone();
            return mac.doFinal(input.getBytes(StandardCharsets.UTF_8));
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException("HmacSHA256 provider does not support clone()", e);
        }
    }

    private static String base32(byte[] bytes, int chars) {
        var out = new StringBuilder(chars);
        int buffer = 0, bits = 0, index = 0;
        while (out.length() < chars) {
            if (bits < 5) {
                buffer = (buffer << 8) | (bytes[index++] & 0xff);
                bits += 8;
            }
            out.append(BASE32[(buffer >> (bits - 5)) & 31]);
            bits -= 5;
        }
        return out.toString();
    }

    private static Mac newMac(byte[] key) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(key, ALGORITHM));
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available in this JVM", e);
        }
    }
}
