package com.zeromission;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/** The module boundaries hold: modules use each other only through their top-level (API) packages, no cycles. */
class ModularityTests {

    private final ApplicationModules modules = ApplicationModules.of(ZeromissionApplication.class);

    @Test
    void modulesOnlyUseEachOthersPublicApi() {
        modules.verify();
    }

    @Test
    void writesModuleDocumentation() {
        // Keeps the module canvas and diagram in target/spring-modulith-docs current for the README.
        new Documenter(modules).writeModulesAsPlantUml().writeIndividualModulesAsPlantUml();
    }
}
