package io.hermesconnect.source.diff.spill;

import io.hermesconnect.source.diff.model.DataObject;
import io.hermesconnect.source.diff.model.MappingIterator;
import io.hermesconnect.source.diff.model.ObjectKey;
import io.hermesconnect.source.diff.model.PolledObject;
import java.util.Iterator;
import java.util.Optional;
import org.h2.mvstore.MVMap;

/**
 * Objects of one poll by key, on disk ({@link PollSpill}), iterated in {@link ObjectKey}'s order: a source's rows, or
 * a type's merged objects, as {@link SpilledObject}s. An iterator sees the objects as they were when it was created.
 */
public final class SpilledObjects implements Iterable<PolledObject> {

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
        boolean added = map.putIfAbsent(object.key(), SpilledObject.encode(PolledObject.polled(object)).bytes()) == null;
        spill.written();
        return added;
    }

    /** Adds or replaces the object of its key. */
    public void put(PolledObject object) {
        map.put(object.key(), SpilledObject.encode(object).bytes());
        spill.written();
    }

    public Optional<PolledObject> get(ObjectKey key) {
        return Optional.ofNullable(map.get(key)).map(value -> SpilledObject.of(key, value).decode());
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
        return new MappingIterator<>(spilled(), SpilledObject::decode);
    }

    /** The objects in key order, each decoded only if asked: how the diff reads them. */
    public Iterator<SpilledObject> spilled() {
        return new MappingIterator<>(map.entrySet().iterator(), entry -> SpilledObject.of(entry.getKey(), entry.getValue()));
    }

    /** The keys in order, without decoding the objects. */
    public Iterator<ObjectKey> keys() {
        return map.keyIterator(null);
    }
}
