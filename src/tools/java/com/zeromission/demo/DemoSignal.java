package com.zeromission.demo;

import java.util.List;
import java.util.Objects;

import com.zeromission.intake.Channel;
import com.zeromission.intake.RawSignal;

/**
 * One generated signal as a channel would deliver it, with the ground truth the generator knows and the product
 * must find out by itself: which real problem it is about, and which personal data was planted in it.
 */
public record DemoSignal(RawSignal raw, DemoProblem problem, List<PlantedPii> pii) {

    public DemoSignal {
        Objects.requireNonNull(raw, "raw");
        Objects.requireNonNull(problem, "problem");
        pii = List.copyOf(pii == null ? List.of() : pii);
    }

    public boolean countsAsComplaint() {
        return Channel.parse(raw.channel()).countsAsComplaint();
    }
}
