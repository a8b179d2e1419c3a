package com.zeromission.cadence;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/** What forming a week's squads came to: formed now, or formed before (by the job, another instance, a person). */
public sealed interface Formation {

    LocalDate week();

    List<Squad> squads();

    /** A ranked problem that got no squad because somebody owns it already, and who. */
    record PassedOver(int rank, long problemId, String label, long complaints, String ownedBy) {
    }

    /**
     * Formed by this call. {@code passedOver}: the ranked problems skipped on the way down the ranking because they
     * were owned; fewer squads than asked for means the ranking ran out (a quiet week).
     */
    record Formed(LocalDate week, LocalDate problemWeek, List<Squad> squads, List<PassedOver> passedOver)
            implements Formation {
        public Formed {
            Objects.requireNonNull(week, "week");
            squads = List.copyOf(squads);
            passedOver = List.copyOf(passedOver);
        }
    }

    /** The week was formed before: nothing new, these are the squads it got then. */
    record AlreadyFormed(LocalDate week, List<Squad> squads, Instant formedAt, String formedBy) implements Formation {
        public AlreadyFormed {
            Objects.requireNonNull(week, "week");
            squads = List.copyOf(squads);
        }
    }
}
