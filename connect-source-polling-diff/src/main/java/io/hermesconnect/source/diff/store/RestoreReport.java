package io.hermesconnect.source.diff.store;

import java.time.Duration;

/**
 * How a {@link StateStore} brought its local copy up to date with the state topic when it opened.
 *
 * @param outcome     which of the three ways
 * @param recordsRead how many topic records it applied (0 when the copy was used as is)
 * @param objects     how many objects the state holds after it, all types together
 * @param duration    how long it took, topic set-up included
 */
public record RestoreReport(Outcome outcome, long recordsRead, long objects, Duration duration) {

    /** The three ways a local copy is brought up to date. */
    public enum Outcome {
        /** The copy held every record of the topic: nothing was read. */
        USED_AS_IS,
        /** The copy was behind: the records after its offset were read. */
        CAUGHT_UP,
        /** The copy was missing, unreadable or of another topic: it was rebuilt from the topic's first record. */
        REBUILT
    }
}
