package io.hermesconnect.common.sink;

import java.util.List;
import java.util.Map;

/**
 * A sink task's status and operations, registered as
 * {@code io.hermesconnect:type=sink-task,connector=<name>,task=<id>}. Connect's task status says RUNNING while a
 * task waits for its target or holds parked objects: this bean (and the worker log) says why. The counts are since
 * the task started; the parked objects are those of the partitions assigned to the task, taken at most a second
 * before the task's last {@code put()} and at once when their number changes. Nothing here shows a field value.
 */
public interface SinkTaskMXBean {

    /** Objects with parked events. */
    int getParkedObjects();

    /** Parked events, of all parked objects. */
    long getParkedEvents();

    /** How long the oldest parked event has waited, in milliseconds; 0 when nothing is parked. */
    long getOldestParkedAgeMs();

    /**
     * One line per parked object, the object parked first first, at most {@value SinkTaskStatus#MAX_LISTED} lines:
     * the position of the record that parked it ({@code topic-partition@offset}, which {@link #dropParkedObject}
     * takes), its kind, its number of parked events, since when, and why.
     */
    List<String> getParkedObjectReasons();

    /** Retries of the parked objects run so far (periodic ones and those an operator asked for). */
    long getRetries();

    /** Events the target applied, first try or retry, by operation: add, modify, remove. */
    Map<String, Long> getAppliedEvents();

    /** Objects moved to the trash. */
    long getTrashedObjects();

    /** Objects purged from the trash. */
    long getPurgedObjects();

    /** Parked events handed to the errant record reporter for their age. */
    long getExpiredEvents();

    /** Parked events an operator dropped. */
    long getDroppedEvents();

    /** Records that were no readable change event, handed to the errant record reporter. */
    long getUnreadableRecords();

    /** Since when the task waits for its target (epoch milliseconds), or 0 when the target answers. */
    long getWaitingForTargetSinceMs();

    /** Why the task waits for its target (the target's error), or empty when the target answers. */
    String getWaitingForTargetReason();

    /** Events applied per second, over the last second or more. */
    double getOperationsPerSecond();

    /**
     * Retries every parked object now instead of at the next interval. The task runs it on its own thread at its
     * next {@code put()}; returns what it did, or that it is scheduled when that takes longer than a few seconds.
     */
    String retryParkedObjectsNow();

    /**
     * Drops the parked object whose first parked event came from the record at {@code position}
     * ({@code topic-partition@offset}, as {@link #getParkedObjectReasons} lists it): its parked events go to the
     * errant record reporter with the reason "dropped by an operator", and later events of the object apply again.
     * Run by the task like {@link #retryParkedObjectsNow}.
     */
    String dropParkedObject(String position);
}
