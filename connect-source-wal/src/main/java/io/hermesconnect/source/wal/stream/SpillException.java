package io.hermesconnect.source.wal.stream;

import org.apache.kafka.connect.errors.ConnectException;

/** A streamed transaction could not be written to or read from its spill file. */
public final class SpillException extends ConnectException {

    public SpillException(String message, Throwable cause) {
        super(message, cause);
    }
}
