package io.hermesconnect.source.diff.merge;

import io.hermesconnect.source.diff.model.ObjectKey;

/**
 * An object the sources disagree about, for the poll's report.
 *
 * @param type        the type's name
 * @param kind        what the sources did
 * @param key         the object's key
 * @param description the object as its type's {@code to.string} names it (it may show values: for reports, not errors)
 * @param resolution  what the poll did with it
 */
public record Inconsistency(String type, Kind kind, ObjectKey key, String description, Resolution resolution) {

    /** What the sources did. */
    public enum Kind {
        /** Two sources gave one attribute different values. */
        MERGE_CONFLICT,
        /** One source gave the key more than once. */
        DUPLICATE_KEY
    }

    /** What the poll did with the object. */
    public enum Resolution {
        /** It keeps its last emitted state: nothing is emitted for it. */
        KEPT_LAST_STATE,
        /** It was never emitted, so it is left out of the poll. */
        DROPPED,
        /** The value of the first source declared was taken ({@link ConflictPolicy#KEEP_FIRST_VALUE}). */
        FIRST_VALUE
    }
}
