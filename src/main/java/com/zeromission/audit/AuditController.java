package com.zeromission.audit;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/v1/audit?limit=100}: the latest entries, newest first (admins). */
@RestController
class AuditController {

    private final AuditLog log;

    AuditController(AuditLog log) {
        this.log = log;
    }

    @GetMapping("/api/v1/audit")
    List<AuditLog.Entry> latest(@RequestParam(defaultValue = "100") int limit) {
        return log.latest(limit);
    }
}
