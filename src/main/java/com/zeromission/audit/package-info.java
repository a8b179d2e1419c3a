/**
 * Audit: the append-only record of who did what (imports, problem merges and splits, quality-gate decisions,
 * delegations, erasures). Modules write through {@link com.zeromission.audit.AuditLog} inside their own transaction,
 * so an entry exists if and only if the change committed; entries are masked and never updated or deleted.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Audit",
        allowedDependencies = {"privacy"})
@org.jspecify.annotations.NullMarked
package com.zeromission.audit;
