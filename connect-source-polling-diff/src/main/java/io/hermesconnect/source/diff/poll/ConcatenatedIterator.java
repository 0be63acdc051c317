package io.hermesconnect.source.diff.poll;

import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * The elements of several iterators, one after the other, each read only when it is reached. Not
 * {@code Stream.flatMap(...).iterator()}: that pushes a whole inner stream into a buffer at the first {@code next()},
 * which would put all of a poll's changes on the heap at once.
 */
final class ConcatenatedIterator<T> implements Iterator<T> {

    private final Iterator<Iterator<T>> parts;
    private Iterator<T> current;

    ConcatenatedIterator(List<Iterator<T>> parts) {
        this.parts = parts.iterator();
        this.current = this.parts.hasNext() ? this.parts.next() : null;
    }

    @Override
    public boolean hasNext() {
        while (current != null && !current.hasNext()) {
            current = parts.hasNext() ? parts.next() : null;
        }
        return current != null;
    }

    @Override
    public T next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        return current.next();
    }
}
