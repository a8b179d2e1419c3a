package com.zeromission.callbacks;

/** No call-list entry with this id (or its customer's signals were erased, which takes it off the list). */
public class CallEntryNotFoundException extends RuntimeException {

    public CallEntryNotFoundException(long id) {
        super("no call-list entry " + id);
    }
}
