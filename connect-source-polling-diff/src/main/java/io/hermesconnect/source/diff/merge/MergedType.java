package io.hermesconnect.source.diff.merge;

import io.hermesconnect.source.diff.model.ObjectKey;
import io.hermesconnect.source.diff.model.ObjectType;
import io.hermesconnect.source.diff.model.PolledObject;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * A type's objects in this poll after its sources were merged.
 *
 * @param type            the type
 * @param objects         the objects by key, in the order the sources gave them; read-only
 * @param inconsistencies the merge conflicts and duplicate keys, in the same order
 * @param filtered        how many objects the merge constraints and key merge constraints left out
 */
public record MergedType(ObjectType type, Map<ObjectKey, PolledObject> objects, List<Inconsistency> inconsistencies,
                         int filtered) {

    /** Wraps the map read-only and copies the list. */
    public MergedType {
        objects = Collections.unmodifiableMap(objects);
        inconsistencies = List.copyOf(inconsistencies);
    }
}
