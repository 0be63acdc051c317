package io.hermesconnect.source.diff.poll;

import io.hermesconnect.source.diff.config.PollPlan;
import io.hermesconnect.source.diff.report.PollReport;
import io.hermesconnect.source.diff.report.PollingDiffMetrics;
import io.hermesconnect.source.diff.store.PollStateWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A poll whose snapshot was built and whose events are being handed over: its emission, the state it writes, and the
 * figures of its report.
 */
public final class InFlightPoll {

    private final PollEmission emission;
    private final PollStateWriter state;
    private final WriteBack writeBack;
    private final PollSnapshot snapshot;
    private final Instant startedAt;
    private final Duration fetchAndMerge;
    private final Duration constrain;
    private final long emitStartNanos = System.nanoTime();

    InFlightPoll(PollEmission emission, PollStateWriter state, WriteBack writeBack, PollSnapshot snapshot,
                 Instant startedAt, Duration fetchAndMerge, Duration constrain) {
        this.emission = emission;
        this.state = state;
        this.writeBack = writeBack;
        this.snapshot = snapshot;
        this.startedAt = startedAt;
        this.fetchAndMerge = fetchAndMerge;
        this.constrain = constrain;
    }

    /** The events being handed over. */
    public PollEmission emission() {
        return emission;
    }

    /** When the poll's fetch started: the next poll is due an interval later. */
    public Instant startedAt() {
        return startedAt;
    }

    /**
     * Writes the poll's state: call only once every event was acknowledged.
     *
     * @return the poll's report
     */
    public PollReport commit() {
        Duration diffAndEmit = Duration.ofNanos(System.nanoTime() - emitStartNanos);
        long stateStart = System.nanoTime();
        state.commit(emission.poll());
        Duration stateWrite = Duration.ofNanos(System.nanoTime() - stateStart);
        Map<String, Integer> filtered = new LinkedHashMap<>(snapshot.mergeFiltered());
        snapshot.integrityFiltered().forEach((type, count) -> filtered.merge(type, count, Integer::sum));
        Map<String, Integer> objects = new LinkedHashMap<>();
        snapshot.objects().forEach((type, byKey) -> objects.put(type, byKey.size()));
        return new PollReport(emission.poll(), objects, emission.eventsByOperation(), snapshot.inconsistencies().size(),
                filtered, fetchAndMerge, constrain, diffAndEmit, stateWrite);
    }

    /** Runs the write-back statements of the poll's events; failures are reported, never re-emitted. */
    public void writeBack(PollPlan plan, PollingDiffMetrics metrics) {
        writeBack.run(plan, metrics);
    }

    /** The task stops mid-poll: the state is not written, the poll will be emitted again. */
    public void abandon() {
        state.discard();
    }
}
