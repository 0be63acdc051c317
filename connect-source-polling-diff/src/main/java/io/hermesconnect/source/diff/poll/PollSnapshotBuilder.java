package io.hermesconnect.source.diff.poll;

import io.hermesconnect.source.diff.constraint.IntegrityConstraints;
import io.hermesconnect.source.diff.constraint.IntegrityResult;
import io.hermesconnect.source.diff.merge.Inconsistency;
import io.hermesconnect.source.diff.merge.MergedType;
import io.hermesconnect.source.diff.spill.PollSpill;
import io.hermesconnect.source.diff.spill.SpilledObjects;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Builds a poll's snapshot from each type's merged objects ({@link PollFetch}): the integrity constraints across
 * types, and what the poll reports. All or nothing: a failure anywhere throws, and no part of the poll's result
 * survives to be diffed.
 */
public final class PollSnapshotBuilder {

    private final IntegrityConstraints integrity;

    /** @param integrity the integrity constraints of every type */
    public PollSnapshotBuilder(IntegrityConstraints integrity) {
        this.integrity = Objects.requireNonNull(integrity, "integrity");
    }

    /**
     * @param merged every type of the poll, merged, in declared order; the integrity constraints remove the objects
     *               that fail from their maps
     * @param spill  the poll's spill
     * @throws io.hermesconnect.source.diff.model.PollAbortedException when an integrity constraint fails: the poll
     *                                                                  emits nothing
     */
    public PollSnapshot build(List<MergedType> merged, PollSpill spill) {
        List<Inconsistency> inconsistencies = new ArrayList<>();
        int inconsistencyCount = 0;
        Map<String, Integer> mergeFiltered = new LinkedHashMap<>();
        Map<String, SpilledObjects> objects = new LinkedHashMap<>();
        for (MergedType result : merged) {
            inconsistencies.addAll(result.inconsistencies());
            inconsistencyCount += result.inconsistencyCount();
            mergeFiltered.put(result.type().name(), result.filtered());
            objects.put(result.type().name(), result.objects());
        }
        IntegrityResult filtered = integrity.apply(merged, spill);
        return new PollSnapshot(objects, inconsistencies, inconsistencyCount, mergeFiltered, filtered.filtered());
    }
}
