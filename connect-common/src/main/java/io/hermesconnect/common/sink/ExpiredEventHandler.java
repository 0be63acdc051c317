package io.hermesconnect.common.sink;

/**
 * Receives the events parked longer than {@code errors.queue.max.age.ms}, which leave the error queue; a sink
 * task reports them to Connect's errant record reporter (its dead-letter queue).
 */
@FunctionalInterface
public interface ExpiredEventHandler {

    /** Takes over an expired event; {@code reason} says why it expired and its last error, and quotes no value. */
    void expired(SinkEvent event, String reason);
}
