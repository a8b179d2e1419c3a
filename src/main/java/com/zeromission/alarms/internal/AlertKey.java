package com.zeromission.alarms.internal;

import java.util.Objects;

import com.zeromission.alarms.AlertKind;
import com.zeromission.markets.Scope;

/** What there is at most one open alert for. */
public record AlertKey(AlertKind kind, String rule, Scope scope) {

    public AlertKey {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(scope, "scope");
    }

    /** The value of the unique open_key column while the alert is open. */
    String openKey() {
        return kind.code() + "|" + rule + "|" + scope.market() + "|" + scope.product();
    }
}
