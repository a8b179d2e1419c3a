package com.zeromission.database.internal;

import java.lang.reflect.Field;
import java.util.concurrent.atomic.AtomicBoolean;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.SpringApplication;

/**
 * The embedded database closes after the application, not beside it. H2 closes every embedded database it opened in a
 * JVM shutdown hook of its own, and the JVM runs all shutdown hooks at the same time: on Ctrl-C or SIGTERM H2 closed
 * the database while Spring was still closing the beans that use it, so the grouping worker could not save its state
 * and the event publication registry could not complete a publication ("Database is already closed"). H2's usual
 * switch, {@code DB_CLOSE_ON_EXIT=FALSE}, is refused together with {@code AUTO_SERVER=TRUE}, which the product needs
 * (a command can use the database while the server runs). So H2's hook is taken off the JVM's list and run by Spring
 * Boot's own shutdown hook instead, after it closed the application contexts ({@link SpringApplication#getShutdownHandlers()}).
 *
 * <p>H2 keeps that hook in a private field ({@code org.h2.engine.OnExitDatabaseCloser.INSTANCE}, H2 2.x). Should an
 * upgrade move it, nothing changes but the order (H2 closes the database at exit as before) and a warning says so;
 * {@code ShutdownDuringGroupingTest} fails on it.
 */
final class H2ClosesLast {

    private static final Logger log = LoggerFactory.getLogger(H2ClosesLast.class);
    /** Whether Spring Boot's shutdown hook runs H2's: added once, however often H2 registers its hook again. */
    private static final AtomicBoolean HANDLED = new AtomicBoolean();

    private H2ClosesLast() {
    }

    /**
     * Each time H2 has opened a database (its hook is registered then): H2's hook runs after Spring's contexts closed.
     * Not once per JVM: when its last database closes H2 takes its hook off, and registers it again with the next one
     * it opens (as when one JVM runs several applications, one after the other).
     */
    static void afterTheApplication() {
        Thread hook;
        try {
            Field instance = Class.forName("org.h2.engine.OnExitDatabaseCloser").getDeclaredField("INSTANCE");
            instance.setAccessible(true);
            hook = (Thread) instance.get(null);
        } catch (ReflectiveOperationException | RuntimeException e) {
            log.warn("H2 closes the embedded database in its own shutdown hook, at the same time as the application: {}",
                    e.toString());
            return;
        }
        try {
            if (Runtime.getRuntime().removeShutdownHook(hook) && HANDLED.compareAndSet(false, true)) {
                // on the calling thread (Spring Boot's hook), after the contexts closed: closes what is still open
                SpringApplication.getShutdownHandlers().add(hook::run);
            }
        } catch (IllegalStateException shuttingDown) {
            // the JVM is already shutting down: H2's hook runs as it is
        }
    }
}
