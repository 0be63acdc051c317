package io.hermesconnect.source.diff.model;

import java.util.Iterator;
import java.util.function.Function;

/**
 * Converts each element of an iterator as it is reached: how objects on disk are decoded only one at a time.
 */
public final class MappingIterator<A, B> implements Iterator<B> {

    private final Iterator<A> source;
    private final Function<A, B> convert;

    public MappingIterator(Iterator<A> source, Function<A, B> convert) {
        this.source = source;
        this.convert = convert;
    }

    @Override
    public boolean hasNext() {
        return source.hasNext();
    }

    @Override
    public B next() {
        return convert.apply(source.next());
    }
}
