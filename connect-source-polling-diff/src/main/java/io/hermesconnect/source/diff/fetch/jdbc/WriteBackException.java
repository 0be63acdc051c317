package io.hermesconnect.source.diff.fetch.jdbc;

/**
 * A write-back failed and its transaction was rolled back (or it could not start). Names the config key of the
 * statement that failed; like {@link io.hermesconnect.source.diff.fetch.FetchException}, never a value.
 */
public final class WriteBackException extends Exception {

    private final String configKey;
    private final boolean transientFailure;

    WriteBackException(String message, String configKey, boolean transientFailure, Throwable cause) {
        super(message, cause);
        this.configKey = configKey;
        this.transientFailure = transientFailure;
    }

    /** The config key of the failed statement; null when the source could not be reached at all. */
    public String configKey() {
        return configKey;
    }

    /** True when the source was unreachable or timed out; false when a statement is wrong. */
    public boolean isTransient() {
        return transientFailure;
    }
}
