package io.hermesconnect.source.diff.store;

import io.hermesconnect.source.diff.model.ObjectKey;
import org.h2.mvstore.type.DataType;

/**
 * The state's binary form of keys, for the worker's other disk-backed maps (a poll's spill), so that they order keys
 * exactly as the stored state does; their objects are {@link EncodedObject}s, which hold every value the state can.
 */
public final class ObjectEncoding {

    private ObjectEncoding() {
    }

    /** MVStore keys ordered by {@link ObjectKey#compareTo}. */
    public static DataType<ObjectKey> keyType() {
        return ObjectKeyType.INSTANCE;
    }
}
