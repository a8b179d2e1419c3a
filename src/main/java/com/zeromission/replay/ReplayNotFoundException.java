package com.zeromission.replay;

/** No stored replay has this id: it never existed, expired (retention) or was erased. */
public class ReplayNotFoundException extends RuntimeException {

    private final ReplayId id;

    public ReplayNotFoundException(ReplayId id) {
        super("no replay " + id + ": it does not exist, or it expired or was erased");
        this.id = id;
    }

    public ReplayId id() {
        return id;
    }
}
