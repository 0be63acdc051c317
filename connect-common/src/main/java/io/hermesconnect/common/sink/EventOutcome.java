package io.hermesconnect.common.sink;

/**
 * What became of one {@link TargetCall} a target was given ({@link BatchTarget#applyAll}).
 *
 * @param status what became of it
 * @param failure why it was refused ({@link TargetDataException}) or could not be sent (a
 *     {@link TargetUnavailableException}, or an error the task fails on); null when done or not sent
 */
public record EventOutcome(Status status, RuntimeException failure) {

    /** Every step of the event was applied. */
    public static final EventOutcome DONE = new EventOutcome(Status.DONE, null);
    /** The event was not tried. */
    public static final EventOutcome NOT_SENT = new EventOutcome(Status.NOT_SENT, null);

    /** What became of an event. */
    public enum Status {
        /** Applied: every step of the event is done. */
        DONE,
        /** The target refused its data: the core parks it with its progress. */
        REFUSED,
        /** The target could not be reached: nothing is parked, Connect delivers it again. */
        UNAVAILABLE,
        /**
         * Not tried: an earlier event of its object was refused (the core parks it behind that one), or the target
         * became unavailable before its turn (Connect delivers it again).
         */
        NOT_SENT
    }

    /** The target refused the event's data. */
    public static EventOutcome refused(TargetDataException failure) {
        return new EventOutcome(Status.REFUSED, failure);
    }

    /** The event could not be applied for another reason than its data: the target is down, or a bug. */
    public static EventOutcome unavailable(RuntimeException failure) {
        return new EventOutcome(Status.UNAVAILABLE, failure);
    }
}
