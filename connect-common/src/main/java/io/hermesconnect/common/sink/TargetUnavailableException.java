package io.hermesconnect.common.sink;

import org.apache.kafka.connect.errors.RetriableException;

/**
 * A target could not be reached or is too busy (connection refused, timeout, server down): nothing is wrong
 * with the event, so nothing is parked. It propagates out of the sink task's {@code put()} as Connect's
 * {@link RetriableException}, and Connect redelivers the batch after the task's backoff.
 */
public class TargetUnavailableException extends RetriableException {

    public TargetUnavailableException(String message) {
        super(message);
    }

    public TargetUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
