package io.hermesconnect.source.diff.poll;

import io.hermesconnect.source.diff.merge.Inconsistency;
import io.hermesconnect.source.diff.spill.SpilledObject;
import io.hermesconnect.source.diff.spill.SpilledObjects;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Every type's objects in this poll, merged and filtered, ready to be diffed against the last emitted state; and
 * what the poll reports about them. The objects are on disk, in the poll's spill.
 *
 * @param objects            each type's objects by type name (declared order), sorted by key
 * @param inconsistencies    the merge conflicts and duplicate keys kept for the log (the first ones of each type)
 * @param inconsistencyCount how many merge conflicts and duplicate keys there were in all
 * @param mergeFiltered      per type, the objects left out by merge constraints and key merge constraints
 * @param integrityFiltered  per type, the objects left out by integrity constraints
 */
public record PollSnapshot(Map<String, SpilledObjects> objects, List<Inconsistency> inconsistencies,
                           int inconsistencyCount, Map<String, Integer> mergeFiltered,
                           Map<String, Integer> integrityFiltered) {

    /** A type's objects sorted by key, as {@link io.hermesconnect.source.diff.diff.SnapshotDiff} reads them. */
    public Iterator<SpilledObject> sorted(String type) {
        return objects.get(type).spilled();
    }
}
