package io.hermesconnect.source.diff.store;

import java.util.List;

/**
 * How a type's objects are keyed in the state: its primary key attributes and, for each, its Connect schema written by
 * {@code event.KeySchemas} — what a delete event needs to rebuild the exact key the type's events had, once the type
 * is no longer configured that way.
 *
 * @param attributes the primary key attributes, in order
 * @param schemas    each attribute's schema, in the same order
 */
public record StoredKey(List<String> attributes, List<String> schemas) {

    /** Copies the lists and checks they match. */
    public StoredKey {
        attributes = List.copyOf(attributes);
        schemas = List.copyOf(schemas);
        if (attributes.size() != schemas.size()) {
            throw new IllegalArgumentException("A stored key needs one schema per attribute");
        }
    }
}
