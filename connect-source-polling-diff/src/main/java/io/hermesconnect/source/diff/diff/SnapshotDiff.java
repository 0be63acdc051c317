package io.hermesconnect.source.diff.diff;

import io.hermesconnect.source.diff.model.DataObject;
import io.hermesconnect.source.diff.model.ObjectKey;
import io.hermesconnect.source.diff.model.PolledObject;
import io.hermesconnect.source.diff.state.StateProjection;
import java.util.Iterator;
import java.util.Objects;

/**
 * The changes of one type between this poll and the last emitted state, as a merge of two streams sorted by key
 * ({@link ObjectKey}'s order): it holds one object of each stream at a time, so neither snapshot needs to be on the heap.
 * Unchanged keys and kept objects ({@link PolledObject#kept}) give nothing.
 *
 * <p>Both streams must be strictly increasing by key; a stream that is not (unsorted, or a key twice) is a bug of
 * whoever fed it, reported by an {@link IllegalStateException} rather than a wrong diff.
 */
public final class SnapshotDiff extends LookaheadIterator<Change> {

    private final StateProjection projection;
    private final SortedStream<PolledObject> polled;
    private final SortedStream<DataObject> stored;

    /**
     * @param projection the state's form of the type's objects
     * @param polled     this poll's objects, sorted by key
     * @param stored     the last emitted state's objects (state form), sorted by key
     */
    public SnapshotDiff(StateProjection projection, Iterator<PolledObject> polled, Iterator<DataObject> stored) {
        this.projection = Objects.requireNonNull(projection, "projection");
        this.polled = new SortedStream<>(polled, PolledObject::key, "polled objects");
        this.stored = new SortedStream<>(stored, DataObject::key, "stored state");
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
        PolledObject fresh = polled.head();
        DataObject old = stored.head();
        int order = fresh == null ? 1 : old == null ? -1 : fresh.key().compareTo(old.key());
        if (order < 0) {
            polled.advance();
            if (fresh.kept()) {
                throw new IllegalStateException("An object of type '" + projection.type().name()
                        + "' keeps its last emitted state, but the stored state has no such key");
            }
            return change(ChangeKind.ADDED, null, fresh.object(), projection.toState(fresh.object()));
        }
        if (order > 0) {
            stored.advance();
            return new Change(projection.type(), ChangeKind.REMOVED, old.key(), old, null, null);
        }
        polled.advance();
        stored.advance();
        if (fresh.kept()) {
            return null;
        }
        DataObject state = projection.toState(fresh.object());
        if (projection.sentAttributesDiffer(old, state)) {
            return change(ChangeKind.MODIFIED, old, fresh.object(), state);
        }
        return state.equals(old) ? null : change(ChangeKind.STATE_ONLY, old, fresh.object(), state);
    }

    private Change change(ChangeKind kind, DataObject before, DataObject after, DataObject state) {
        return new Change(projection.type(), kind, after.key(), before, after, state);
    }
}
