package io.hermesconnect.source.wal;

/** The WAL source's JMX attributes, under {@code io.hermesconnect:type=wal-source,name=<topic.prefix>}. */
public interface WalSourceMetricsMBean {

    /** Change events emitted (snapshot and streaming) since the task started. */
    long getTotalEvents();

    /** Change events per second, over the time since the previous read of this attribute (at least one second). */
    double getEventsPerSecond();

    /** Milliseconds from the commit in PostgreSQL to the event's hand-over to Connect, for the last transaction; 0 when idle. */
    long getLagMillis();

    /** Bytes of WAL between the server's position and the slot's confirmed position. */
    long getLagBytes();

    /** The last LSN confirmed to the slot after Connect committed the records, {@code X/Y}. */
    String getLastCommittedLsn();

    /** Whether the initial snapshot is running. */
    boolean isSnapshotRunning();

    /** Whether the replication stream is connected. */
    boolean isConnected();

    /** The last error the task recovered from (e.g. the slot being in use), or empty. */
    String getLastError();
}
