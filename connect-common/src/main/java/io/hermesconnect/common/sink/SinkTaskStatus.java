package io.hermesconnect.common.sink;

import io.hermesconnect.common.config.EnumChoice;
import io.hermesconnect.common.jmx.JmxRegistration;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import javax.management.ObjectName;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A sink task's {@link SinkTaskMXBean}: counted and refreshed by the task's thread, read by JMX clients. Operator
 * requests from JMX wait in a queue until the task runs them on its own thread ({@link #runRequests}), since the
 * error queue is not thread-safe. Logs one line whenever the number of parked objects changes.
 */
final class SinkTaskStatus implements SinkTaskMXBean, AutoCloseable {

    /** The most parked objects {@link #getParkedObjectReasons} lists. */
    static final int MAX_LISTED = 100;
    /** How long a JMX operation waits for the task to run it before it answers that it is scheduled. */
    static final Duration REQUEST_WAIT = Duration.ofSeconds(10);
    private static final long REFRESH_INTERVAL_MS = 1000;
    private static final Logger LOG = LoggerFactory.getLogger(SinkTaskStatus.class);

    /** What an operator can ask a task to do. */
    interface OperatorActions {
        /** Retries every parked object; returns what happened. */
        String retryNow();

        /** Drops the parked object found at a record position; returns what happened. */
        String drop(String position);
    }

    private record Request(Function<OperatorActions, String> action, CompletableFuture<String> result) {
    }

    private final String taskName;
    private final Clock clock;
    private final Map<SinkOperation, AtomicLong> applied = new EnumMap<>(SinkOperation.class);
    private final AtomicLong trashed = new AtomicLong();
    private final AtomicLong purged = new AtomicLong();
    private final AtomicLong retries = new AtomicLong();
    private final AtomicLong expired = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong unreadable = new AtomicLong();
    private final Queue<Request> requests = new ConcurrentLinkedQueue<>();
    private volatile Snapshot snapshot = new Snapshot(0, 0, 0, List.of(), 0);
    private volatile long waitingSinceMs;
    private volatile String waitingReason = "";
    /** When the figures were last taken, or -1 before the first time. */
    private long lastRefreshMs = -1;
    private long appliedAtLastRefresh;
    private JmxRegistration registration;

    /** The parked objects and the rate, as of the last refresh. */
    private record Snapshot(int objects, long events, long oldestParkedAtMs, List<String> reasons, double operationsPerSecond) {
    }

    /**
     * @param taskName the connector's name and the task's number, as log lines name the task
     * @param clock the task's clock, which the ages are measured by
     */
    SinkTaskStatus(String taskName, Clock clock) {
        this.taskName = taskName;
        this.clock = clock;
        for (SinkOperation operation : SinkOperation.values()) {
            applied.put(operation, new AtomicLong());
        }
    }

    /** Registers the bean; one left by an earlier task of the same name in this JVM is replaced. */
    SinkTaskStatus register(String connector, int task) {
        registration = JmxRegistration.register(this, "io.hermesconnect:type=sink-task,connector=" + ObjectName.quote(connector)
                + ",task=" + task);
        return this;
    }

    void applied(SinkOperation operation) {
        applied.get(operation).incrementAndGet();
    }

    void trashed() {
        trashed.incrementAndGet();
    }

    void purged(int objects) {
        purged.addAndGet(objects);
    }

    void retried() {
        retries.incrementAndGet();
    }

    void expired() {
        expired.incrementAndGet();
    }

    void dropped(int events) {
        dropped.addAndGet(events);
    }

    void unreadable() {
        unreadable.incrementAndGet();
    }

    /** The target is down: logs it the first time in a row. */
    void waitingForTarget(long nowMs, String reason) {
        if (waitingSinceMs == 0) {
            waitingSinceMs = nowMs;
            LOG.warn("Sink task {} waits for its target, which is unavailable; Connect delivers the records again "
                    + "with a backoff: {}", taskName, reason);
        }
        waitingReason = reason;
    }

    /** The target answered: logs it when the task was waiting for it. */
    void targetAnswered(long nowMs) {
        if (waitingSinceMs != 0) {
            LOG.info("Sink task {}: the target is back after {} s", taskName, (nowMs - waitingSinceMs) / 1000);
            waitingSinceMs = 0;
            waitingReason = "";
        }
    }

    /**
     * Takes the rate of operations, and the parked objects' figures from {@code queue}, at most once a second (they
     * take a pass over every parked object), and at once when the number of parked objects changed, which it logs.
     */
    void refresh(ErrorQueue queue, long nowMs) {
        Snapshot before = snapshot;
        boolean due = lastRefreshMs < 0 || nowMs - lastRefreshMs >= REFRESH_INTERVAL_MS;
        if (!due && queue.parkedObjects().size() == before.objects()) {
            return;
        }
        double rate = before.operationsPerSecond();
        if (due) {
            long appliedNow = appliedTotal();
            rate = lastRefreshMs < 0 ? 0 : (appliedNow - appliedAtLastRefresh) * 1000.0 / (nowMs - lastRefreshMs);
            lastRefreshMs = nowMs;
            appliedAtLastRefresh = appliedNow;
        }
        long events = 0;
        long oldest = 0;
        List<String> reasons = new ArrayList<>();
        for (ObjectKey object : queue.parkedObjects()) {
            List<ParkedEvent> parked = queue.parkedEvents(object);
            events += parked.size();
            ParkedEvent head = parked.get(0);
            oldest = oldest == 0 ? head.parkedAtMs() : Math.min(oldest, head.parkedAtMs());
            if (reasons.size() < MAX_LISTED) {
                reasons.add(head.position() + ": " + parked.size() + " event(s) of kind '" + object.kind()
                        + "' parked since " + Instant.ofEpochMilli(head.parkedAtMs()) + ": " + head.reason());
            }
        }
        snapshot = new Snapshot(queue.parkedObjects().size(), events, oldest, List.copyOf(reasons), rate);
        logChange(before, snapshot, nowMs);
    }

    private void logChange(Snapshot before, Snapshot after, long nowMs) {
        if (before.objects() == after.objects()) {
            return;
        }
        if (after.objects() == 0) {
            LOG.info("Sink task {}: no parked object any more (there were {})", taskName, before.objects());
        } else {
            LOG.warn("Sink task {}: {} parked object(s) (was {}), {} parked event(s), the oldest parked {} s ago; "
                    + "JMX attribute ParkedObjectReasons of {} says why", taskName, after.objects(), before.objects(),
                    after.events(), (nowMs - after.oldestParkedAtMs()) / 1000, registration.name());
        }
    }

    /** Runs the operator requests that arrived since the last call, on the caller's (the task's) thread. */
    void runRequests(OperatorActions actions) {
        for (Request request = requests.poll(); request != null; request = requests.poll()) {
            try {
                request.result().complete(request.action().apply(actions));
            } catch (RuntimeException e) {
                request.result().complete("Failed: " + e.getMessage());
                throw e;
            }
        }
    }

    private String request(Function<OperatorActions, String> action) {
        Request request = new Request(action, new CompletableFuture<>());
        requests.add(request);
        try {
            return request.result().get(REQUEST_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            return "Scheduled: the task runs it at its next put()";
        } catch (ExecutionException e) {
            return "Failed: " + e.getCause().getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "Scheduled: the task runs it at its next put()";
        }
    }

    private long appliedTotal() {
        return applied.values().stream().mapToLong(AtomicLong::get).sum();
    }

    @Override
    public int getParkedObjects() {
        return snapshot.objects();
    }

    @Override
    public long getParkedEvents() {
        return snapshot.events();
    }

    @Override
    public long getOldestParkedAgeMs() {
        long oldest = snapshot.oldestParkedAtMs();
        return oldest == 0 ? 0 : clock.millis() - oldest;
    }

    @Override
    public List<String> getParkedObjectReasons() {
        return snapshot.reasons();
    }

    @Override
    public long getRetries() {
        return retries.get();
    }

    @Override
    public Map<String, Long> getAppliedEvents() {
        Map<String, Long> counts = new LinkedHashMap<>();
        applied.forEach((operation, count) -> counts.put(EnumChoice.nameOf(operation), count.get()));
        return counts;
    }

    @Override
    public long getTrashedObjects() {
        return trashed.get();
    }

    @Override
    public long getPurgedObjects() {
        return purged.get();
    }

    @Override
    public long getExpiredEvents() {
        return expired.get();
    }

    @Override
    public long getDroppedEvents() {
        return dropped.get();
    }

    @Override
    public long getUnreadableRecords() {
        return unreadable.get();
    }

    @Override
    public long getWaitingForTargetSinceMs() {
        return waitingSinceMs;
    }

    @Override
    public String getWaitingForTargetReason() {
        return waitingReason;
    }

    @Override
    public double getOperationsPerSecond() {
        return snapshot.operationsPerSecond();
    }

    @Override
    public String retryParkedObjectsNow() {
        return request(OperatorActions::retryNow);
    }

    @Override
    public String dropParkedObject(String position) {
        return request(actions -> actions.drop(position));
    }

    @Override
    public void close() {
        if (registration != null) {
            registration.close();
        }
    }
}
