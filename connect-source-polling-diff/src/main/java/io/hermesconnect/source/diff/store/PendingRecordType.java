package io.hermesconnect.source.diff.store;

import java.nio.ByteBuffer;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;

/** Values of the local copy's pending map: the records of a poll not yet committed, as they go to the topic. */
final class PendingRecordType extends BasicDataType<SerializedRecord> {

    static final PendingRecordType INSTANCE = new PendingRecordType();

    private PendingRecordType() {
    }

    @Override
    public int getMemory(SerializedRecord pending) {
        return 64 + pending.key().length + (pending.value() == null ? 0 : pending.value().length);
    }

    @Override
    public void write(WriteBuffer out, SerializedRecord pending) {
        ValueCodec.writeBytes(out, pending.key());
        out.put((byte) (pending.value() == null ? 0 : 1));
        if (pending.value() != null) {
            ValueCodec.writeBytes(out, pending.value());
        }
    }

    @Override
    public SerializedRecord read(ByteBuffer in) {
        byte[] key = ValueCodec.readBytes(in);
        return new SerializedRecord(key, in.get() == 0 ? null : ValueCodec.readBytes(in));
    }

    @Override
    public SerializedRecord[] createStorage(int size) {
        return new SerializedRecord[size];
    }
}
