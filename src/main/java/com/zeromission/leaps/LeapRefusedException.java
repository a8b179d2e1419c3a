package com.zeromission.leaps;

/**
 * The leap is not in a state for this: closing one without recommendations, writing its log outside its dates,
 * changing a closed one. The message says which and why.
 */
public class LeapRefusedException extends RuntimeException {
    public LeapRefusedException(long id, String reason) {
        super("leap " + id + ": " + reason);
    }
}
