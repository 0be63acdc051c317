package io.hermesconnect.common.sink;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Events the error queue hands a target together ({@link BatchTarget#applyAll}), which the target may apply in any
 * order across objects: an event that depends on an earlier event of the run on another object does not fit, so
 * that a group is created before its membership and a child removed before its parent. Events of one object fit:
 * the target applies them in order.
 */
final class EventRun {

    private final List<SinkEvent> events = new ArrayList<>();
    private final Set<ObjectKey> objects = new HashSet<>();
    /** The objects the run's events name through their foreign keys, their own objects aside. */
    private final Set<ObjectKey> parents = new HashSet<>();

    /**
     * Whether {@code event} depends on an earlier event of the run on another object: its foreign keys name an
     * object with an event in the run, or an event of the run names its object.
     */
    boolean dependsOnRun(SinkEvent event) {
        if (parents.contains(event.object())) {
            return true;
        }
        for (ObjectKey parent : event.parents()) {
            if (!parent.equals(event.object()) && objects.contains(parent)) {
                return true;
            }
        }
        return false;
    }

    /** Whether the run holds an event of {@code object}. */
    boolean holds(ObjectKey object) {
        return objects.contains(object);
    }

    void add(SinkEvent event) {
        events.add(event);
        objects.add(event.object());
        for (ObjectKey parent : event.parents()) {
            if (!parent.equals(event.object())) {
                parents.add(parent);
            }
        }
    }

    boolean isEmpty() {
        return events.isEmpty();
    }

    List<SinkEvent> events() {
        return events;
    }
}
