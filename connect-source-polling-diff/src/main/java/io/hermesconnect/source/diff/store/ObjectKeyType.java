package io.hermesconnect.source.diff.store;

import io.hermesconnect.source.diff.model.ObjectKey;
import java.nio.ByteBuffer;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;

/**
 * Keys of the local copy's maps, ordered by {@link ObjectKey#compareTo}: a type's stored objects iterate in exactly
 * the order the diff merges them in. The local copy's pages hold keys decoded, so a comparison costs no decoding.
 */
final class ObjectKeyType extends BasicDataType<ObjectKey> {

    static final ObjectKeyType INSTANCE = new ObjectKeyType();

    private ObjectKeyType() {
    }

    @Override
    public int compare(ObjectKey a, ObjectKey b) {
        return a.compareTo(b);
    }

    @Override
    public int getMemory(ObjectKey key) {
        return StateCodec.estimateMemory(key);
    }

    @Override
    public void write(WriteBuffer out, ObjectKey key) {
        StateCodec.writeKey(out, key);
    }

    @Override
    public ObjectKey read(ByteBuffer in) {
        return StateCodec.readKey(in);
    }

    @Override
    public ObjectKey[] createStorage(int size) {
        return new ObjectKey[size];
    }
}
