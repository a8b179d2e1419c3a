package com.zeromission.privacy.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.zeromission.InvalidSettingException;

class HmacPseudonymizerTest {

    private static final byte[] SECRET = "a test secret that is long enough!".getBytes(StandardCharsets.UTF_8);
    private final HmacPseudonymizer pseudonymizer = new HmacPseudonymizer(SECRET);

    @Test
    void givesTheSameCustomerTheSameKey() {
        assertThat(pseudonymizer.customerKey("cust-42")).isEqualTo(pseudonymizer.customerKey(" cust-42 "));
        assertThat(pseudonymizer.customerKey("Anna@Example.se")).isEqualTo(pseudonymizer.customerKey("anna@example.se"));
        assertThat(pseudonymizer.customerKey("cust-42").value()).matches("ck_[a-z2-7]{26}").doesNotContain("42");
    }

    @Test
    void givesDifferentCustomersDifferentKeys() {
        assertThat(pseudonymizer.customerKey("cust-42")).isNotEqualTo(pseudonymizer.customerKey("cust-43"));
        // Case matters for opaque ids: only e-mail-like ids are folded.
        assertThat(pseudonymizer.customerKey("AbC")).isNotEqualTo(pseudonymizer.customerKey("abc"));
    }

    @Test
    void keysDependOnTheSecret() {
        var other = new HmacPseudonymizer("another secret, also long enough".getBytes(StandardCharsets.UTF_8));
        assertThat(other.customerKey("cust-42")).isNotEqualTo(pseudonymizer.customerKey("cust-42"));
        assertThat(other.fingerprint("x")).isNotEqualTo(pseudonymizer.fingerprint("x"));
    }

    @Test
    void fingerprintsAreKeyedHexAndSeparateFromCustomerKeys() {
        String fp = pseudonymizer.fingerprint("cust-42");
        assertThat(fp).matches("[0-9a-f]{64}").isEqualTo(pseudonymizer.fingerprint("cust-42"));
        assertThat(pseudonymizer.fingerprint("cust-43")).isNotEqualTo(fp);
    }

    @Test
    void rejectsBlankCustomerIdsAndShortSecrets() {
        assertThatThrownBy(() -> pseudonymizer.customerKey("  ")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new HmacPseudonymizer(new byte[8])).hasMessageContaining("at least 16 bytes, was 8 bytes");
    }

    @Test
    void generatesTheSecretOnceAndKeepsIt(@TempDir Path dir) throws Exception {
        byte[] first = PseudonymSecret.resolve("", dir);
        byte[] second = PseudonymSecret.resolve(null, dir);
        assertThat(first).hasSize(32).isEqualTo(second);
        assertThat(Files.getPosixFilePermissions(dir.resolve(PseudonymSecret.FILE_NAME)).toString()).isEqualTo("[OWNER_READ, OWNER_WRITE]");
    }

    @Test
    void prefersTheConfiguredSecretAndRejectsAShortOne(@TempDir Path dir) {
        String configured = "0123456789abcdef0123456789abcdef";
        assertThat(PseudonymSecret.resolve(configured, dir)).isEqualTo(configured.getBytes(StandardCharsets.UTF_8));
        assertThat(dir.resolve(PseudonymSecret.FILE_NAME)).doesNotExist();
        assertThatThrownBy(() -> PseudonymSecret.resolve("short", dir))
                .isInstanceOf(InvalidSettingException.class)
                .hasMessage("zeromission.privacy.secret (environment variable ZEROMISSION_PRIVACY_SECRET) is 5 characters "
                        + "long; the pseudonym secret must be at least 32 characters.");
    }

    @Test
    void refusesACorruptedSecretFile(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve(PseudonymSecret.FILE_NAME), "not base64 !!!");
        assertThatThrownBy(() -> PseudonymSecret.resolve("", dir)).hasMessageContaining("not valid Base64");
    }
}
