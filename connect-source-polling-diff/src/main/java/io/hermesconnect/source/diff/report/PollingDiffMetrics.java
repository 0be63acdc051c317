package io.hermesconnect.source.diff.report;

import io.hermesconnect.common.jmx.JmxRegistration;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import javax.management.ObjectName;

/** The task's JMX metrics: written by the task's thread after each poll, read by JMX clients. */
public final class PollingDiffMetrics implements PollingDiffMetricsMXBean, AutoCloseable {

    private final AtomicLong completed = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final AtomicLong writeBackFailures = new AtomicLong();
    /** Before the first completed poll: no objects, no events, no time. */
    private volatile PollReport last = new PollReport(0, Map.of(), Map.of(), 0, Map.of(), Duration.ZERO, Duration.ZERO,
            Duration.ZERO, Duration.ZERO);
    private volatile String lastError = "";
    private JmxRegistration registration;

    /** Registers the bean; one left by an earlier task of the same prefix in this JVM is replaced. */
    public PollingDiffMetrics register(String topicPrefix) {
        registration = JmxRegistration.register(this, "io.hermesconnect:type=polling-diff-source,name="
                + ObjectName.quote(topicPrefix));
        return this;
    }

    /** A poll completed. */
    public void completed(PollReport report) {
        last = report;
        lastError = "";
        completed.incrementAndGet();
    }

    /** A poll failed and emitted nothing. */
    public void failed(String reason) {
        lastError = reason;
        failed.incrementAndGet();
    }

    /** A write-back statement failed. */
    public void writeBackFailed() {
        writeBackFailures.incrementAndGet();
    }

    @Override
    public long getPollsCompleted() {
        return completed.get();
    }

    @Override
    public long getPollsFailed() {
        return failed.get();
    }

    @Override
    public long getLastPoll() {
        return last.poll();
    }

    @Override
    public long getLastPollMillis() {
        return last.total().toMillis();
    }

    @Override
    public long getLastFetchMergeMillis() {
        return last.fetchAndMerge().toMillis();
    }

    @Override
    public long getLastConstraintMillis() {
        return last.constrain().toMillis();
    }

    @Override
    public long getLastDiffEmitMillis() {
        return last.diffAndEmit().toMillis();
    }

    @Override
    public long getLastStateWriteMillis() {
        return last.stateWrite().toMillis();
    }

    @Override
    public Map<String, Integer> getObjectsPerType() {
        return last.objects();
    }

    @Override
    public Map<String, Long> getEventsPerOperation() {
        return last.events();
    }

    @Override
    public int getConflicts() {
        return last.conflicts();
    }

    @Override
    public Map<String, Integer> getFilteredPerType() {
        return last.filtered();
    }

    @Override
    public String getLastError() {
        return lastError;
    }

    @Override
    public long getWriteBackFailures() {
        return writeBackFailures.get();
    }

    @Override
    public void close() {
        if (registration != null) {
            registration.close();
        }
    }
}
