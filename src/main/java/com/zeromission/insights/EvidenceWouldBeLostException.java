package com.zeromission.insights;

import java.util.List;

/**
 * A whole-content replacement (PUT) left out evidence the insight has: refused, so that a client that did not send
 * the evidence back never drops a screenshot silently. Removing evidence is a change of its own, made with a merge
 * patch that names the new evidence list.
 */
public class EvidenceWouldBeLostException extends RuntimeException {

    private final transient List<String> lost;

    public EvidenceWouldBeLostException(long id, List<String> lost) {
        super("insight " + id + ": this replacement leaves out evidence the insight has, which would be lost: "
                + String.join("; ", lost) + ". Send the evidence back unchanged, or change only the fields you mean "
                + "with PATCH (Content-Type: application/merge-patch+json); nothing was changed");
        this.lost = List.copyOf(lost);
    }

    /** Each piece of evidence that would be lost, described (no personal data: names are generated, links checked). */
    public List<String> lost() {
        return lost;
    }
}
