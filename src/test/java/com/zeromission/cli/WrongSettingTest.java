package com.zeromission.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A wrong setting stops a command before it opens anything, with exit code 2 (the message is Spring Boot's report). */
class WrongSettingTest {

    @TempDir
    Path dir;

    @Test
    void aShortPseudonymSecretStopsTheCommandBeforeTheDatabaseIsCreated() {
        Path data = dir.resolve("data");

        int exit = ZeromissionCli.run("cpm", "--zeromission.data-dir=" + data, "--zeromission.privacy.secret=too-short");

        assertThat(exit).isEqualTo(2);
        assertThat(data).doesNotExist();
    }

    @Test
    void aSettingTheCommandAlsoSetsIsTakenOnceWithTheCallersValue() {
        Path data = dir.resolve("data");

        int exit = ZeromissionCli.run("cpm", "--zeromission.data-dir=" + data, "--zeromission.alarms.scheduling=false",
                "--zeromission.problems.scheduling=false");

        assertThat(exit).as("no \"false,false\"").isZero();
    }

    @Test
    void eachSettingIsPassedOnceWithItsLastValue() {
        assertThat(CliContext.lastOfEach(List.of("--server.port=8080", "--zeromission.demo.enabled=true",
                "--server.port=8190", "--zeromission.demo.enabled=true"))).containsExactly(
                        "--server.port=8190", "--zeromission.demo.enabled=true");
    }
}
