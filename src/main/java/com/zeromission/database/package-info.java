/**
 * The embedded database's protection and its backups: owner-only files, generated credentials with a non-admin
 * application user, and online backup and restore of everything in the data directory that an installation needs.
 * PostgreSQL installations are not handled here (docs/production.md says how to back them up). Also how module
 * events reach their listeners (internal/ModuleEvents: the event publication registry and its retry).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Database",
        allowedDependencies = {})
@org.jspecify.annotations.NullMarked
package com.zeromission.database;
