package io.hermesconnect.source.diff.report;

import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;

/**
 * What one completed poll did, for its log line and JMX.
 *
 * @param poll         the poll's sequence number
 * @param objects      objects per type after merge and integrity constraints
 * @param events       events emitted per operation code ({@code c}, {@code r}, {@code u}, {@code d})
 * @param conflicts    merge conflicts and duplicate keys, all types
 * @param filtered     objects left out by merge and integrity constraints, per type
 * @param fetchAndMerge time to fetch every source and merge them
 * @param constrain    time to apply the integrity constraints
 * @param diffAndEmit  time from the first diff to the last event acknowledged
 * @param stateWrite   time to write the state once the events were acknowledged
 */
public record PollReport(long poll, Map<String, Integer> objects, Map<String, Long> events, int conflicts,
                         Map<String, Integer> filtered, Duration fetchAndMerge, Duration constrain, Duration diffAndEmit,
                         Duration stateWrite) {

    /** Copies the maps. */
    public PollReport {
        objects = Map.copyOf(objects);
        events = Map.copyOf(events);
        filtered = Map.copyOf(filtered);
    }

    /** The whole poll, fetch to state written. */
    public Duration total() {
        return fetchAndMerge.plus(constrain).plus(diffAndEmit).plus(stateWrite);
    }

    /** Events of every operation. */
    public long totalEvents() {
        return events.values().stream().mapToLong(Long::longValue).sum();
    }

    /** One line: counts and durations, no object's values. */
    public String logLine() {
        return "Poll " + poll + " done in " + total().toMillis() + " ms: objects " + new TreeMap<>(objects)
                + ", events " + new TreeMap<>(events) + ", conflicts " + conflicts + ", filtered " + new TreeMap<>(filtered)
                + " (fetch+merge " + fetchAndMerge.toMillis() + " ms, constraints " + constrain.toMillis()
                + " ms, diff+emit " + diffAndEmit.toMillis() + " ms, state " + stateWrite.toMillis() + " ms)";
    }
}
