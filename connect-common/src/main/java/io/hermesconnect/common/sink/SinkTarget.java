package io.hermesconnect.common.sink;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.kafka.common.TopicPartition;

/**
 * The operations a sink's target implements; everything else (ordering, the error queue, foreign keys,
 * remediation) is the sink core's. Every operation is idempotent: {@code add} and {@code modify} make the object
 * equal to the event's {@code after} (creating it if missing, leaving {@link SinkEvent#unchanged} attributes as
 * they are), {@code remove} succeeds when the object is already gone.
 *
 * <p>An operation throws {@link TargetDataException} when the event's data is refused (the event is parked) and
 * {@link TargetUnavailableException} when the target cannot be reached (Connect retries). An operation of several
 * steps records them in the {@link StepProgress} it is given, which a retry hands back.
 *
 * <p>The core hands the target runs of events through {@link #applyAll}, which by default applies them one at a
 * time through these operations; a target that can apply several at once (the HTTP sink's requests in flight)
 * overrides it.
 */
public interface SinkTarget extends BatchTarget, AutoCloseable {

    /** Creates the object, or makes it equal to {@code after} if it exists. */
    void add(SinkEvent event, StepProgress progress);

    /** Makes the object equal to {@code after}, creating it if missing. */
    void modify(SinkEvent event, StepProgress progress);

    /** Removes the object; does nothing if it is already gone. */
    void remove(SinkEvent event, StepProgress progress);

    /** Applies the calls one at a time, in order, through the operations above. */
    @Override
    default List<EventOutcome> applyAll(List<TargetCall> calls) {
        List<EventOutcome> outcomes = new ArrayList<>(calls.size());
        Set<ObjectKey> refused = new HashSet<>();
        boolean unavailable = false;
        for (TargetCall call : calls) {
            if (unavailable || refused.contains(call.event().object())) {
                outcomes.add(EventOutcome.NOT_SENT);
                continue;
            }
            try {
                call.performOn(this);
                outcomes.add(EventOutcome.DONE);
            } catch (TargetDataException e) {
                refused.add(call.event().object());
                outcomes.add(EventOutcome.refused(e));
            } catch (TargetUnavailableException e) {
                unavailable = true;
                outcomes.add(EventOutcome.unavailable(e));
            }
        }
        return outcomes;
    }

    /**
     * Connect assigned the task {@code partitions}: a target that keeps state per partition of the records that
     * carried it (what it trashed) reads theirs, which another task may have written.
     */
    default void open(Collection<TopicPartition> partitions) {
    }

    /** The task no longer owns {@code partitions}: a target forgets the state it keeps for them. */
    default void close(Collection<TopicPartition> partitions) {
    }

    /** Releases the target's connections; the task calls it when it stops. */
    @Override
    default void close() {
    }
}
