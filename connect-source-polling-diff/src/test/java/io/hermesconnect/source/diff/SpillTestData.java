package io.hermesconnect.source.diff;

import io.hermesconnect.source.diff.merge.KeyMergeConstraint;
import io.hermesconnect.source.diff.merge.SourceObjects;
import io.hermesconnect.source.diff.model.DataObject;
import io.hermesconnect.source.diff.model.NamedTemplate;
import io.hermesconnect.source.diff.model.ObjectKey;
import io.hermesconnect.source.diff.model.PolledObject;
import io.hermesconnect.source.diff.spill.PollSpill;
import io.hermesconnect.source.diff.spill.SpilledKeys;
import io.hermesconnect.source.diff.spill.SpilledObjects;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Spilled objects for the poll's unit tests, filled as the fetch fills them, and read back onto the heap. */
public final class SpillTestData {

    private SpillTestData() {
    }

    /** A source's objects as the fetch spills them: the first object of each key, the keys given twice noted. */
    public static SourceObjects source(PollSpill spill, String name, KeyMergeConstraint constraint,
                                       List<NamedTemplate> mergeConstraints, List<DataObject> objects) {
        SpilledObjects spilled = spill.newObjects();
        SpilledKeys duplicated = spill.newKeys();
        for (DataObject object : objects) {
            if (!spilled.addIfAbsent(object)) {
                duplicated.add(object.key());
            }
        }
        return new SourceObjects(name, constraint, mergeConstraints, spilled, duplicated);
    }

    /** Polled objects, spilled. */
    public static SpilledObjects spilled(PollSpill spill, List<DataObject> objects) {
        SpilledObjects spilled = spill.newObjects();
        objects.forEach(object -> spilled.put(PolledObject.polled(object)));
        return spilled;
    }

    /** The spilled objects on the heap, in key order. */
    public static Map<ObjectKey, PolledObject> onHeap(SpilledObjects objects) {
        Map<ObjectKey, PolledObject> byKey = new LinkedHashMap<>();
        objects.forEach(object -> byKey.put(object.key(), object));
        return byKey;
    }
}
