package com.zeromission.intake.internal.web;

import com.zeromission.intake.SignalId;

/** No signal is stored under the id asked for (it may never have existed, or been erased). */
class SignalNotFoundException extends RuntimeException {

    SignalNotFoundException(SignalId id) {
        super("no signal with id " + id);
    }
}
