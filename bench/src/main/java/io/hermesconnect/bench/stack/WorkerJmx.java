package io.hermesconnect.bench.stack;

import com.sun.management.GarbageCollectionNotificationInfo;
import io.hermesconnect.testkit.Wait;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.MemoryUsage;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import javax.management.MBeanServerConnection;
import javax.management.Notification;
import javax.management.NotificationListener;
import javax.management.ObjectName;
import javax.management.openmbean.CompositeData;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;

/**
 * The worker JVM's heap and CPU seen over remote JMX. A {@link Window} covers one benchmark run:
 * <ul>
 *   <li><b>peak heap</b>: the most heap in use, garbage included: the largest of the heap occupancy just
 *       before each GC (from GC notifications, so no peak between samples is missed) and of samples taken
 *       every 100 ms;</li>
 *   <li><b>live heap</b>: the most heap still in use right after a GC: what the run really retained
 *       (buffers, queues, a large transaction held in memory);</li>
 *   <li><b>CPU</b>: CPU time the whole worker process used during the run.</li>
 * </ul>
 * It also starts {@link FlightRecording}s, for a run's CPU profile.
 */
public final class WorkerJmx implements AutoCloseable {

    private static final long SAMPLE_MILLIS = 100;

    private final JMXConnector connector;
    private final MBeanServerConnection server;
    private final MemoryMXBean memory;
    private final Set<String> heapPools;

    private WorkerJmx(JMXConnector connector) throws IOException {
        this.connector = connector;
        this.server = connector.getMBeanServerConnection();
        this.memory = ManagementFactory.newPlatformMXBeanProxy(server, ManagementFactory.MEMORY_MXBEAN_NAME,
                MemoryMXBean.class);
        this.heapPools = heapPoolNames(server);
    }

    static WorkerJmx connect(int port, Duration timeout) {
        JMXServiceURL url = serviceUrl(port);
        return Wait.until("JMX of the worker on port " + port, timeout, () -> {
            try {
                return new WorkerJmx(JMXConnectorFactory.connect(url));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, jmx -> true);
    }

    /** Collects garbage in the worker (so runs start alike), then starts measuring. */
    public Window open() {
        memory.gc();
        return new Window();
    }

    /** Starts a CPU-sampling flight recording in the worker; it writes {@code destination} when stopped. */
    public FlightRecording startRecording(String name, Path destination) {
        return FlightRecording.start(server, name, destination);
    }

    /** An attribute of an MBean in the worker, e.g. a connector's own metrics; null while the MBean is not registered. */
    public Object attribute(ObjectName name, String attribute) {
        try {
            return server.isRegistered(name) ? server.getAttribute(name, attribute) : null;
        } catch (Exception e) {
            throw new IllegalStateException("cannot read " + attribute + " of " + name + " in the worker", e);
        }
    }

    /** Heap and CPU figures of one run, in bytes and seconds. */
    public record Figures(long baselineHeapBytes, long peakHeapBytes, long liveHeapBytes, double cpuSeconds,
            int collections) {
    }

    /** Measures from its creation until {@link #close()}. */
    public final class Window implements AutoCloseable {
        private final long baseline = memory.getHeapMemoryUsage().getUsed();
        private final long cpuStart = processCpuNanos();
        private final AtomicLong peak = new AtomicLong(baseline);
        private final AtomicLong live = new AtomicLong(baseline);
        private final AtomicLong collections = new AtomicLong();
        private final NotificationListener gcListener = this::onGc;
        private final Set<ObjectName> collectors = collectorNames();
        private final Thread sampler = new Thread(this::sample, "worker-heap-sampler");
        private volatile boolean open = true;

        private Window() {
            for (ObjectName collector : collectors) {
                try {
                    server.addNotificationListener(collector, gcListener, null, null);
                } catch (Exception e) {
                    throw new IllegalStateException("cannot listen to GC notifications of " + collector, e);
                }
            }
            sampler.setDaemon(true);
            sampler.start();
        }

        /** Stops measuring and returns the figures. */
        public Figures figures() {
            close();
            return new Figures(baseline, peak.get(), live.get(), (processCpuNanos() - cpuStart) / 1e9,
                    (int) collections.get());
        }

        @Override
        public void close() {
            if (!open) {
                return;
            }
            open = false;
            sampler.interrupt();
            for (ObjectName collector : collectors) {
                try {
                    server.removeNotificationListener(collector, gcListener);
                } catch (Exception e) {
                    // the worker may be gone already; nothing to clean up then
                }
            }
            try {
                sampler.join(5000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        private void onGc(Notification notification, Object handback) {
            if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
                return;
            }
            var gc = GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData()).getGcInfo();
            peak.accumulateAndGet(heapSum(gc.getMemoryUsageBeforeGc()), Math::max);
            live.accumulateAndGet(heapSum(gc.getMemoryUsageAfterGc()), Math::max);
            collections.incrementAndGet();
        }

        private void sample() {
            while (open) {
                try {
                    peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                    Thread.sleep(SAMPLE_MILLIS);
                } catch (InterruptedException | RuntimeException e) {
                    return; // closed, or the worker is gone (the run reports that); GC notifications still count
                }
            }
        }
    }

    private long heapSum(Map<String, MemoryUsage> usageByPool) {
        long sum = 0;
        for (Map.Entry<String, MemoryUsage> pool : usageByPool.entrySet()) {
            if (heapPools.contains(pool.getKey())) {
                sum += pool.getValue().getUsed();
            }
        }
        return sum;
    }

    private long processCpuNanos() {
        try {
            return (Long) server.getAttribute(new ObjectName(ManagementFactory.OPERATING_SYSTEM_MXBEAN_NAME),
                    "ProcessCpuTime");
        } catch (Exception e) {
            throw new IllegalStateException("cannot read the worker's CPU time", e);
        }
    }

    private Set<ObjectName> collectorNames() {
        try {
            return server.queryNames(new ObjectName(ManagementFactory.GARBAGE_COLLECTOR_MXBEAN_DOMAIN_TYPE + ",*"), null);
        } catch (Exception e) {
            throw new IllegalStateException("cannot list the worker's garbage collectors", e);
        }
    }

    private static Set<String> heapPoolNames(MBeanServerConnection server) throws IOException {
        Set<String> names = new HashSet<>();
        try {
            for (ObjectName pool : server.queryNames(new ObjectName(ManagementFactory.MEMORY_POOL_MXBEAN_DOMAIN_TYPE + ",*"), null)) {
                if ("HEAP".equals(String.valueOf(server.getAttribute(pool, "Type")))) {
                    names.add(pool.getKeyProperty("name"));
                }
            }
        } catch (IOException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("cannot list the worker's heap pools", e);
        }
        return names;
    }

    private static JMXServiceURL serviceUrl(int port) {
        try {
            return new JMXServiceURL("service:jmx:rmi:///jndi/rmi://127.0.0.1:" + port + "/jmxrmi");
        } catch (java.net.MalformedURLException e) {
            throw new IllegalArgumentException(e);
        }
    }

    @Override
    public void close() {
        try {
            connector.close();
        } catch (IOException e) {
            // the worker is stopping: its JMX connection may be gone already
        }
    }
}
