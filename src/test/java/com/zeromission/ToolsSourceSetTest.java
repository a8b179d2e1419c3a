package com.zeromission;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

import com.zeromission.demo.DemoDataGenerator;
import com.zeromission.problems.GroupingEvaluation;
import com.zeromission.privacy.MaskingEvaluation;

/**
 * Demo data, evaluation and benchmarks are the tools source set (src/tools, docs/tools.md): compiled apart from the
 * product, so the product's classes (what target/zeromission.jar packages) hold none of them, while the suite sees
 * them from target/tools-classes, where Spring Modulith still checks the demo module's boundaries.
 */
class ToolsSourceSetTest {

    @Test
    void productClassesHoldNoDemoEvaluationOrBenchmarkCode() throws Exception {
        Path product = Path.of(ZeromissionApplication.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        assertThat(product.resolve("com/zeromission/ZeromissionApplication.class")).exists();
        assertThat(product.resolve("com/zeromission/demo")).doesNotExist();
        assertThat(product.resolve("demo")).doesNotExist();
        assertThat(product.resolve("com/zeromission/privacy/eval")).doesNotExist();
        try (var classes = Files.walk(product)) {
            assertThat(classes.map(p -> product.relativize(p).toString()).filter(name -> name.endsWith(".class")))
                    .noneMatch(name -> name.contains("Evaluation.class") && !name.startsWith("com/zeromission/alarms/"))
                    .noneMatch(name -> name.contains("Bench") || name.contains("Corpus"))
                    .noneMatch(name -> name.startsWith("com/zeromission/cli/DemoCommand"));
        }
    }

    @Test
    void toolsComeFromTheirOwnOutputNotFromTheProducts() throws Exception {
        Path product = Path.of(ZeromissionApplication.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        for (Class<?> tool : new Class<?>[] {DemoDataGenerator.class, GroupingEvaluation.class, MaskingEvaluation.class}) {
            Path location = Path.of(tool.getProtectionDomain().getCodeSource().getLocation().toURI());
            assertThat(location).as(tool.getSimpleName()).isNotEqualTo(product);
        }
    }

    @Test
    void modulithStillVerifiesTheDemoModule() {
        // Spring Modulith ignores classes under target/test-classes: the demo module must be seen in target/tools-classes
        var modules = ApplicationModules.of(ZeromissionApplication.class);
        assertThat(modules.getModuleByName("demo")).isPresent();
    }
}
