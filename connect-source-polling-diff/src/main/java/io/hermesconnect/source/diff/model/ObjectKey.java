package io.hermesconnect.source.diff.model;

import java.util.List;

/**
 * The primary key of an object: the normalized values of the type's key attributes, in declared order (one value, or a
 * tuple). Immutable.
 *
 * <p>Keys are totally ordered, consistently with {@code equals}, so that snapshots can be diffed as streams sorted by key:
 * component by component, values of one class by their natural order, values of different classes by class name.
 * The order is ours, not a database collation: a source's {@code ORDER BY} does not give it.
 */
public final class ObjectKey implements Comparable<ObjectKey> {

    private final List<Comparable<?>> components;

    /** A key of the given components, already normalized ({@link Values#normalize}) and never null. */
    public ObjectKey(List<? extends Comparable<?>> components) {
        this.components = List.copyOf(components);
    }

    /** The key's values, in the order of the type's key attributes. */
    public List<Comparable<?>> components() {
        return components;
    }

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public int compareTo(ObjectKey other) {
        int common = Math.min(components.size(), other.components.size());
        for (int i = 0; i < common; i++) {
            Comparable mine = components.get(i);
            Comparable theirs = other.components.get(i);
            int order = mine.getClass() == theirs.getClass()
                    ? mine.compareTo(theirs)
                    : mine.getClass().getName().compareTo(theirs.getClass().getName());
            if (order != 0) {
                return order;
            }
        }
        return Integer.compare(components.size(), other.components.size());
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ObjectKey key && components.equals(key.components);
    }

    @Override
    public int hashCode() {
        return components.hashCode();
    }

    /** The key's values; keys are identifiers, not secrets, so logs may show them. */
    @Override
    public String toString() {
        return components.toString();
    }
}
