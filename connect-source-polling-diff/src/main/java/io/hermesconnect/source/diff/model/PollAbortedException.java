package io.hermesconnect.source.diff.model;

/**
 * A poll cannot produce a trustworthy snapshot (a template failed, a source did not map a key attribute…): the whole
 * poll's result is dropped and nothing is emitted. The message names the type, the source and the config key to look
 * at, never a value.
 */
public class PollAbortedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** A failure described by {@code message}, caused by {@code cause} (may be null). */
    public PollAbortedException(String message, Throwable cause) {
        super(message, cause);
    }
}
