package io.hermesconnect.common.sink;

import org.apache.kafka.connect.errors.ConnectException;

/**
 * A target refused one event because of its data (a schema violation, a missing parent, a value the target
 * does not accept): the event is parked in the error queue and retried later, and the target keeps receiving
 * other objects' events. The message is shown to operators: name the attribute or rule, never a value.
 */
public class TargetDataException extends ConnectException {

    public TargetDataException(String message) {
        super(message);
    }

    public TargetDataException(String message, Throwable cause) {
        super(message, cause);
    }
}
