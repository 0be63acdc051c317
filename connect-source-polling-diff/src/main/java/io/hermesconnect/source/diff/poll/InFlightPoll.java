package io.hermesconnect.source.diff.poll;

import io.hermesconnect.source.diff.config.PollPlan;
import io.hermesconnect.source.diff.report.PollReport;
import io.hermesconnect.source.diff.report.PollingDiffMetrics;
import io.hermesconnect.source.diff.spill.PollSpill;
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
    private final PollSpill spill;
    private final Instant startedAt;
    private final Duration fetchAndMerge;
    private final Duration constrain;
    private final long emitStartNanos = System.nanoTime();

    InFlightPoll(PollEmission emission, PollStateWriter state, WriteBack writeBack, PollSnapshot snapshot,
                 PollSpill spill, Instant startedAt, Duration fetchAndMerge, Duration constrain) {
        this.emission = emission;
        this.state = state;
        this.writeBack = writeBack;
        this.snapshot = snapshot;
        this.spill = spill;
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
     * Writes the poll's state and deletes its spill: call only once every event was acknowledged.
     *
     * @return the poll's report
     */
    public PollReport commit() {
        Duration diffAndEmit = Duration.ofNanos(System.nanoTime() - emitStartNanos);
        Map<String, Integer> objects = new LinkedHashMap<>();
        long stateStart = System.nanoTime();
        try {
            snapshot.objects().forEach((type, spilled) -> objects.put(type, (int) spilled.size()));
            state.commit(emission.poll());
        } finally {
            spill.close();
        }
        Duration stateWrite = Duration.ofNanos(System.nanoTime() - stateStart);
        Map<String, Integer> filtered = new LinkedHashMap<>(snapshot.mergeFiltered());
        snapshot.integrityFiltered().forEach((type, count) -> filtered.merge(type, count, Integer::sum));
        return new PollReport(emission.poll(), objects, emission.eventsByOperation(), snapshot.inconsistencyCount(),
                filtered, fetchAndMerge, constrain, diffAndEmit, stateWrite);
    }

    /** Runs the write-back statements of the poll's events; failures are reported, never re-emitted. */
    public void writeBack(PollPlan plan, PollingDiffMetrics metrics) {
        writeBack.run(plan, metrics);
    }

    /** The task stops mid-poll: the state is not written, the poll will be emitted again; its spill is deleted. */
    public void abandon() {
        try {
            state.discard();
        } finally {
            spill.close();
        }
    }
}
