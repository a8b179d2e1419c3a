package com.zeromission.metrics;

import com.zeromission.markets.Scope;

/** No CPM target has been set for this year and scope. */
public class TargetNotFoundException extends RuntimeException {

    public TargetNotFoundException(int year, Scope scope) {
        super("no CPM target for " + year + " (" + scope.describe() + "); set one with PUT /api/v1/targets/" + year);
    }
}
