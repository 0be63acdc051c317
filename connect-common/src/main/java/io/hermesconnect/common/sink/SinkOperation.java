package io.hermesconnect.common.sink;

/**
 * What a sink does with one object. {@link #ADD} and {@link #MODIFY} both mean "make the object equal to
 * {@code after}" (a target creates it if missing, so redelivery and bootstraps are safe); they are told apart
 * only so that the error queue can merge parked events ({@link Remediation}).
 */
public enum SinkOperation {
    /** From a create ({@code c}) or a snapshot read ({@code r}). */
    ADD,
    /** From an update ({@code u}). */
    MODIFY,
    /** From a delete ({@code d}) or a tombstone. */
    REMOVE
}
