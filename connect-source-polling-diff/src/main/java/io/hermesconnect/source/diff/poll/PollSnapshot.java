package io.hermesconnect.source.diff.poll;

import io.hermesconnect.source.diff.merge.Inconsistency;
import io.hermesconnect.source.diff.model.ObjectKey;
import io.hermesconnect.source.diff.model.PolledObject;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Every type's objects in this poll, merged and filtered, ready to be diffed against the last emitted state; and
 * what the poll reports about them.
 *
 * @param objects         each type's objects by type name (declared order), then by key
 * @param inconsistencies the merge conflicts and duplicate keys of every type
 * @param mergeFiltered   per type, the objects left out by merge constraints and key merge constraints
 * @param integrityFiltered per type, the objects left out by integrity constraints
 */
public record PollSnapshot(Map<String, Map<ObjectKey, PolledObject>> objects, List<Inconsistency> inconsistencies,
                           Map<String, Integer> mergeFiltered, Map<String, Integer> integrityFiltered) {

    /**
     * A type's objects sorted by key, as {@link io.hermesconnect.source.diff.diff.SnapshotDiff} reads them. The keys
     * are sorted on the heap: the fetched objects already are, until the fetch spills to disk.
     */
    public Iterator<PolledObject> sorted(String type) {
        Map<ObjectKey, PolledObject> ofType = objects.get(type);
        List<ObjectKey> keys = new ArrayList<>(ofType.keySet());
        keys.sort(null);
        return keys.stream().map(ofType::get).iterator();
    }
}
