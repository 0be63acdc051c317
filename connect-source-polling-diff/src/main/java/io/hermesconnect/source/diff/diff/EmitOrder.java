package io.hermesconnect.source.diff.diff;

import io.hermesconnect.source.diff.model.ObjectType;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.function.Function;

/**
 * The changes of one poll in the order they are emitted: the additions, modifications and state-only changes of each
 * type in declared order (parents first), then the removals of each type in reverse order (children first), so that
 * a target never sees a child without its parent.
 *
 * <p>Lazy and bounded: each pass opens its type's streams afresh (the state and the poll's snapshot are read again
 * rather than held): the first through {@code diffOf}, keeping all but the removals, the second through
 * {@code removalsOf}, keeping only the removals.
 */
public final class EmitOrder extends LookaheadIterator<Change> {

    private final Function<ObjectType, Iterator<Change>> diffOf;
    private final Function<ObjectType, Iterator<Change>> removalsOf;
    private final Iterator<Pass> passes;
    private Pass pass;
    private Iterator<Change> current = Collections.emptyIterator();

    private record Pass(ObjectType type, boolean removals) {
    }

    /**
     * @param types      the poll's types in declared order
     * @param diffOf     a new diff of a type's changes, e.g. a {@link SnapshotDiff} over freshly opened streams
     * @param removalsOf a new iterator over at least a type's removals, e.g. {@link SnapshotRemovals}
     */
    public EmitOrder(List<ObjectType> types, Function<ObjectType, Iterator<Change>> diffOf,
                     Function<ObjectType, Iterator<Change>> removalsOf) {
        List<Pass> order = new ArrayList<>();
        types.forEach(type -> order.add(new Pass(type, false)));
        for (int i = types.size() - 1; i >= 0; i--) {
            order.add(new Pass(types.get(i), true));
        }
        this.passes = order.iterator();
        this.diffOf = diffOf;
        this.removalsOf = removalsOf;
    }

    @Override
    protected Change computeNext() {
        while (true) {
            if (current.hasNext()) {
                Change change = current.next();
                if ((change.kind() == ChangeKind.REMOVED) == pass.removals()) {
                    return change;
                }
            } else if (passes.hasNext()) {
                pass = passes.next();
                current = (pass.removals() ? removalsOf : diffOf).apply(pass.type());
            } else {
                return null;
            }
        }
    }
}
