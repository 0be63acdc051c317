package io.hermesconnect.common.sink;

/** How far the error queue merges parked events of one object ({@code errors.queue.remediation}); see {@link Remediation}. */
public enum RemediationMode {
    /** Parked events are kept as they arrived (the default). */
    DISABLED,
    /** added + modified → added; modified + modified → modified. */
    CONSERVATIVE,
    /** Also added + removed → nothing; removed + added → modified; modified + removed → removed. */
    MAXIMUM
}
