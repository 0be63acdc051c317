package io.hermesconnect.source.diff.poll;

import io.hermesconnect.source.diff.constraint.IntegrityConstraints;
import io.hermesconnect.source.diff.constraint.IntegrityResult;
import io.hermesconnect.source.diff.merge.Inconsistency;
import io.hermesconnect.source.diff.merge.MergedType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Builds a poll's snapshot from what the sources gave: each type's sources merged in type order, then the integrity
 * constraints across types. All or nothing: a failure anywhere throws, and no part of the poll's result survives to
 * be diffed.
 */
public final class PollSnapshotBuilder {

    private final IntegrityConstraints integrity;

    /** @param integrity the integrity constraints of every type */
    public PollSnapshotBuilder(IntegrityConstraints integrity) {
        this.integrity = Objects.requireNonNull(integrity, "integrity");
    }

    /**
     * @param types every type of the poll, in declared order
     * @throws io.hermesconnect.source.diff.model.PollAbortedException when a template fails or a source did not map a
     *                                                                  key attribute: the poll emits nothing
     */
    public PollSnapshot build(List<TypePoll> types) {
        List<MergedType> merged = new ArrayList<>(types.size());
        List<Inconsistency> inconsistencies = new ArrayList<>();
        Map<String, Integer> mergeFiltered = new LinkedHashMap<>();
        for (TypePoll type : types) {
            MergedType result = type.merger().merge(type.sources(), type.lastEmitted());
            merged.add(result);
            inconsistencies.addAll(result.inconsistencies());
            mergeFiltered.put(result.type().name(), result.filtered());
        }
        IntegrityResult filtered = integrity.apply(merged);
        return new PollSnapshot(filtered.objects(), inconsistencies, mergeFiltered, filtered.filtered());
    }
}
