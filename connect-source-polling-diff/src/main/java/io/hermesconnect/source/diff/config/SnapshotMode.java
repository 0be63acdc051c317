package io.hermesconnect.source.diff.config;

/** What the first poll of a connector without state emits ({@code snapshot.mode}). */
public enum SnapshotMode {
    /** Every object, as a read event ({@code op=r}). */
    INITIAL,
    /** Nothing: the first poll only fills the state, the targets being assumed in sync already. */
    NEVER
}
