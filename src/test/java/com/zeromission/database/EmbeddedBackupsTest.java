package com.zeromission.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;

import com.zeromission.support.TestDatabases;

/** A restore writes only the files a backup holds, into the data directory, and nothing from an archive it distrusts. */
class EmbeddedBackupsTest {

    static Path archive(String... names) throws IOException {
        Path zip = TestDatabases.newDataDir().resolve("crafted.zip");
        try (OutputStream out = Files.newOutputStream(zip); var z = new ZipOutputStream(out)) {
            for (String name : names) {
                z.putNextEntry(new ZipEntry(name));
                z.write((name.equals(EmbeddedBackups.MANIFEST) ? "format=1\ndatabase=zeromission\n" : "x")
                        .getBytes(StandardCharsets.ISO_8859_1));
                z.closeEntry();
            }
        }
        return zip;
    }

    @Test
    void anArchiveWithAnEntryOutsideTheFolderIsRefusedBeforeAnythingIsWritten() throws Exception {
        Path base = TestDatabases.newDataDir();
        Path target = base.resolve("data");
        Path zip = archive(EmbeddedBackups.MANIFEST, "zeromission.mv.db", DatabaseCredentials.FILE_NAME, "../escaped");

        assertThatThrownBy(() -> EmbeddedBackups.restore(zip, EmbeddedH2.of(TestDatabases.h2Url(target)).orElseThrow(), false))
                .isInstanceOf(EmbeddedBackups.NotABackupException.class).hasMessageContaining("unexpected entry '../escaped'");
        assertThat(base.resolve("escaped")).doesNotExist();
        assertThat(target).doesNotExist();
    }

    @Test
    void anArchiveWithoutTheDatabasesCredentialsIsNoBackup() throws Exception {
        Path target = TestDatabases.newDataDir().resolve("data");
        Path zip = archive(EmbeddedBackups.MANIFEST, "zeromission.mv.db", "pseudonym.secret");

        assertThatThrownBy(() -> EmbeddedBackups.restore(zip, EmbeddedH2.of(TestDatabases.h2Url(target)).orElseThrow(), false))
                .isInstanceOf(EmbeddedBackups.NotABackupException.class).hasMessageContaining("database.credentials");
        assertThat(target).doesNotExist();
    }
}
