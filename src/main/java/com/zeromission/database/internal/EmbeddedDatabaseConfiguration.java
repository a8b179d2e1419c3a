package com.zeromission.database.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.flyway.autoconfigure.FlywayConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;

import com.zaxxer.hikari.HikariDataSource;
import com.zeromission.database.DatabaseCredentials;
import com.zeromission.database.EmbeddedDatabaseAccess;
import com.zeromission.database.EmbeddedH2;
import com.zeromission.database.OwnerOnlyFiles;

/**
 * Applies {@link EmbeddedDatabaseAccess} to the application's embedded database when its credentials are the
 * defaults ({@code sa}, empty password): the pool connects as the non-administrator application user, Flyway as the
 * owner. Done when the data source is created, not earlier, so that a context without a database opens no file.
 * Explicitly configured credentials (and PostgreSQL) are left as they are.
 */
@Configuration(proxyBeanMethods = false)
class EmbeddedDatabaseConfiguration {

    static boolean defaults(String user, String password) {
        return EmbeddedH2.OWNER.equalsIgnoreCase(user == null ? "" : user) && (password == null || password.isEmpty());
    }

    @Bean
    static EmbeddedDatabaseUser embeddedDatabaseUser() {
        return new EmbeddedDatabaseUser();
    }

    /** Switches the pool to the application user, and holds the database open as its owner until the context closes. */
    static final class EmbeddedDatabaseUser implements BeanPostProcessor, DisposableBean {

        private final List<Connection> held = new CopyOnWriteArrayList<>();

        @Override
        public Object postProcessAfterInitialization(Object bean, String beanName) {
            // Hikari opens its pool on the first connection, so the user and URL can still be changed here
            if (bean instanceof HikariDataSource ds && defaults(ds.getUsername(), ds.getPassword())) {
                EmbeddedH2.of(ds.getJdbcUrl()).ifPresent(db -> {
                    DatabaseCredentials credentials = EmbeddedDatabaseAccess.secure(db);
                    try {
                        held.add(EmbeddedDatabaseAccess.holdOpen(db, credentials));
                    } catch (SQLException e) {
                        throw new IllegalStateException("cannot open the embedded database " + db.databaseFile()
                                + ": " + e.getMessage(), e);
                    }
                    H2ClosesLast.afterTheApplication();
                    ds.setJdbcUrl(EmbeddedDatabaseAccess.applicationUrl(db));
                    ds.setUsername(EmbeddedH2.APP_USER);
                    ds.setPassword(credentials.appPassword());
                });
            }
            return bean;
        }

        @Override
        public void destroy() throws SQLException {
            // the pool may still have connections: the database closes with the last of them
            for (Connection c : held) {
                c.close();
            }
            held.clear();
        }
    }

    /** Migrations create tables: they run as the owner (the application user may only read and write rows). */
    @Bean
    FlywayConfigurationCustomizer embeddedDatabaseOwnerForMigrations(
            @Value("${spring.datasource.url:}") String url, @Value("${spring.datasource.username:}") String user,
            @Value("${spring.datasource.password:}") String password) {
        return configuration -> {
            if (defaults(user, password)) {
                EmbeddedH2.of(url).ifPresent(db -> configuration.dataSource(url, EmbeddedH2.OWNER,
                        EmbeddedDatabaseAccess.secure(db).ownerPassword()));
            }
        };
    }

    /**
     * Once started, everything in the data directory is owner-only again: H2 re-created its lock file when the pool
     * opened the database, and other components wrote their files meanwhile.
     */
    @EventListener(ApplicationReadyEvent.class)
    void restrictDataDirectory(ApplicationReadyEvent ready) {
        var env = ready.getApplicationContext().getEnvironment();
        String dataDir = env.getProperty("zeromission.data-dir");
        if (dataDir != null && Files.isDirectory(Path.of(dataDir))) {
            OwnerOnlyFiles.restrictTree(Path.of(dataDir));
        }
        EmbeddedH2.of(env.getProperty("spring.datasource.url")).ifPresent(db -> OwnerOnlyFiles.restrictTree(db.directory()));
    }
}
