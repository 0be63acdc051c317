package io.hermesconnect.source.wal.config;

/** {@code snapshot.mode}: whether the connector reads the tables' current rows before streaming. */
public enum SnapshotMode {
    /** Snapshot when no offset exists (first start), then stream. */
    INITIAL,
    /** Never snapshot: stream from the slot only. */
    NEVER,
    /** Snapshot when no offset exists, then stop emitting (no streaming). */
    INITIAL_ONLY,
    /** Snapshot when no offset exists or the stored position is no longer available in the slot. */
    WHEN_NEEDED;

    /** Whether the task streams from the slot after the snapshot. */
    public boolean streams() {
        return this != INITIAL_ONLY;
    }
}
