package com.zeromission.audit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.ApplicationModuleTest.BootstrapMode;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.zeromission.support.TestDatabases;

/**
 * The audit module with only its direct dependency, privacy, bootstrapped (Spring Modulith's
 * {@code DIRECT_DEPENDENCIES}): the trail masks personal data with privacy's real masker and needs no other module.
 */
@ApplicationModuleTest(mode = BootstrapMode.DIRECT_DEPENDENCIES, webEnvironment = WebEnvironment.NONE)
class AuditModuleTest {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabases.useH2(registry);
    }

    @Autowired
    AuditLog audit;

    @Test
    void recordsAnEntryWithoutTheEmailAddressInItAndNamesAMissingActorSystem() {
        audit.record(null, "problem.rename", "problem 7", "renamed after a call from anna.svensson@example.com");

        assertThat(audit.latest(1)).singleElement().satisfies(entry -> {
            assertThat(entry.actor()).isEqualTo("system");
            assertThat(entry.action()).isEqualTo("problem.rename");
            assertThat(entry.detail()).startsWith("renamed after a call from ").doesNotContain("anna", "example.com");
        });
    }
}
