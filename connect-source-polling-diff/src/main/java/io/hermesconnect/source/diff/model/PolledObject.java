package io.hermesconnect.source.diff.model;

import java.util.Objects;

/**
 * An object of this poll's snapshot: either built from the sources, or, when the sources disagree about it (a merge
 * conflict, a duplicate key), kept as it was last emitted until the data is fixed.
 *
 * @param object what templates see: the polled object, or for a kept one its last emitted state without its secrets
 *               (the state holds only their hashes) nor its local attributes (never stored)
 * @param kept   true when the object keeps its last emitted state: the diff emits nothing for it
 */
public record PolledObject(DataObject object, boolean kept) {

    /** Checks the object. */
    public PolledObject {
        Objects.requireNonNull(object, "object");
    }

    /** An object built from the sources. */
    public static PolledObject polled(DataObject object) {
        return new PolledObject(object, false);
    }

    /** The object's key. */
    public ObjectKey key() {
        return object.key();
    }
}
