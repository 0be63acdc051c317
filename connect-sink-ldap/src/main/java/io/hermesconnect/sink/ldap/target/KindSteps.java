package io.hermesconnect.sink.ldap.target;

import io.hermesconnect.common.sink.StepProgress;

/**
 * The steps of one kind within an event's {@link StepProgress}: an event feeds its kinds one after the other, and the
 * kind's own steps 1 to n are the event's steps {@code offset + 1} to {@code offset + n}.
 *
 * @param progress the event's progress
 * @param offset the steps of the kinds before this one
 */
record KindSteps(StepProgress progress, int offset) {

    /** Whether the kind's step {@code step} still has to be performed. */
    boolean pending(int step) {
        return progress.pending(offset + step);
    }

    /** Records that the kind's step {@code step} succeeded. */
    void done(int step) {
        progress.done(offset + step);
    }
}
