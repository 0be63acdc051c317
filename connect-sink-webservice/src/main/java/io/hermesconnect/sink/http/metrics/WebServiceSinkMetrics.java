package io.hermesconnect.sink.http.metrics;

import io.hermesconnect.common.config.EnumChoice;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The task's request metrics: written by the threads that send requests, read by JMX clients. Thread-safe. */
public final class WebServiceSinkMetrics implements WebServiceSinkMetricsMXBean, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(WebServiceSinkMetrics.class);
    private static final int LATENCY_WINDOW = 1024;
    private static final int RATE_WINDOW_SECONDS = 60;

    private final LongSupplier nanoClock;
    private final AtomicLong requests = new AtomicLong();
    private final Map<RetryCause, AtomicLong> retries = new EnumMap<>(RetryCause.class);
    /** The last {@link #LATENCY_WINDOW} latencies in ns, a ring written at {@code latencyCount % LATENCY_WINDOW}. */
    private final long[] latencies = new long[LATENCY_WINDOW];
    private long latencyCount;
    /** Requests per second of the last {@link #RATE_WINDOW_SECONDS} seconds, a ring indexed by the second. */
    private final long[] perSecond = new long[RATE_WINDOW_SECONDS];
    private final long[] secondOfSlot = new long[RATE_WINDOW_SECONDS];
    private ObjectName name;

    public WebServiceSinkMetrics() {
        this(System::nanoTime);
    }

    // visible for testing: a clock the test moves
    WebServiceSinkMetrics(LongSupplier nanoClock) {
        this.nanoClock = nanoClock;
        for (RetryCause cause : RetryCause.values()) {
            retries.put(cause, new AtomicLong());
        }
    }

    /** Registers the bean; one left by an earlier task of the same name in this JVM is replaced. */
    public WebServiceSinkMetrics register(String connector, String task) {
        try {
            MBeanServer server = ManagementFactory.getPlatformMBeanServer();
            ObjectName objectName = ObjectName.getInstance("io.hermesconnect:type=http-sink,connector="
                    + ObjectName.quote(connector) + ",task=" + ObjectName.quote(task));
            if (server.isRegistered(objectName)) {
                server.unregisterMBean(objectName);
            }
            server.registerMBean(this, objectName);
            name = objectName;
        } catch (JMException e) {
            LOG.warn("Cannot register the HTTP sink metrics of connector {} task {}: {}", connector, task, e.toString());
        }
        return this;
    }

    /** A request got an answer or failed after {@code latency}. */
    public synchronized void requestDone(Duration latency) {
        requests.incrementAndGet();
        latencies[(int) (latencyCount++ % LATENCY_WINDOW)] = latency.toNanos();
        long second = nanoClock.getAsLong() / 1_000_000_000L;
        int slot = (int) (second % RATE_WINDOW_SECONDS);
        if (secondOfSlot[slot] != second) {
            secondOfSlot[slot] = second;
            perSecond[slot] = 0;
        }
        perSecond[slot]++;
    }

    /** A request is sent again. */
    public void retried(RetryCause cause) {
        retries.get(cause).incrementAndGet();
    }

    @Override
    public long getRequests() {
        return requests.get();
    }

    @Override
    public synchronized double getRequestsPerSecond() {
        long now = nanoClock.getAsLong() / 1_000_000_000L;
        long total = 0;
        for (int slot = 0; slot < RATE_WINDOW_SECONDS; slot++) {
            if (now - secondOfSlot[slot] < RATE_WINDOW_SECONDS) {
                total += perSecond[slot];
            }
        }
        return (double) total / RATE_WINDOW_SECONDS;
    }

    @Override
    public double getLatencyP50Ms() {
        return latencyPercentile(0.50);
    }

    @Override
    public double getLatencyP99Ms() {
        return latencyPercentile(0.99);
    }

    @Override
    public Map<String, Long> getRetriesByCause() {
        Map<String, Long> byCause = new TreeMap<>();
        retries.forEach((cause, count) -> byCause.put(EnumChoice.nameOf(cause), count.get()));
        return byCause;
    }

    /** The nearest-rank percentile of the latency window in ms; 0 before the first request. */
    private synchronized double latencyPercentile(double fraction) {
        int size = (int) Math.min(latencyCount, LATENCY_WINDOW);
        if (size == 0) {
            return 0;
        }
        long[] sorted = Arrays.copyOf(latencies, size);
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(fraction * size);
        return sorted[Math.max(rank, 1) - 1] / 1_000_000.0;
    }

    @Override
    public void close() {
        if (name != null) {
            try {
                ManagementFactory.getPlatformMBeanServer().unregisterMBean(name);
            } catch (JMException e) {
                LOG.debug("HTTP sink metrics {} were already unregistered", name);
            }
            name = null;
        }
    }
}
