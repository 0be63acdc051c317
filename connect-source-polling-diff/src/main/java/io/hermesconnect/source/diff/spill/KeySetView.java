package io.hermesconnect.source.diff.spill;

import io.hermesconnect.source.diff.model.MappingIterator;
import io.hermesconnect.source.diff.model.ObjectKey;
import io.hermesconnect.source.diff.model.ObjectType;
import io.hermesconnect.source.diff.model.Values;
import java.util.AbstractSet;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;

/**
 * The keys of spilled objects as templates see them ({@code <Name>_pkeys}, {@link ObjectType#keyVariable}), read-only
 * and never copied to the heap. Jinjava's {@code x in keys} takes the first element of the iterator (to convert
 * {@code x} to its class) and then calls {@link #contains}, which is one look-up in the spilled map; {@code for} and
 * {@code |length} iterate (streaming the keys) and call {@link #size}. The view follows the map's changes.
 */
public final class KeySetView extends AbstractSet<Object> {

    private final ObjectType type;
    private final SpilledObjects objects;

    public KeySetView(ObjectType type, SpilledObjects objects) {
        this.type = type;
        this.objects = objects;
    }

    /** Whether an object has the key: a value for a one-attribute key, a list of values for a tuple. */
    @Override
    public boolean contains(Object variable) {
        ObjectKey key = keyOf(variable);
        return key != null && objects.contains(key);
    }

    /** The key the variable stands for, or null when it cannot be one of the type's keys. */
    private ObjectKey keyOf(Object variable) {
        int size = type.primaryKey().size();
        List<?> values = size == 1 ? Collections.singletonList(variable) : variable instanceof List<?> list ? list : null;
        if (values == null || values.size() != size) {
            return null;
        }
        List<Comparable<?>> components = new ArrayList<>(size);
        for (Object value : values) {
            if (!(Values.normalize(value) instanceof Comparable<?> component)) {
                return null;
            }
            components.add(component);
        }
        return new ObjectKey(components);
    }

    @Override
    public Iterator<Object> iterator() {
        return new MappingIterator<>(objects.keys(), type::keyVariable);
    }

    @Override
    public int size() {
        return (int) Math.min(Integer.MAX_VALUE, objects.size());
    }
}
