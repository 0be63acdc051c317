package io.hermesconnect.source.diff.merge;

import io.hermesconnect.source.diff.model.NamedTemplate;
import io.hermesconnect.source.diff.spill.SpilledKeys;
import io.hermesconnect.source.diff.spill.SpilledObjects;
import java.util.List;

/**
 * The objects one source gave for a type in this poll, with how they merge into the type.
 *
 * @param source           the source's name, as in {@code sources}; merge constraints see its keys as
 *                         {@code <source>_pkeys} and its objects as {@code <source>}
 * @param keyConstraint    how its keys combine with those of the sources before it
 * @param mergeConstraints boolean templates over {@code _SELF} (one of this source's objects) and every source's keys
 *                         and objects: an object for which one gives false is left out of the merge
 * @param objects          the objects by key, the first of each key the source gave; the merge constraints remove
 *                         those that fail from it
 * @param duplicated       the keys the source gave more than once
 */
public record SourceObjects(String source, KeyMergeConstraint keyConstraint, List<NamedTemplate> mergeConstraints,
                            SpilledObjects objects, SpilledKeys duplicated) {

    /** Copies the list. */
    public SourceObjects {
        mergeConstraints = List.copyOf(mergeConstraints);
    }
}
