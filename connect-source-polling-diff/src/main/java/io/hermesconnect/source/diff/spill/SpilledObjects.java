package io.hermesconnect.source.diff.spill;

import io.hermesconnect.source.diff.model.DataObject;
import io.hermesconnect.source.diff.model.ObjectKey;
import io.hermesconnect.source.diff.model.PolledObject;
import io.hermesconnect.source.diff.store.ObjectEncoding;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Optional;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.WriteBuffer;

/**
 * Objects of one poll by key, on disk ({@link PollSpill}), iterated in {@link ObjectKey}'s order: a source's rows, or
 * a type's merged objects. Values are the state's encoding of the attributes, after one byte that tells a kept object
 * ({@link PolledObject#kept}). An iterator sees the objects as they were when it was created.
 */
public final class SpilledObjects implements Iterable<PolledObject> {

    private static final byte POLLED = 0;
    private static final byte KEPT = 1;

    private final PollSpill spill;
    private final MVMap<ObjectKey, byte[]> map;

    SpilledObjects(PollSpill spill, MVMap<ObjectKey, byte[]> map) {
        this.spill = spill;
        this.map = map;
    }

    /**
     * Adds a polled object unless its key is already there.
     *
     * @return false when the key was already there: the object is not added
     */
    public boolean addIfAbsent(DataObject object) {
        boolean added = map.putIfAbsent(object.key(), encode(PolledObject.polled(object))) == null;
        spill.written();
        return added;
    }

    /** Adds or replaces the object of its key. */
    public void put(PolledObject object) {
        map.put(object.key(), encode(object));
        spill.written();
    }

    public Optional<PolledObject> get(ObjectKey key) {
        return Optional.ofNullable(map.get(key)).map(value -> decode(key, value));
    }

    public boolean contains(ObjectKey key) {
        return map.containsKey(key);
    }

    public void remove(ObjectKey key) {
        map.remove(key);
        spill.written();
    }

    public long size() {
        return map.sizeAsLong();
    }

    /** The objects in key order, each decoded when it is reached. */
    @Override
    public Iterator<PolledObject> iterator() {
        return new MappingIterator<>(map.entrySet().iterator(), entry -> decode(entry.getKey(), entry.getValue()));
    }

    /** The keys in order, without decoding the objects. */
    public Iterator<ObjectKey> keys() {
        return map.keyIterator(null);
    }

    private static byte[] encode(PolledObject object) {
        WriteBuffer out = new WriteBuffer(256);
        out.put(object.kept() ? KEPT : POLLED);
        ObjectEncoding.writeAttributes(out, object.object());
        ByteBuffer written = out.getBuffer();
        return Arrays.copyOf(written.array(), written.position());
    }

    private static PolledObject decode(ObjectKey key, byte[] value) {
        ByteBuffer in = ByteBuffer.wrap(value);
        boolean kept = in.get() == KEPT;
        return new PolledObject(ObjectEncoding.readObject(key, in), kept);
    }
}
