package io.hermesconnect.source.diff.diff;

import java.util.Iterator;
import java.util.NoSuchElementException;

/** An iterator that computes its next item on demand; null marks the end. */
abstract class LookaheadIterator<T> implements Iterator<T> {

    private T next;

    /** The next item, or null when there is none. */
    protected abstract T computeNext();

    @Override
    public final boolean hasNext() {
        if (next == null) {
            next = computeNext();
        }
        return next != null;
    }

    @Override
    public final T next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        T item = next;
        next = null;
        return item;
    }
}
