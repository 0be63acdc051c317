package io.hermesconnect.common.sink;

import java.time.Instant;
import java.util.List;

/**
 * A target that can keep removed objects in a trash for a while ({@code trashbin.retention.ms}, HERMES.md
 * section 2). The trash state must outlive the task, so that a restart or a move to another worker keeps it: in the
 * target itself (the LDAP sink's trash container or marks), or in a topic the connector owns (the HTTP sink's).
 * With the trashbin on, the sink core calls {@link #trash} instead of {@link #remove}, and periodically purges the
 * objects trashed before the retention.
 *
 * <p>{@link #add} of an object that is in the trash recycles it: restores it and makes it equal to the event's
 * {@code after}. {@link #modify} of an object in the trash applies the change to it where it lies, so that a
 * recycle finds it current; it never creates a second copy.
 */
public interface TrashbinTarget extends SinkTarget {

    /** Moves the object to the trash (or marks it) with the current time; does nothing if it is gone or trashed. */
    void trash(SinkEvent event, StepProgress progress);

    /** The objects trashed before {@code cutoff}, in the order to purge them: children before parents. */
    List<TrashedObject> trashedBefore(Instant cutoff);

    /** Removes a trashed object for good; does nothing if it is gone or was recycled meanwhile. */
    void purge(TrashedObject object);
}
