package io.hermesconnect.source.diff.fetch;

/**
 * A source could not give what a poll or a validation asked: unreachable, wrong credentials, a rejected query, a
 * connection lost mid-read, a timeout. The message says what failed and on which source, never a row's values.
 */
public final class FetchException extends Exception {

    /** Whether retrying later may succeed (the server is down or slow) rather than the config being wrong. */
    private final boolean transientFailure;

    public FetchException(String message, boolean transientFailure, Throwable cause) {
        super(message, cause);
        this.transientFailure = transientFailure;
    }

    /** True when the source is unreachable or timed out; false when the credentials, query or a type are wrong. */
    public boolean isTransient() {
        return transientFailure;
    }
}
