package io.hermesconnect.source.diff.merge;

import io.hermesconnect.source.diff.merge.Inconsistency.Kind;
import io.hermesconnect.source.diff.merge.Inconsistency.Resolution;
import io.hermesconnect.source.diff.model.DataObject;
import io.hermesconnect.source.diff.model.ObjectKey;
import io.hermesconnect.source.diff.model.ObjectType;
import io.hermesconnect.source.diff.model.PolledObject;
import io.hermesconnect.source.diff.state.StateProjection;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Merges the sources of one type, in declared order, into the type's objects of this poll:
 * <ol>
 *   <li>the sources' merge constraints, to a fixed point;</li>
 *   <li>each source after the first combines its keys with those merged so far by its {@link KeyMergeConstraint};
 *       an object present in both gets the attributes of both;</li>
 *   <li>an object whose sources disagree is resolved: a <b>merge conflict</b> (one attribute, two values) follows the
 *       {@link ConflictPolicy}; a <b>duplicate key</b> inside one source always keeps the last emitted state (or is
 *       dropped if never emitted), whatever the policy, as no order tells its rows apart. Each is reported with the
 *       object's {@code to.string}.</li>
 * </ol>
 * A key that a key merge constraint removes is gone whatever its sources said about it. Linear in the number of
 * objects: keys are matched through hash maps.
 */
public final class TypeMerger {

    private final StateProjection projection;
    private final ConflictPolicy policy;

    /**
     * @param projection the state's form of the type's objects, to show templates the kept ones
     * @param policy     what a merge conflict does
     */
    public TypeMerger(StateProjection projection, ConflictPolicy policy) {
        this.projection = Objects.requireNonNull(projection, "projection");
        this.policy = Objects.requireNonNull(policy, "policy");
    }

    /**
     * Merges the sources.
     *
     * @param sources     the type's sources in declared order, at least one
     * @param lastEmitted the state the disagreements fall back to
     * @throws io.hermesconnect.source.diff.model.PollAbortedException when a merge constraint or {@code to.string} fails
     */
    public MergedType merge(List<SourceObjects> sources, LastEmittedState lastEmitted) {
        if (sources.isEmpty()) {
            throw new IllegalArgumentException("Type '" + type().name() + "' needs at least one source");
        }
        MergeConstraints.Result constrained = MergeConstraints.apply(type(), sources);
        Merge merge = new Merge();
        for (SourceObjects source : constrained.sources()) {
            merge.add(source);
        }
        return merge.resolve(lastEmitted, constrained.filtered());
    }

    private ObjectType type() {
        return projection.type();
    }

    /** The state of one merge. */
    private final class Merge {
        private Map<ObjectKey, DataObject> merged;
        private final Set<ObjectKey> duplicated = new HashSet<>();
        private final Set<ObjectKey> conflicted = new HashSet<>();
        private int filtered;

        void add(SourceObjects source) {
            Map<ObjectKey, DataObject> incoming = new LinkedHashMap<>();
            for (DataObject object : source.objects()) {
                if (incoming.putIfAbsent(object.key(), object) != null) {
                    duplicated.add(object.key());
                }
            }
            if (merged == null) {
                merged = incoming;
                return;
            }
            KeyMergeConstraint constraint = source.keyConstraint();
            for (DataObject object : incoming.values()) {
                DataObject existing = merged.get(object.key());
                if (existing == null) {
                    addNew(constraint, object);
                } else if (constraint == KeyMergeConstraint.MUST_NOT_EXIST) {
                    merged.remove(object.key());
                    filtered++;
                } else {
                    merged.put(object.key(), combine(existing, object));
                }
            }
            if (constraint == KeyMergeConstraint.MUST_EXIST_IN_BOTH) {
                removeKeysNotIn(incoming);
            }
        }

        private void addNew(KeyMergeConstraint constraint, DataObject object) {
            if (constraint == KeyMergeConstraint.NO_CONSTRAINT || constraint == KeyMergeConstraint.MUST_NOT_EXIST) {
                merged.put(object.key(), object);
            } else {
                filtered++;
            }
        }

        private void removeKeysNotIn(Map<ObjectKey, DataObject> incoming) {
            for (Iterator<ObjectKey> keys = merged.keySet().iterator(); keys.hasNext(); ) {
                if (!incoming.containsKey(keys.next())) {
                    keys.remove();
                    filtered++;
                }
            }
        }

        /** The attributes of both; on a conflict the first value stays, and the key is marked. */
        private DataObject combine(DataObject existing, DataObject object) {
            Map<String, Object> attributes = new LinkedHashMap<>(existing.attributes());
            object.attributes().forEach((name, value) -> {
                Object first = attributes.putIfAbsent(name, value);
                if (first != null && !first.equals(value)) {
                    conflicted.add(object.key());
                }
            });
            return new DataObject(object.key(), attributes);
        }

        MergedType resolve(LastEmittedState lastEmitted, int filteredByMergeConstraints) {
            Map<ObjectKey, PolledObject> objects = new LinkedHashMap<>();
            List<Inconsistency> inconsistencies = new ArrayList<>();
            merged.forEach((key, object) -> {
                Kind kind = duplicated.contains(key) ? Kind.DUPLICATE_KEY : conflicted.contains(key) ? Kind.MERGE_CONFLICT : null;
                if (kind == null || (kind == Kind.MERGE_CONFLICT && policy == ConflictPolicy.KEEP_FIRST_VALUE)) {
                    objects.put(key, PolledObject.polled(object));
                    if (kind != null) {
                        inconsistencies.add(inconsistency(kind, object, Resolution.FIRST_VALUE));
                    }
                    return;
                }
                Optional<DataObject> last = lastEmitted.find(key);
                last.ifPresent(stored -> objects.put(key, new PolledObject(projection.forTemplates(stored), true)));
                inconsistencies.add(inconsistency(kind, object, last.isPresent() ? Resolution.KEPT_LAST_STATE : Resolution.DROPPED));
            });
            return new MergedType(type(), objects, inconsistencies, filteredByMergeConstraints + filtered);
        }

        private Inconsistency inconsistency(Kind kind, DataObject object, Resolution resolution) {
            return new Inconsistency(type().name(), kind, object.key(), type().describe(object), resolution);
        }
    }
}
