package com.zeromission.insights;

import java.util.UUID;

/** The insight exists, but holds no attachment under this id. */
public class AttachmentNotFoundException extends RuntimeException {

    /** @param attachmentId the id asked for, or null when what was asked for is not an attachment id at all */
    public AttachmentNotFoundException(long insightId, UUID attachmentId) {
        // the id is echoed only once it parsed as a UUID: a path segment is typed and may hold anything
        super(attachmentId == null ? "no attachment on insight " + insightId + " has that id (attachment ids look like "
                + "0190a6f2-0000-7000-8000-000000000000)" : "no attachment " + attachmentId + " on insight " + insightId);
    }
}
