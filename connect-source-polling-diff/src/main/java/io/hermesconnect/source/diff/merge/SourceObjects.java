package io.hermesconnect.source.diff.merge;

import io.hermesconnect.source.diff.model.DataObject;
import io.hermesconnect.source.diff.model.NamedTemplate;
import java.util.List;

/**
 * The objects one source gave for a type in this poll, with how they merge into the type.
 *
 * @param source           the source's name, as in {@code sources}; merge constraints see its keys as
 *                         {@code <source>_pkeys} and its objects as {@code <source>}
 * @param keyConstraint    how its keys combine with those of the sources before it
 * @param mergeConstraints boolean templates over {@code _SELF} (one of this source's objects) and every source's keys
 *                         and objects: an object for which one gives false is left out of the merge
 * @param objects          the objects, in the order the source gave them
 */
public record SourceObjects(String source, KeyMergeConstraint keyConstraint, List<NamedTemplate> mergeConstraints,
                            List<DataObject> objects) {

    /** Copies the lists. */
    public SourceObjects {
        mergeConstraints = List.copyOf(mergeConstraints);
        objects = List.copyOf(objects);
    }

    /** The same source with other objects. */
    SourceObjects withObjects(List<DataObject> kept) {
        return new SourceObjects(source, keyConstraint, mergeConstraints, kept);
    }
}
