package io.hermesconnect.source.diff.store;

import io.hermesconnect.source.diff.model.DataObject;
import io.hermesconnect.source.diff.model.ObjectKey;
import java.nio.ByteBuffer;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.DataType;

/**
 * The state's binary form of keys and objects, for the worker's other disk-backed maps (a poll's spill), so that
 * they order keys exactly as the stored state does and hold every value the state can.
 */
public final class ObjectEncoding {

    private ObjectEncoding() {
    }

    /** MVStore keys ordered by {@link ObjectKey#compareTo}. */
    public static DataType<ObjectKey> keyType() {
        return ObjectKeyType.INSTANCE;
    }

    /**
     * Appends the object's attributes, without its key.
     *
     * @throws IllegalArgumentException naming the attribute (never its value) when it cannot be encoded
     */
    public static void writeAttributes(WriteBuffer out, DataObject object) {
        StateCodec.writeAttributes(out, object);
    }

    /** The object of {@code key} whose attributes {@link #writeAttributes} wrote. */
    public static DataObject readObject(ObjectKey key, ByteBuffer in) {
        return StateCodec.readObject(key, in);
    }
}
