package io.hermesconnect.source.diff.diff;

import io.hermesconnect.source.diff.model.DataObject;
import io.hermesconnect.source.diff.model.ObjectKey;
import io.hermesconnect.source.diff.model.ObjectType;
import java.util.Iterator;
import java.util.function.Function;

/**
 * The removals of one type between this poll and the last emitted state: the stored keys this poll does not have.
 * It walks both key streams, sorted by {@link ObjectKey}'s order, side by side, and reads from the state only the
 * objects removed: cheaper than a second {@link SnapshotDiff}, which decodes and compares every object.
 */
public final class SnapshotRemovals extends LookaheadIterator<Change> {

    private final ObjectType type;
    private final Iterator<ObjectKey> polled;
    private final Iterator<ObjectKey> stored;
    private final Function<ObjectKey, DataObject> storedObject;
    private ObjectKey polledHead;

    /**
     * @param type         the objects' type
     * @param polled       this poll's keys, sorted
     * @param stored       the last emitted state's keys, sorted
     * @param storedObject the stored object of a key that {@code stored} gave
     */
    public SnapshotRemovals(ObjectType type, Iterator<ObjectKey> polled, Iterator<ObjectKey> stored,
                            Function<ObjectKey, DataObject> storedObject) {
        this.type = type;
        this.polled = polled;
        this.stored = stored;
        this.storedObject = storedObject;
        this.polledHead = polled.hasNext() ? polled.next() : null;
    }

    @Override
    protected Change computeNext() {
        while (stored.hasNext()) {
            ObjectKey key = stored.next();
            while (polledHead != null && polledHead.compareTo(key) < 0) {
                polledHead = polled.hasNext() ? polled.next() : null;
            }
            if (polledHead == null || !polledHead.equals(key)) {
                return new Change(type, ChangeKind.REMOVED, key, storedObject.apply(key), null, null);
            }
        }
        return null;
    }
}
