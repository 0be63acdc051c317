package io.hermesconnect.source.diff.merge;

import io.hermesconnect.source.diff.merge.Inconsistency.Kind;
import io.hermesconnect.source.diff.merge.Inconsistency.Resolution;
import io.hermesconnect.source.diff.model.DataObject;
import io.hermesconnect.source.diff.model.ObjectKey;
import io.hermesconnect.source.diff.model.ObjectType;
import io.hermesconnect.source.diff.model.PolledObject;
import io.hermesconnect.source.diff.spill.PollSpill;
import io.hermesconnect.source.diff.spill.SpilledObjects;
import io.hermesconnect.source.diff.state.StateProjection;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

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
 * A key that a key merge constraint removes is gone whatever its sources said about it.
 *
 * <p>A sorted merge: every source is spilled sorted by key, so one pass over all of them at once sees each key with
 * what each source gave for it, folds the sources in declared order, and appends the result to the type's spilled
 * map. Linear in the number of objects, with one object per source on the heap; disagreements are resolved by point
 * look-ups in the last emitted state.
 */
public final class TypeMerger {

    /** How many inconsistencies of a type are kept for the log; the rest are only counted. */
    public static final int INCONSISTENCIES_KEPT = 1_000;

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
     * Merges the sources; the merge constraints remove the objects that fail from the sources' maps.
     *
     * @param sources     the type's sources in declared order, at least one
     * @param lastEmitted the state the disagreements fall back to
     * @param spill       where the merged objects go
     * @throws io.hermesconnect.source.diff.model.PollAbortedException when a merge constraint or {@code to.string} fails
     */
    public MergedType merge(List<SourceObjects> sources, LastEmittedState lastEmitted, PollSpill spill) {
        if (sources.isEmpty()) {
            throw new IllegalArgumentException("Type '" + type().name() + "' needs at least one source");
        }
        int filteredByConstraints = MergeConstraints.apply(type(), sources, spill);
        Merge merge;
        if (sources.size() == 1) {
            // nothing to combine: the source's map is the type's, once its duplicate keys are resolved
            merge = new Merge(sources, lastEmitted, sources.get(0).objects());
            merge.resolveDuplicates();
        } else {
            merge = new Merge(sources, lastEmitted, spill.newObjects());
            merge.run();
        }
        return new MergedType(type(), merge.merged, merge.inconsistencies, merge.inconsistencyCount,
                filteredByConstraints + merge.filtered);
    }

    private ObjectType type() {
        return projection.type();
    }

    /** One sorted merge: a cursor per source, advanced together key by key. */
    private final class Merge {
        private final List<SourceObjects> sources;
        private final List<Iterator<PolledObject>> cursors = new ArrayList<>();
        private final DataObject[] heads;
        private final LastEmittedState lastEmitted;
        private final SpilledObjects merged;
        private final List<Inconsistency> inconsistencies = new ArrayList<>();
        private int inconsistencyCount;
        private int filtered;

        Merge(List<SourceObjects> sources, LastEmittedState lastEmitted, SpilledObjects merged) {
            this.sources = sources;
            this.lastEmitted = lastEmitted;
            this.merged = merged;
            this.heads = new DataObject[sources.size()];
        }

        /** One source that is already the type's map: only the keys it gave twice have to be resolved. */
        void resolveDuplicates() {
            for (ObjectKey key : sources.get(0).duplicated()) {
                merged.get(key).ifPresent(object -> resolve(object.object(), Kind.DUPLICATE_KEY));
            }
        }

        void run() {
            for (int i = 0; i < sources.size(); i++) {
                cursors.add(sources.get(i).objects().iterator());
                advance(i);
            }
            ObjectKey key;
            while ((key = smallestHead()) != null) {
                DataObject[] given = new DataObject[heads.length];
                for (int i = 0; i < heads.length; i++) {
                    if (heads[i] != null && heads[i].key().equals(key)) {
                        given[i] = heads[i];
                        advance(i);
                    }
                }
                fold(key, given);
            }
        }

        private void advance(int source) {
            Iterator<PolledObject> cursor = cursors.get(source);
            heads[source] = cursor.hasNext() ? cursor.next().object() : null;
        }

        private ObjectKey smallestHead() {
            ObjectKey smallest = null;
            for (DataObject head : heads) {
                if (head != null && (smallest == null || head.key().compareTo(smallest) < 0)) {
                    smallest = head.key();
                }
            }
            return smallest;
        }

        /** What the sources, in declared order, make of one key: {@code given[i]} is source i's object or null. */
        private void fold(ObjectKey key, DataObject[] given) {
            DataObject object = given[0];
            boolean conflicted = false;
            for (int i = 1; i < given.length; i++) {
                KeyMergeConstraint constraint = sources.get(i).keyConstraint();
                if (given[i] == null) {
                    if (object != null && constraint == KeyMergeConstraint.MUST_EXIST_IN_BOTH) {
                        object = null;
                        filtered++;
                    }
                } else if (object == null) {
                    if (constraint == KeyMergeConstraint.NO_CONSTRAINT || constraint == KeyMergeConstraint.MUST_NOT_EXIST) {
                        object = given[i];
                    } else {
                        filtered++;
                    }
                } else if (constraint == KeyMergeConstraint.MUST_NOT_EXIST) {
                    object = null;
                    filtered++;
                } else {
                    conflicted |= conflicts(object, given[i]);
                    object = combine(object, given[i]);
                }
            }
            if (object != null) {
                resolve(object, duplicated(key, given) ? Kind.DUPLICATE_KEY : conflicted ? Kind.MERGE_CONFLICT : null);
            }
        }

        private boolean duplicated(ObjectKey key, DataObject[] given) {
            for (int i = 0; i < given.length; i++) {
                if (given[i] != null && !sources.get(i).duplicated().isEmpty() && sources.get(i).duplicated().contains(key)) {
                    return true;
                }
            }
            return false;
        }

        /** Whether the two give one attribute different values. */
        private static boolean conflicts(DataObject existing, DataObject object) {
            for (Map.Entry<String, Object> attribute : object.attributes().entrySet()) {
                Object first = existing.get(attribute.getKey());
                if (first != null && !first.equals(attribute.getValue())) {
                    return true;
                }
            }
            return false;
        }

        /** The attributes of both; on a conflict the first value stays. */
        private static DataObject combine(DataObject existing, DataObject object) {
            Map<String, Object> attributes = new LinkedHashMap<>(existing.attributes());
            object.attributes().forEach(attributes::putIfAbsent);
            return DataObject.ofNormal(object.key(), attributes);
        }

        private void resolve(DataObject object, Kind kind) {
            if (kind == null || (kind == Kind.MERGE_CONFLICT && policy == ConflictPolicy.KEEP_FIRST_VALUE)) {
                merged.put(PolledObject.polled(object));
                if (kind != null) {
                    report(kind, object, Resolution.FIRST_VALUE);
                }
                return;
            }
            Optional<DataObject> last = lastEmitted.find(object.key());
            if (last.isPresent()) {
                merged.put(new PolledObject(projection.forTemplates(last.get()), true));
            } else {
                merged.remove(object.key());
            }
            report(kind, object, last.isPresent() ? Resolution.KEPT_LAST_STATE : Resolution.DROPPED);
        }

        private void report(Kind kind, DataObject object, Resolution resolution) {
            inconsistencyCount++;
            if (inconsistencies.size() < INCONSISTENCIES_KEPT) {
                inconsistencies.add(new Inconsistency(type().name(), kind, object.key(), type().describe(object), resolution));
            }
        }
    }
}
