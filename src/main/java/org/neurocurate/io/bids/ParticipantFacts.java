package org.neurocurate.io.bids;

import java.util.List;

/**
 * What the participants and sessions tables say about one subject at one session, harmonised.
 *
 * @param age        age at the session in years
 * @param sex        {@code M}, {@code F} or {@code O}
 * @param handedness {@code R}, {@code L} or {@code A}
 * @param group      the group or diagnosis code as written (Levels label in the note)
 * @param health     {@code control} or {@code patient}, from the group column
 * @param site       an explicit site or scanner column's value
 * @param problems   unparseable values and table problems, one line each
 */
public record ParticipantFacts(Harmonised age, Harmonised sex, Harmonised handedness, Harmonised group,
                               Harmonised health, Harmonised site, List<String> problems) {
    public ParticipantFacts {
        problems = List.copyOf(problems);
    }
}
