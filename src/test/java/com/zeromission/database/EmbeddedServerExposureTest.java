package com.zeromission.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.Reader;
import java.net.ConnectException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.zeromission.cli.ZeromissionCli;
import com.zeromission.support.TestDatabases;

/**
 * The review's reproduction of finding 1, against the real server process started as `bin/zm serve` starts it (the
 * packaged settings, AUTO_SERVER included): H2's port for other processes, its key in the lock file, the
 * administrator's password, FILE_READ of the pseudonym secret. And an online backup through that port.
 */
class EmbeddedServerExposureTest {

    static final Path DATA_DIR = TestDatabases.newDataDir().resolve("data");
    static Process server;
    static String url;

    @BeforeAll
    static void startServer() throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        server = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), ZeromissionCli.class.getName(),
                "serve", "--port", "0", "--zeromission.data-dir=" + DATA_DIR, "--zeromission.alarms.scheduling=false")
                .redirectErrorStream(true).start();
        var seen = new StringBuilder();
        var out = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
        String line;
        while ((line = out.readLine()) != null && !line.contains("Started ZeromissionCli")) {
            seen.append(line).append('\n');
        }
        assertThat(line).as("the server started; it printed:%n%s", seen).isNotNull();
        // keep draining its output so that it never blocks on a full pipe
        Thread.ofVirtual().start(() -> out.lines().forEach(l -> { }));
        url = "jdbc:h2:file:" + DATA_DIR.resolve("zeromission").toAbsolutePath()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;AUTO_SERVER=TRUE";
    }

    @AfterAll
    static void stopServer() throws InterruptedException {
        server.destroy();
        server.waitFor(60, TimeUnit.SECONDS);
    }

    static Properties lockFile() throws Exception {
        var p = new Properties();
        try (Reader in = Files.newBufferedReader(DATA_DIR.resolve("zeromission.lock.db"), StandardCharsets.ISO_8859_1)) {
            p.load(in);
        }
        return p;
    }

    @Test
    void theLockFileWithTheServersKeyIsOnlyForItsOwner() throws Exception {
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(DATA_DIR))).isEqualTo("rwx------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(DATA_DIR.resolve("zeromission.lock.db"))))
                .isEqualTo("rw-------");
    }

    @Test
    void theDatabasePortListensOnTheLoopbackInterfaceOnly() throws Exception {
        String address = lockFile().getProperty("server");
        int port = Integer.parseInt(address.substring(address.lastIndexOf(':') + 1));
        String host = address.substring(0, address.lastIndexOf(':'));
        assertThat(InetAddress.getByName(host).isLoopbackAddress()).as("the lock file's server %s is loopback", address).isTrue();
        try (var loopback = new Socket()) {
            loopback.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 5_000);
        }
        List<InetAddress> others = NetworkInterface.networkInterfaces()
                .flatMap(NetworkInterface::inetAddresses)
                .filter(a -> a instanceof Inet4Address && !a.isLoopbackAddress()).toList();
        assertThat(others).as("this machine has a network address besides loopback to try").isNotEmpty();
        for (InetAddress other : others) {
            assertThatThrownBy(() -> {
                try (var s = new Socket()) {
                    s.connect(new InetSocketAddress(other, port), 5_000);
                }
            }).as("connecting to %s:%d", other.getHostAddress(), port).isInstanceOf(ConnectException.class);
        }
    }

    @Test
    void theAdministratorsEmptyPasswordIsRefusedThroughTheServer() {
        assertThatThrownBy(() -> DriverManager.getConnection(url, "sa", "").close())
                .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getErrorCode()).isEqualTo(28000));
    }

    @Test
    void theApplicationsUserCannotReadThePseudonymSecretThroughTheServer() throws Exception {
        var credentials = DatabaseCredentials.read(DATA_DIR.resolve(DatabaseCredentials.FILE_NAME));
        try (var c = DriverManager.getConnection(url, EmbeddedH2.APP_USER, credentials.appPassword())) {
            assertThatThrownBy(() -> c.createStatement().executeQuery(
                    "SELECT FILE_READ('" + DATA_DIR.resolve("pseudonym.secret").toAbsolutePath() + "')"))
                    .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getErrorCode()).isEqualTo(90040));
        }
    }

    @Test
    void aBackupIsTakenWhileTheServerRunsAndIsOnlyForItsOwner() throws Exception {
        Path archive = TestDatabases.newDataDir().resolve("backup.zip");

        int exit = ZeromissionCli.run("backup", "--out", archive.toString(), "--zeromission.data-dir=" + DATA_DIR);

        assertThat(exit).isZero();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(archive))).isEqualTo("rw-------");
        try (var zip = new java.util.zip.ZipFile(archive.toFile())) {
            assertThat(zip.stream().map(java.util.zip.ZipEntry::getName)).contains("zeromission.mv.db", "pseudonym.secret",
                    DatabaseCredentials.FILE_NAME);
        }
        assertThat(server.isAlive()).isTrue();
    }
}
