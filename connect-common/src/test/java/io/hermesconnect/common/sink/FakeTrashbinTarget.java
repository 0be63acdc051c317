package io.hermesconnect.common.sink;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A {@link FakeTarget} with a trash: a trashed object leaves the objects for the trash with the time, an add of a
 * trashed object recycles it, and the trash lists memberships before users (children before parents).
 */
final class FakeTrashbinTarget extends FakeTarget implements TrashbinTarget {

    final Map<ObjectKey, Instant> trash = new LinkedHashMap<>();
    private final Clock clock;

    FakeTrashbinTarget(Clock clock) {
        this.clock = clock;
    }

    @Override
    public void trash(SinkEvent event, StepProgress progress) {
        if (objects.remove(event.object()) != null) {
            trash.put(event.object(), clock.instant());
        }
        applied.add("TRASH " + event.object().values());
    }

    @Override
    public void add(SinkEvent event, StepProgress progress) {
        if (trash.remove(event.object()) != null) {
            applied.add("RECYCLE " + event.object().values());
        }
        super.add(event, progress);
    }

    @Override
    public List<TrashedObject> trashedBefore(Instant cutoff) {
        List<TrashedObject> due = new ArrayList<>();
        trash.forEach((object, trashedAt) -> {
            if (trashedAt.isBefore(cutoff)) {
                due.add(new TrashedObject(object, trashedAt, "trash/" + object.values()));
            }
        });
        due.sort(Comparator.comparing((TrashedObject trashed) -> !trashed.object().kind().endsWith("memberships")));
        return due;
    }

    @Override
    public void purge(TrashedObject object) {
        trash.remove(object.object());
        applied.add("PURGE " + object.object().values());
    }
}
