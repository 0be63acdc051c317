package io.hermesconnect.source.diff.spill;

import java.util.Iterator;
import java.util.function.Function;

/** Converts each element of an iterator as it is reached: how spilled bytes become objects only one at a time. */
final class MappingIterator<A, B> implements Iterator<B> {

    private final Iterator<A> source;
    private final Function<A, B> convert;

    MappingIterator(Iterator<A> source, Function<A, B> convert) {
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
