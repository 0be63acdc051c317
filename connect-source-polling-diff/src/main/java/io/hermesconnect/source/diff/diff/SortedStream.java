package io.hermesconnect.source.diff.diff;

import io.hermesconnect.source.diff.model.ObjectKey;
import java.util.Iterator;
import java.util.function.Function;

/** An iterator with its head in view, that checks its keys strictly increase. */
final class SortedStream<T> {

    private final Iterator<T> items;
    private final Function<T, ObjectKey> keyOf;
    private final String name;
    private T head;

    SortedStream(Iterator<T> items, Function<T, ObjectKey> keyOf, String name) {
        this.items = items;
        this.keyOf = keyOf;
        this.name = name;
        this.head = items.hasNext() ? items.next() : null;
    }

    /** The current item, or null at the end. */
    T head() {
        return head;
    }

    void advance() {
        T previous = head;
        head = items.hasNext() ? items.next() : null;
        if (head != null && keyOf.apply(previous).compareTo(keyOf.apply(head)) >= 0) {
            throw new IllegalStateException("The " + name + " are not sorted by key: a key is not greater than the one before it");
        }
    }
}
