package io.hermesconnect.source.diff.report;

import java.util.Map;

/**
 * The polling-diff source's JMX attributes, under {@code io.hermesconnect:type=polling-diff-source,name=<topic.prefix>}: an
 * MXBean, so that the maps show as tables in any JMX client.
 */
public interface PollingDiffMetricsMXBean {

    /** Polls completed (events acknowledged and state written) since the task started. */
    long getPollsCompleted();

    /** Polls that failed (a source, a template or a value) and emitted nothing, since the task started. */
    long getPollsFailed();

    /** The sequence number of the last completed poll. */
    long getLastPoll();

    /** Milliseconds the last completed poll took, fetch to state written. */
    long getLastPollMillis();

    /** Fetch and merge milliseconds of the last completed poll. */
    long getLastFetchMergeMillis();

    /** Integrity-constraint milliseconds of the last completed poll. */
    long getLastConstraintMillis();

    /** Diff and emit milliseconds (to the last acknowledgement) of the last completed poll. */
    long getLastDiffEmitMillis();

    /** State-write milliseconds of the last completed poll. */
    long getLastStateWriteMillis();

    /** Objects per type in the last completed poll. */
    Map<String, Integer> getObjectsPerType();

    /** Events per operation code in the last completed poll. */
    Map<String, Long> getEventsPerOperation();

    /** Merge conflicts and duplicate keys in the last completed poll. */
    int getConflicts();

    /** Objects left out by constraints, per type, in the last completed poll. */
    Map<String, Integer> getFilteredPerType();

    /** Why the last poll failed, or empty when it succeeded. */
    String getLastError();

    /** Write-back statements that failed since the task started. */
    long getWriteBackFailures();
}
