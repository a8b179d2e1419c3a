package com.zeromission.callbacks.internal;

import java.time.Clock;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import com.zeromission.intake.SignalId;
import com.zeromission.intake.SignalsErased;

/**
 * A customer erased on request is not called back: in the erasure's own transaction their entries lose the
 * pseudonym and the notes and leave every list. A note attached to an insight before stays there (masked, with no
 * pseudonym): it says what the product learnt, not who said it.
 */
@Component
class CallbackErasure {

    private final CallbackRepository repository;
    private final Clock clock;

    CallbackErasure(CallbackRepository repository, Clock clock) {
        this.repository = repository;
        this.clock = clock;
    }

    @EventListener
    void on(SignalsErased event) {
        repository.erase(event.signals().stream().map(SignalId::value).toList(), clock.instant());
    }
}
