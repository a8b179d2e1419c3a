package com.zeromission.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.DriverManager;
import java.sql.SQLException;

import org.junit.jupiter.api.Test;

import com.zeromission.support.TestDatabases;

/** An existing installation keeps working: the first start with the fix protects a database made before it. */
class EmbeddedDatabaseAccessTest {

    @Test
    void aDatabaseWhoseAdministratorHadNoPasswordGetsTheGeneratedOneAndKeepsItsData() throws Exception {
        Path dir = TestDatabases.newDataDir();
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        String url = TestDatabases.h2Url(dir);
        try (var c = DriverManager.getConnection(url, "sa", "")) { // as every data directory before the fix
            c.createStatement().execute("CREATE TABLE note (id INT PRIMARY KEY, text VARCHAR(20))");
            c.createStatement().execute("INSERT INTO note VALUES (1, 'kept')");
        }
        Files.setPosixFilePermissions(dir.resolve("zeromission.mv.db"), PosixFilePermissions.fromString("rw-r--r--"));

        var credentials = EmbeddedDatabaseAccess.secure(EmbeddedH2.of(url).orElseThrow());

        assertThatThrownBy(() -> DriverManager.getConnection(url, "sa", "").close())
                .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getErrorCode()).isEqualTo(28000));
        try (var c = DriverManager.getConnection(
                EmbeddedDatabaseAccess.applicationUrl(EmbeddedH2.of(url).orElseThrow()), EmbeddedH2.APP_USER, credentials.appPassword());
                var rs = c.createStatement().executeQuery("SELECT text FROM note WHERE id = 1")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("kept");
        }
        assertThat(DatabaseCredentials.read(dir.resolve(DatabaseCredentials.FILE_NAME))).isEqualTo(credentials);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir))).isEqualTo("rwx------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("zeromission.mv.db"))))
                .isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve(DatabaseCredentials.FILE_NAME))))
                .isEqualTo("rw-------");
    }

    @Test
    void aSecondStartUsesTheStoredCredentials() {
        Path dir = TestDatabases.newDataDir();
        var db = EmbeddedH2.of(TestDatabases.h2Url(dir)).orElseThrow();

        var first = EmbeddedDatabaseAccess.secure(db);
        var second = EmbeddedDatabaseAccess.secure(db);

        assertThat(second).isEqualTo(first);
    }

    @Test
    void credentialsThatAreTooWeakAreRefusedNamingWhichOne() {
        assertThatThrownBy(() -> new DatabaseCredentials("abc", "0".repeat(48)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("owner password")
                .hasMessageContaining("was 3 characters");
    }
}
