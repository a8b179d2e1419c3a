package com.zeromission.problems.internal;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import com.zeromission.intake.SignalId;
import com.zeromission.intake.SignalsErased;

/** An erased signal cannot be found by its words: they leave the search's word index in the erasure's transaction. */
@Component
class SignalWordErasure {

    private final SignalWordIndex index;

    SignalWordErasure(SignalWordIndex index) {
        this.index = index;
    }

    @EventListener
    void on(SignalsErased event) {
        index.forget(event.signals().stream().map(SignalId::value).toList());
    }
}
