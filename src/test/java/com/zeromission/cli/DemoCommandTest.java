package com.zeromission.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoCommandTest {

    @TempDir
    Path dir;

    @Test
    void generateWritesTheSameFileForTheSameSeed() throws IOException {
        Path a = dir.resolve("a.csv"), b = dir.resolve("b.csv");
        String[] args = {"--from", "2025-01-06", "--to", "2025-01-12", "--scale", "0.5", "--seed", "99"};
        assertThat(ZeromissionCli.run(concat(new String[] {"demo", "generate", "--out", a.toString()}, args))).isZero();
        assertThat(ZeromissionCli.run(concat(new String[] {"demo", "generate", "--out", b.toString()}, args))).isZero();

        assertThat(Files.readAllBytes(a)).isEqualTo(Files.readAllBytes(b));
        assertThat(Files.readAllLines(a).getFirst()).startsWith("source,source_id,channel,market");
    }

    @Test
    void generateWritesCfpbAndPurchaseFiles() throws IOException {
        Path cfpb = dir.resolve("cfpb.csv"), purchases = dir.resolve("purchases.csv");
        assertThat(ZeromissionCli.run("demo", "generate", "--out", cfpb.toString(), "--format", "cfpb", "--from",
                "2025-01-01", "--to", "2025-01-31")).isZero();
        assertThat(ZeromissionCli.run("demo", "generate", "--out", purchases.toString(), "--format", "purchases",
                "--from", "2025-01-01", "--to", "2025-01-31")).isZero();

        assertThat(Files.readAllLines(cfpb).getFirst()).startsWith("Date received,Product,Sub-product,Issue");
        assertThat(Files.readAllLines(purchases)).hasSize(31 * 9 * 6 + 1);
    }

    @Test
    void generateRefusesAPeriodThatEndsBeforeItStarts() {
        assertThat(ZeromissionCli.run("demo", "generate", "--out", dir.resolve("x.csv").toString(), "--from",
                "2025-02-01", "--to", "2025-01-01")).isEqualTo(2);
        assertThat(dir.resolve("x.csv")).doesNotExist();
    }

    @Test
    void generateRefusesDaysInTheFuture() {
        String nextWeek = java.time.LocalDate.now(java.time.ZoneOffset.UTC).plusDays(7).toString();
        assertThat(ZeromissionCli.run("demo", "generate", "--out", dir.resolve("x.csv").toString(), "--to", nextWeek))
                .isEqualTo(2);
        assertThat(dir.resolve("x.csv")).doesNotExist();
    }

    private static String[] concat(String[] a, String[] b) {
        var all = new String[a.length + b.length];
        System.arraycopy(a, 0, all, 0, a.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
