package io.hermesconnect.common.sink;

/**
 * Receives the events parked longer than {@code errors.queue.max.age.ms}, which leave the error queue; a sink
 * task reports their records to Connect's errant record reporter (its dead-letter queue).
 */
@FunctionalInterface
public interface ExpiredEventHandler {

    /**
     * Takes over an expired event; {@code reason} says why it expired and its last error, and quotes no value. The
     * event leaves the queue only when this returns: a handler that throws leaves it parked.
     */
    void expired(ParkedEvent event, String reason);
}
