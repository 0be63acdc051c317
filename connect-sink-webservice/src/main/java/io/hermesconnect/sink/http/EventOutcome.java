package io.hermesconnect.sink.http;

import io.hermesconnect.common.sink.SinkEvent;
import io.hermesconnect.common.sink.StepProgress;

/**
 * What became of one event a {@link RequestDispatcher} was given.
 *
 * @param event the event
 * @param status what became of it
 * @param progress the kinds done for it (one step per kind it feeds), for a later retry to resume
 * @param failure why it was refused or could not be sent; null when done or not sent
 */
public record EventOutcome(SinkEvent event, Status status, StepProgress progress, RuntimeException failure) {

    /** What became of an event. */
    public enum Status {
        /** Every kind it feeds accepted it. */
        DONE,
        /** A kind refused it ({@code TargetDataException}): park it. */
        REFUSED,
        /** The service could not be reached ({@code TargetUnavailableException}): Connect retries. */
        UNAVAILABLE,
        /**
         * Not sent: an earlier event of its object was refused (park it behind that one), or the service became
         * unavailable before its turn (Connect delivers it again).
         */
        NOT_SENT
    }
}
