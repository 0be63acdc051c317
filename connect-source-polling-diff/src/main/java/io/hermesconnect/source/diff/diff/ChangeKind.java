package io.hermesconnect.source.diff.diff;

/** What the diff found for one key. */
public enum ChangeKind {
    /** Only in this poll: a create event. */
    ADDED,
    /** In both, with a sent attribute (normal or secret) that differs: an update event. */
    MODIFIED,
    /** Only in the last emitted state: a delete event. */
    REMOVED,
    /** In both, only cache-only attributes differ: the state is rewritten, nothing is emitted. */
    STATE_ONLY
}
