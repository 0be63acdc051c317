package io.hermesconnect.source.diff.spill;

import io.hermesconnect.source.diff.model.ObjectKey;
import io.hermesconnect.source.diff.model.PolledObject;
import io.hermesconnect.source.diff.store.EncodedObject;

/**
 * A {@link PolledObject} as the spill holds it: one byte that tells a kept object, then the state's encoding of its
 * attributes, decoded only when asked.
 */
public final class SpilledObject {

    private static final byte POLLED = 0;
    private static final byte KEPT = 1;

    private final EncodedObject encoded;

    SpilledObject(EncodedObject encoded) {
        this.encoded = encoded;
    }

    /** The spill's form of {@code object}. */
    public static SpilledObject encode(PolledObject object) {
        return new SpilledObject(EncodedObject.encode(object.object(), object.kept() ? KEPT : POLLED));
    }

    /** The spill's form of the object stored as {@code bytes}. */
    static SpilledObject of(ObjectKey key, byte[] bytes) {
        return new SpilledObject(new EncodedObject(key, bytes, 1));
    }

    public ObjectKey key() {
        return encoded.key();
    }

    /** Whether the object keeps its last emitted state ({@link PolledObject#kept}). */
    public boolean kept() {
        return encoded.bytes()[0] == KEPT;
    }

    /** The object's attributes, encoded as the state encodes them. */
    public EncodedObject attributes() {
        return encoded;
    }

    public PolledObject decode() {
        return new PolledObject(encoded.decode(), kept());
    }

    /** The bytes the spill stores. */
    byte[] bytes() {
        return encoded.bytes();
    }
}
