package com.zeromission.database.internal;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

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

    /** Credentials by JDBC URL, so that the pool and Flyway prepare the database once. */
    private static final Map<String, DatabaseCredentials> PREPARED = new ConcurrentHashMap<>();

    static Optional<DatabaseCredentials> prepared(String url, String user, String password) {
        if (!EmbeddedH2.OWNER.equalsIgnoreCase(user == null ? "" : user) || (password != null && !password.isEmpty())) {
            return Optional.empty();
        }
        return EmbeddedH2.of(url).map(db -> PREPARED.computeIfAbsent(url, u -> EmbeddedDatabaseAccess.secure(db)));
    }

    @Bean
    static BeanPostProcessor embeddedDatabaseUser() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                // Hikari opens its pool on the first connection, so the user can still be changed here
                if (bean instanceof HikariDataSource ds) {
                    prepared(ds.getJdbcUrl(), ds.getUsername(), ds.getPassword()).ifPresent(c -> {
                        ds.setUsername(EmbeddedH2.APP_USER);
                        ds.setPassword(c.appPassword());
                    });
                }
                return bean;
            }
        };
    }

    /** Migrations create tables: they run as the owner (the application user may only read and write rows). */
    @Bean
    FlywayConfigurationCustomizer embeddedDatabaseOwnerForMigrations(
            @Value("${spring.datasource.url:}") String url, @Value("${spring.datasource.username:}") String user,
            @Value("${spring.datasource.password:}") String password) {
        return configuration -> prepared(url, user, password)
                .ifPresent(c -> configuration.dataSource(url, EmbeddedH2.OWNER, c.ownerPassword()));
    }

    /**
     * Once started, everything in the data directory is owner-only again: H2 re-created its lock file when the pool
     * opened the database, and other components wrote their files meanwhile.
     */
    @EventListener(ApplicationReadyEvent.class)
    void restrictDataDirectory(ApplicationReadyEvent ready) {
        var env = ready.getApplicationContext().getEnvironment();
        String dataDir = env.getProperty("zeromission.data-dir");
        if (dataDir != null && java.nio.file.Files.isDirectory(Path.of(dataDir))) {
            OwnerOnlyFiles.restrictTree(Path.of(dataDir));
        }
        EmbeddedH2.of(env.getProperty("spring.datasource.url")).ifPresent(db -> OwnerOnlyFiles.restrictTree(db.directory()));
    }
}
