package io.hermesconnect.common.sink;

import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Removes for good the objects a {@link TrashbinTarget} trashed longer than the retention ago, in the order the
 * target lists them (children before parents), skipping an object with parked events (an add waiting to recycle
 * it) or that a parked object still needs by the foreign-key policy: the next purge tries it again.
 */
final class TrashPurge {

    private static final Logger LOG = LoggerFactory.getLogger(TrashPurge.class);

    private final TrashbinTarget trashbin;
    private final Duration retention;
    private final Clock clock;

    TrashPurge(TrashbinTarget trashbin, Duration retention, Clock clock) {
        this.trashbin = trashbin;
        this.retention = retention;
        this.clock = clock;
    }

    /**
     * Purges what is due; returns how many objects it removed. A {@link TargetDataException} on one object is
     * logged and the others go on; a {@link TargetUnavailableException} propagates.
     */
    int purge(ErrorQueue queue) {
        int purged = 0;
        int skipped = 0;
        for (TrashedObject trashed : trashbin.trashedBefore(clock.instant().minus(retention))) {
            if (!queue.mayRemove(trashed.object())) {
                skipped++;
                continue;
            }
            try {
                trashbin.purge(trashed);
                purged++;
            } catch (TargetDataException e) {
                LOG.warn("Could not purge {} from the trash; the next purge tries again: {}", trashed.object(),
                        e.getMessage());
            }
        }
        if (purged > 0 || skipped > 0) {
            LOG.info("Purged {} object(s) from the trash; {} kept for parked objects that need them", purged, skipped);
        }
        return purged;
    }
}
