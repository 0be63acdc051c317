package io.hermesconnect.common.sink;

import java.util.List;

/**
 * What applies runs of events for the error queue: a {@link SinkTarget}, one event at a time unless it does
 * better (many requests in flight, batches), or the task's view of it.
 */
public interface BatchTarget {

    /**
     * Applies a run of events and returns one outcome per call, in the order given. The run never holds an event
     * that depends on an earlier event of the run on another object (the core cuts runs at foreign keys), so the
     * target may apply the events of different objects in any order, or at once; one object's events it applies in
     * order, and after one is refused it tries none of that object's later events
     * ({@link EventOutcome.Status#NOT_SENT}).
     * Once the target is unavailable it starts no new event; the events it did not try are {@code NOT_SENT}.
     * Each call's {@link StepProgress} says what the target did, for a retry to resume.
     */
    List<EventOutcome> applyAll(List<TargetCall> calls);
}
