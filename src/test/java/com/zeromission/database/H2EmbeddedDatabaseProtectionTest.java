package com.zeromission.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.stream.Stream;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.zeromission.support.TestDatabases;

/**
 * The review's finding 1, re-tried against the application as it starts on the embedded database with its default
 * settings (user sa, no password): the files are the owner's alone, sa's empty password is refused, and the
 * application's own connection cannot read or write files through H2.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE, properties = "zeromission.alarms.scheduling=false")
class H2EmbeddedDatabaseProtectionTest {

    static final Path DATA_DIR = TestDatabases.newDataDir();

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("zeromission.data-dir", DATA_DIR::toString);
        registry.add("spring.datasource.url", () -> TestDatabases.h2Url(DATA_DIR));
    }

    @Autowired
    DataSource dataSource;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void theDataDirectoryAndEveryFileInItAreOnlyForTheirOwner() throws Exception {
        assertThat(mode(DATA_DIR)).isEqualTo("rwx------");
        try (Stream<Path> files = Files.walk(DATA_DIR)) {
            var all = files.filter(p -> !p.equals(DATA_DIR)).toList();
            assertThat(all).extracting(p -> p.getFileName().toString())
                    .contains("zeromission.mv.db", "pseudonym.secret", DatabaseCredentials.FILE_NAME);
            for (Path p : all) {
                assertThat(mode(p)).as("mode of %s", p).isEqualTo(Files.isDirectory(p) ? "rwx------" : "rw-------");
            }
        }
    }

    @Test
    void theAdministratorCannotConnectWithAnEmptyPassword() {
        assertThatThrownBy(() -> DriverManager.getConnection(TestDatabases.h2Url(DATA_DIR), "sa", "").close())
                .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getErrorCode()).isEqualTo(28000));
    }

    @Test
    void theApplicationConnectsAsAUserThatIsNoAdministrator() throws SQLException {
        try (var c = dataSource.getConnection()) {
            assertThat(c.getMetaData().getUserName()).isEqualToIgnoringCase(EmbeddedH2.APP_USER);
        }
        assertThat(jdbc.queryForObject("SELECT is_admin FROM information_schema.users WHERE LOWER(user_name) = ?",
                Boolean.class, EmbeddedH2.APP_USER)).isFalse();
    }

    @Test
    void theApplicationsConnectionCannotReadThePseudonymSecretWithFileRead() {
        String secret = DATA_DIR.resolve("pseudonym.secret").toAbsolutePath().toString();
        assertThatThrownBy(() -> jdbc.queryForObject("SELECT FILE_READ('" + secret + "')", byte[].class))
                .hasMessageContaining("90040"); // admin rights are required
    }

    @ParameterizedTest
    @ValueSource(strings = {"SELECT FILE_WRITE('x', '%s/written')", "SELECT * FROM CSVREAD('%s/pseudonym.secret')",
            "CALL CSVWRITE('%s/out.csv', 'SELECT 1')", "RUNSCRIPT FROM '%s/pseudonym.secret'",
            "CALL LINK_SCHEMA('linked', '', 'jdbc:h2:mem:x', 'sa', '', 'public')", "BACKUP TO '%s/copy.zip'",
            "CREATE ALIAS read_it FOR 'java.nio.file.Files.readAllBytes'"})
    void theApplicationsConnectionCannotUseH2sFileAndCodeFunctions(String statement) {
        String sql = statement.formatted(DATA_DIR.toAbsolutePath());
        assertThatThrownBy(() -> jdbc.execute(sql)).hasMessageContaining("90040");
        assertThat(DATA_DIR.resolve("written")).doesNotExist();
        assertThat(DATA_DIR.resolve("out.csv")).doesNotExist();
    }

    static String mode(Path p) throws java.io.IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
    }
}
