package io.hermesconnect.common.sink;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A target holding objects in memory, with the rules a directory has: a membership needs its user, and objects
 * can be made to fail on demand (a schema violation fixed later, a server down). Applying an event with
 * {@link #steps} steps performs them one by one, so a test sees which steps a retry repeats.
 */
class FakeTarget implements SinkTarget {

    final Map<ObjectKey, Map<String, Object>> objects = new LinkedHashMap<>();
    /** Every operation performed, as "OPERATION [key values]", in order. */
    final List<String> applied = new ArrayList<>();
    /** Every step performed, as "key:step". */
    final List<String> stepsPerformed = new ArrayList<>();
    /** Objects the target refuses, as a data error. */
    final Set<ObjectKey> refused = new HashSet<>();
    /** The step at which an object's events fail, as a data error; other steps succeed. */
    final Map<ObjectKey, Integer> failingStep = new HashMap<>();
    /** Objects whose operations fail as if the target were down, as when it goes down in the middle of a batch. */
    final Set<ObjectKey> unreachable = new HashSet<>();
    boolean down;
    int steps = 1;

    @Override
    public void add(SinkEvent event, StepProgress progress) {
        makeEqual(event, progress);
    }

    @Override
    public void modify(SinkEvent event, StepProgress progress) {
        makeEqual(event, progress);
    }

    @Override
    public void remove(SinkEvent event, StepProgress progress) {
        check(event);
        objects.remove(event.object());
        applied.add("REMOVE " + event.object().values());
    }

    private void makeEqual(SinkEvent event, StepProgress progress) {
        check(event);
        for (ObjectKey parent : event.parents()) {
            if (!objects.containsKey(parent)) {
                throw new TargetDataException("no such parent of kind " + parent.kind());
            }
        }
        for (int step = 1; step <= steps; step++) {
            if (progress.pending(step)) {
                if (failingStep.get(event.object()) != null && failingStep.get(event.object()) == step) {
                    throw new TargetDataException("step " + step + " refused");
                }
                stepsPerformed.add(event.object().values() + ":" + step);
                progress.done(step);
            }
        }
        Map<String, Object> state = new LinkedHashMap<>(objects.getOrDefault(event.object(), Map.of()));
        state.keySet().retainAll(event.unchanged());
        state.putAll(event.after());
        objects.put(event.object(), state);
        applied.add(event.operation() + " " + event.object().values());
    }

    private void check(SinkEvent event) {
        if (down || unreachable.contains(event.object())) {
            throw new TargetUnavailableException("connection refused");
        }
        if (refused.contains(event.object())) {
            throw new TargetDataException("object class violation: attribute 'cn' not allowed");
        }
    }
}
