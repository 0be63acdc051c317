package io.hermesconnect.source.diff.store;

import io.hermesconnect.source.diff.model.DataObject;
import io.hermesconnect.source.diff.model.ObjectKey;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Objects;
import org.h2.mvstore.WriteBuffer;

/**
 * One change to the state, as the state topic holds it: the record's key is the type's name and the object's key,
 * its value the object's attributes, or none (a tombstone) when the object was removed. Compaction keeps the last
 * record of each type and key, which is the state.
 *
 * @param type  the object's type
 * @param key   the object's key
 * @param state the object's state form, or null when it was removed
 */
record StateRecord(String type, ObjectKey key, DataObject state) {

    private static final int INITIAL_BUFFER = 256;

    /** Checks that the state, if any, is the object of {@code key}. */
    StateRecord {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(key, "key");
        if (state != null && !state.key().equals(key)) {
            throw new IllegalArgumentException("the state's key differs from the record's key");
        }
    }

    /** The record that stores {@code state}. */
    static StateRecord put(String type, DataObject state) {
        return new StateRecord(type, state.key(), state);
    }

    /** The record that removes {@code key}. */
    static StateRecord remove(String type, ObjectKey key) {
        return new StateRecord(type, key, null);
    }

    /** The record's bytes as the topic holds them; fails here on a value the state cannot hold. */
    SerializedRecord serialize() {
        WriteBuffer key = new WriteBuffer(INITIAL_BUFFER);
        ValueCodec.writeText(key, type);
        StateCodec.writeKey(key, this.key);
        if (state == null) {
            return new SerializedRecord(bytesOf(key), null);
        }
        WriteBuffer value = new WriteBuffer(INITIAL_BUFFER);
        StateCodec.writeAttributes(value, state);
        return new SerializedRecord(bytesOf(key), bytesOf(value));
    }

    private static byte[] bytesOf(WriteBuffer out) {
        ByteBuffer buffer = out.getBuffer();
        return Arrays.copyOf(buffer.array(), buffer.position());
    }

    /** The type and key only: attribute values may be secrets. */
    @Override
    public String toString() {
        return "StateRecord[" + type + key + (state == null ? " removed]" : "]");
    }
}
