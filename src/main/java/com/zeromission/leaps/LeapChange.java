package com.zeromission.leaps;

import java.time.LocalDate;
import java.util.List;

import com.zeromission.privacy.FreeText;

/**
 * What an analyst changes on a leap; a part left null stays as it is. {@code state}: only {@code CLOSED} may be
 * asked for (PLANNED, RUNNING and ENDED follow from the dates); closing needs at least one recommendation.
 */
public record LeapChange(String name, String mandate, LocalDate start, LocalDate end, List<LeapMember> members,
        List<Long> problemIds, String state) {

    public LeapChange {
        if (name != null) {
            name = LeapDraft.text("name", name, FreeText.Kind.NAME);
        }
        if (mandate != null) {
            mandate = LeapDraft.text("mandate", mandate, FreeText.Kind.TEXT);
        }
        if (members != null) {
            members = LeapDraft.members(members);
        }
        if (problemIds != null) {
            problemIds = LeapDraft.problems(problemIds);
        }
        if (state != null && !state.isBlank() && !state.strip().equalsIgnoreCase("closed")) {
            throw new IllegalArgumentException("state can only be set to CLOSED (PLANNED, RUNNING and ENDED follow from the "
                    + "dates), was '" + state.strip() + "'");
        }
        state = state == null || state.isBlank() ? null : LeapState.CLOSED.name();
    }

    public boolean closes() {
        return state != null;
    }
}
