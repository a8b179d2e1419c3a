package com.zeromission.insights;

import java.util.List;

/** The quality gate refused: the insight lacks what the list names. Nothing was changed but the recorded refusal. */
public class DelegationRefusedException extends RuntimeException {

    private final long insightId;
    private final List<QualityGate.Check> missing;

    public DelegationRefusedException(long insightId, QualityGate.Result result) {
        super("insight " + insightId + " is not actionable yet (" + result.readinessPercent() + " % ready): "
                + result.describeMissing());
        this.insightId = insightId;
        this.missing = result.missing();
    }

    public long insightId() {
        return insightId;
    }

    public List<QualityGate.Check> missing() {
        return missing;
    }
}
