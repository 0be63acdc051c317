package io.hermesconnect.common.sink;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Which parked objects need which parents: the objects their parked events' foreign keys point to. */
final class ParentIndex {

    private final Map<ObjectKey, Set<ObjectKey>> childrenByParent = new HashMap<>();
    private final Map<ObjectKey, Set<ObjectKey>> parentsByChild = new HashMap<>();

    /** Records the parents a parked object's events need now, replacing what it needed before. */
    void update(ObjectKey child, List<ParkedEvent> events) {
        remove(child);
        Set<ObjectKey> parents = new HashSet<>();
        events.forEach(parked -> parents.addAll(parked.event().parents()));
        parents.remove(child);
        if (!parents.isEmpty()) {
            parentsByChild.put(child, parents);
            parents.forEach(parent -> childrenByParent.computeIfAbsent(parent, p -> new HashSet<>()).add(child));
        }
    }

    /** Forgets an object that has no parked events any more. */
    void remove(ObjectKey child) {
        Set<ObjectKey> parents = parentsByChild.remove(child);
        if (parents != null) {
            for (ObjectKey parent : parents) {
                Set<ObjectKey> children = childrenByParent.get(parent);
                children.remove(child);
                if (children.isEmpty()) {
                    childrenByParent.remove(parent);
                }
            }
        }
    }

    /** Whether a parked object needs {@code parent}. */
    boolean isNeeded(ObjectKey parent) {
        return childrenByParent.containsKey(parent);
    }
}
