package io.hermesconnect.source.wal;

import io.hermesconnect.common.event.ChangeEvent;
import io.hermesconnect.common.event.ChangeEventSchemas;
import io.hermesconnect.common.event.SourceInfo;
import io.hermesconnect.common.jmx.JmxRegistration;
import io.hermesconnect.source.wal.replication.Lsn;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;
import javax.management.ObjectName;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.source.SourceRecord;

/** The task's JMX metrics: written by the reading threads, read by JMX clients. */
public final class WalSourceMetrics implements WalSourceMetricsMBean, AutoCloseable {

    private final LongAdder events = new LongAdder();
    private volatile long lagMillis;
    private volatile long serverLsn;
    private volatile long committedLsn;
    private volatile boolean snapshotRunning;
    private volatile boolean connected;
    private volatile String lastError = "";
    private long rateSampleCount;
    private long rateSampleNanos = System.nanoTime();
    private double rate;
    private JmxRegistration registration;

    /** Registers the bean; one left by an earlier task of the same prefix in this JVM is replaced. */
    public WalSourceMetrics register(String topicPrefix) {
        registration = JmxRegistration.register(this, "io.hermesconnect:type=wal-source,name=" + ObjectName.quote(topicPrefix));
        return this;
    }

    /** A batch goes to Connect: counts its change events; the lag is that of its last one. */
    public void handedOver(List<SourceRecord> batch) {
        long count = 0;
        Struct last = null;
        for (SourceRecord record : batch) {
            if (record.value() instanceof Struct value && ChangeEvent.isEnvelope(value.schema())) {
                count++;
                last = value;
            }
        }
        events.add(count);
        if (last != null) {
            Long commitTime = last.getStruct(ChangeEventSchemas.SOURCE).getInt64(SourceInfo.TS_MS);
            lagMillis = Math.max(0, System.currentTimeMillis() - commitTime);
        }
    }

    public void idle() {
        lagMillis = 0;
    }

    public void serverLsn(long lsn) {
        serverLsn = lsn;
    }

    public void committedLsn(long lsn) {
        committedLsn = lsn;
    }

    public void snapshotRunning(boolean running) {
        snapshotRunning = running;
    }

    public void connected(boolean isConnected) {
        connected = isConnected;
    }

    public void error(String message) {
        lastError = message == null ? "" : message;
    }

    @Override
    public long getTotalEvents() {
        return events.sum();
    }

    @Override
    public synchronized double getEventsPerSecond() {
        long now = System.nanoTime();
        long count = events.sum();
        if (now - rateSampleNanos >= 1_000_000_000L) {
            rate = (count - rateSampleCount) * 1e9 / (now - rateSampleNanos);
            rateSampleCount = count;
            rateSampleNanos = now;
        }
        return rate;
    }

    @Override
    public long getLagMillis() {
        return lagMillis;
    }

    @Override
    public long getLagBytes() {
        return committedLsn == 0 ? 0 : Lsn.bytesBetween(committedLsn, serverLsn);
    }

    @Override
    public String getLastCommittedLsn() {
        return Lsn.valueOf(committedLsn).toString();
    }

    @Override
    public boolean isSnapshotRunning() {
        return snapshotRunning;
    }

    @Override
    public boolean isConnected() {
        return connected;
    }

    @Override
    public String getLastError() {
        return lastError;
    }

    @Override
    public void close() {
        if (registration != null) {
            registration.close();
        }
    }
}
