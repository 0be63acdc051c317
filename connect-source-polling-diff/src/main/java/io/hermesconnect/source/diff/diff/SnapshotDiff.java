package io.hermesconnect.source.diff.diff;

import io.hermesconnect.source.diff.model.DataObject;
import io.hermesconnect.source.diff.model.ObjectKey;
import io.hermesconnect.source.diff.model.PolledObject;
import io.hermesconnect.source.diff.spill.SpilledObject;
import io.hermesconnect.source.diff.state.StateProjection;
import io.hermesconnect.source.diff.store.EncodedObject;
import java.util.Iterator;
import java.util.Objects;

/**
 * The changes of one type between this poll and the last emitted state, as a merge of two streams sorted by key
 * ({@link ObjectKey}'s order): it holds one object of each stream at a time, so neither snapshot needs to be on the heap.
 * Unchanged keys and kept objects ({@link PolledObject#kept}) give nothing. Objects come encoded and are decoded only
 * when they may have changed: when the state stores polled objects as they are
 * ({@link StateProjection#storesPolledObjectsAsIs}), a polled object encoded exactly as its stored state is unchanged.
 *
 * <p>Both streams must be strictly increasing by key; a stream that is not (unsorted, or a key twice) is a bug of
 * whoever fed it, reported by an {@link IllegalStateException} rather than a wrong diff.
 */
public final class SnapshotDiff extends LookaheadIterator<Change> {

    private final StateProjection projection;
    private final boolean comparesEncodings;
    private final SortedStream<SpilledObject> polled;
    private final SortedStream<EncodedObject> stored;

    /**
     * @param projection the state's form of the type's objects
     * @param polled     this poll's objects, sorted by key, as the poll's spill holds them
     * @param stored     the last emitted state's objects (state form), sorted by key, as the state holds them
     */
    public SnapshotDiff(StateProjection projection, Iterator<SpilledObject> polled, Iterator<EncodedObject> stored) {
        this.projection = Objects.requireNonNull(projection, "projection");
        this.comparesEncodings = projection.storesPolledObjectsAsIs();
        this.polled = new SortedStream<>(polled, SpilledObject::key, "polled objects");
        this.stored = new SortedStream<>(stored, EncodedObject::key, "stored state");
    }

    @Override
    protected Change computeNext() {
        Change change = null;
        while (change == null && (polled.head() != null || stored.head() != null)) {
            change = step();
        }
        return change;
    }

    /** Consumes the smaller head, or both when their keys are equal: the change, or null when nothing changed. */
    private Change step() {
        SpilledObject fresh = polled.head();
        EncodedObject old = stored.head();
        int order = fresh == null ? 1 : old == null ? -1 : fresh.key().compareTo(old.key());
        if (order < 0) {
            polled.advance();
            if (fresh.kept()) {
                throw new IllegalStateException("An object of type '" + projection.type().name()
                        + "' keeps its last emitted state, but the stored state has no such key");
            }
            DataObject added = fresh.attributes().decode();
            return change(ChangeKind.ADDED, null, added, projection.toState(added));
        }
        if (order > 0) {
            stored.advance();
            return new Change(projection.type(), ChangeKind.REMOVED, old.key(), old.decode(), null, null);
        }
        polled.advance();
        stored.advance();
        if (fresh.kept() || comparesEncodings && fresh.attributes().sameAttributes(old)) {
            return null;
        }
        DataObject after = fresh.attributes().decode();
        DataObject before = old.decode();
        DataObject state = projection.toState(after);
        if (projection.sentAttributesDiffer(before, state)) {
            return change(ChangeKind.MODIFIED, before, after, state);
        }
        return state.equals(before) ? null : change(ChangeKind.STATE_ONLY, before, after, state);
    }

    private Change change(ChangeKind kind, DataObject before, DataObject after, DataObject state) {
        return new Change(projection.type(), kind, after.key(), before, after, state);
    }
}
