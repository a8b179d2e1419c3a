package com.zeromission.web;

/**
 * A request body crossed its size limit while it was read. Unchecked on purpose: readers catch {@code IOException}
 * to report unreadable files, and this must reach {@link GenericProblems} (413) instead of becoming a 400 about the
 * file's contents.
 */
class RequestBodyTooLargeException extends RuntimeException {

    RequestBodyTooLargeException(String message) {
        super(message);
    }
}
