package com.zeromission.cadence;

import java.time.LocalDate;
import java.util.List;

import com.zeromission.privacy.FreeText;

/**
 * What an analyst changes on a squad; a part left null stays as it is (so a client can change only the lead).
 * Checked here so that a bad value is refused before anything is read.
 */
public record SquadChange(String lead, List<String> members, String mandate, LocalDate due) {

    public SquadChange {
        if (lead != null) {
            lead = Squad.user("lead", lead);
        }
        if (members != null) {
            members = Squad.members(members);
        }
        if (mandate != null) {
            // typed by an analyst and may quote a customer: the one policy for typed text masks and limits it
            mandate = FreeText.required("mandate", mandate, FreeText.Kind.TEXT);
        }
    }
}
