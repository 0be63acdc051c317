package io.hermesconnect.source.diff.spill;

import io.hermesconnect.source.diff.model.ObjectKey;
import java.util.Iterator;
import org.h2.mvstore.MVMap;

/** A set of keys of one poll, on disk ({@link PollSpill}), iterated in {@link ObjectKey}'s order. */
public final class SpilledKeys implements Iterable<ObjectKey> {

    private static final byte[] PRESENT = new byte[0];

    private final PollSpill spill;
    private final MVMap<ObjectKey, byte[]> map;

    SpilledKeys(PollSpill spill, MVMap<ObjectKey, byte[]> map) {
        this.spill = spill;
        this.map = map;
    }

    public void add(ObjectKey key) {
        map.put(key, PRESENT);
        spill.written();
    }

    public boolean contains(ObjectKey key) {
        return map.containsKey(key);
    }

    public boolean isEmpty() {
        return map.isEmpty();
    }

    public long size() {
        return map.sizeAsLong();
    }

    public void clear() {
        map.clear();
        spill.written();
    }

    /** The keys in order; the iterator sees the set as it was when it was created. */
    @Override
    public Iterator<ObjectKey> iterator() {
        return map.keyIterator(null);
    }
}
