package io.hermesconnect.source.diff.store;

import io.hermesconnect.source.diff.model.DataObject;
import io.hermesconnect.source.diff.model.ObjectKey;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.h2.mvstore.WriteBuffer;

/**
 * The binary form of keys and objects, shared by the state topic and the local copy: a key is its number of
 * components and each component's value; an object's attributes are their number and each one's name and value
 * ({@link ValueCodec}). The key is not repeated in the attributes: the topic holds it in the record's key.
 */
final class StateCodec {

    private StateCodec() {
    }

    static void writeKey(WriteBuffer out, ObjectKey key) {
        List<Comparable<?>> components = key.components();
        ValueCodec.writeVarLength(out, components.size());
        for (int i = 0; i < components.size(); i++) {
            try {
                ValueCodec.write(out, components.get(i));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("key component " + (i + 1) + ": " + e.getMessage(), e);
            }
        }
    }

    static ObjectKey readKey(ByteBuffer in) {
        int size = ValueCodec.readVarLength(in);
        List<Comparable<?>> components = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            components.add((Comparable<?>) ValueCodec.read(in));
        }
        return new ObjectKey(components);
    }

    static void writeAttributes(WriteBuffer out, DataObject object) {
        Map<String, Object> attributes = object.attributes();
        ValueCodec.writeVarLength(out, attributes.size());
        attributes.forEach((name, value) -> {
            ValueCodec.writeText(out, name);
            try {
                ValueCodec.write(out, value);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("attribute '" + name + "': " + e.getMessage(), e);
            }
        });
    }

    /** The object of {@code key} whose attributes {@link #writeAttributes} wrote. */
    static DataObject readObject(ObjectKey key, ByteBuffer in) {
        int size = ValueCodec.readVarLength(in);
        Map<String, Object> attributes = new LinkedHashMap<>();
        for (int i = 0; i < size; i++) {
            String name = ValueCodec.readText(in);
            attributes.put(name, ValueCodec.read(in));
        }
        return DataObject.ofNormal(key, attributes); // the state holds normal values, none absent
    }

    /** A rough size of a key on the heap, for the local copy's cache accounting. */
    static int estimateMemory(ObjectKey key) {
        int bytes = 48;
        for (Object component : key.components()) {
            bytes += estimateMemory(component);
        }
        return bytes;
    }

    /** A rough size of an object on the heap, its key included. */
    static int estimateMemory(DataObject object) {
        int bytes = estimateMemory(object.key()) + 64;
        for (Map.Entry<String, Object> attribute : object.attributes().entrySet()) {
            bytes += 48 + estimateMemory(attribute.getKey()) + estimateMemory(attribute.getValue());
        }
        return bytes;
    }

    private static int estimateMemory(Object value) {
        if (value instanceof String text) {
            return 40 + text.length();
        }
        if (value instanceof ByteBuffer bytes) {
            return 64 + bytes.remaining();
        }
        if (value instanceof List<?> list) {
            int bytes = 40;
            for (Object element : list) {
                bytes += 8 + estimateMemory(element);
            }
            return bytes;
        }
        if (value instanceof Map<?, ?> map) {
            int bytes = 56;
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                bytes += 48 + estimateMemory(entry.getKey()) + estimateMemory(entry.getValue());
            }
            return bytes;
        }
        return 32; // numbers, booleans, dates, digests: small objects
    }
}
