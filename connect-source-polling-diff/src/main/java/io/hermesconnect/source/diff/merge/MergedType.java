package io.hermesconnect.source.diff.merge;

import io.hermesconnect.source.diff.model.ObjectType;
import io.hermesconnect.source.diff.spill.SpilledObjects;
import java.util.List;

/**
 * A type's objects in this poll after its sources were merged.
 *
 * @param type              the type
 * @param objects           the objects by key; the integrity constraints remove those that fail from it
 * @param inconsistencies   the first {@link TypeMerger#INCONSISTENCIES_KEPT} merge conflicts and duplicate keys, in key order
 * @param inconsistencyCount how many there were in all
 * @param filtered          how many objects the merge constraints and key merge constraints left out
 */
public record MergedType(ObjectType type, SpilledObjects objects, List<Inconsistency> inconsistencies,
                         int inconsistencyCount, int filtered) {

    /** Copies the list. */
    public MergedType {
        inconsistencies = List.copyOf(inconsistencies);
    }
}
