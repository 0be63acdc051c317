package io.hermesconnect.source.diff.store;

import io.hermesconnect.source.diff.model.DataObject;
import java.nio.ByteBuffer;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;

/** Values of the local copy's maps: an object with its key, so that reading one needs nothing else. */
final class StoredObjectType extends BasicDataType<DataObject> {

    static final StoredObjectType INSTANCE = new StoredObjectType();

    private StoredObjectType() {
    }

    @Override
    public int getMemory(DataObject object) {
        return StateCodec.estimateMemory(object);
    }

    @Override
    public void write(WriteBuffer out, DataObject object) {
        StateCodec.writeKey(out, object.key());
        StateCodec.writeAttributes(out, object);
    }

    @Override
    public DataObject read(ByteBuffer in) {
        return StateCodec.readObject(StateCodec.readKey(in), in);
    }

    @Override
    public DataObject[] createStorage(int size) {
        return new DataObject[size];
    }
}
