package io.hermesconnect.source.diff.merge;

/**
 * What a type's merge does when two sources give one attribute of an object different values. The lower-case
 * constant names are the polling server's config values ({@code use_cached_entry}, {@code keep_first_value}).
 */
public enum ConflictPolicy {
    /** The object keeps its last emitted state until the data is fixed, or is left out if it was never emitted. */
    USE_CACHED_ENTRY,
    /** The value of the source declared first wins. */
    KEEP_FIRST_VALUE
}
