package io.hermesconnect.common.testing;

import java.util.AbstractSet;
import java.util.Iterator;
import java.util.Set;

/**
 * A set that counts its look-ups and the elements its iterators hand out, so that a test can tell a hashed
 * membership test (one {@code contains}) from a scan (every element read) without timing anything. Shared through
 * connect-common's test jar.
 */
public final class CountingSet extends AbstractSet<Object> {

    private final Set<Object> elements;
    private long lookups;
    private long elementsRead;

    public CountingSet(Set<Object> elements) {
        this.elements = elements;
    }

    @Override
    public boolean contains(Object element) {
        lookups++;
        return elements.contains(element);
    }

    @Override
    public Iterator<Object> iterator() {
        return elements.stream().peek(element -> elementsRead++).iterator();
    }

    @Override
    public int size() {
        return elements.size();
    }

    /** How many times {@link #contains} was called since the last {@link #resetCounts}. */
    public long lookups() {
        return lookups;
    }

    /** How many elements iterators handed out since the last {@link #resetCounts}. */
    public long elementsRead() {
        return elementsRead;
    }

    public void resetCounts() {
        lookups = 0;
        elementsRead = 0;
    }
}
