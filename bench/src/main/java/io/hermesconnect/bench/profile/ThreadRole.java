package io.hermesconnect.bench.profile;

import java.util.List;

/** What a worker thread does in a source connector's run. */
public enum ThreadRole {
    /** Connect's loop around the task: its poll(), the converter, producer.send(). */
    TASK("task thread"),
    /** {@code kafka-producer-network-thread | <client>}: sends the batches to the broker, handles its responses. */
    PRODUCER_NETWORK("producer network thread"),
    /**
     * A connector's own threads, {@code hermes-wal-<prefix>} and Debezium's
     * {@code debezium-postgresconnector-<name>-<part>}: the replication reader that decodes and queues the
     * events for the task thread.
     */
    CONNECTOR("connector's own threads"),
    /** Everything else: the herder, Connect's internal topics, JMX, REST. */
    OTHER("other threads");

    /**
     * On the stack of every task thread. Connect renames a pool thread to {@code task-thread-<task>} while it
     * runs a task, but JDK 17's JFR keeps reporting the name the thread had when JFR first saw it
     * ({@code pool-2-thread-1}), so the name alone does not tell.
     */
    private static final String TASK_LOOP = "org.apache.kafka.connect.runtime.WorkerTask.run";

    private final String label;

    ThreadRole(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** @param frames the sampled stack, leaf first, each frame {@code package.Class.method} */
    public static ThreadRole of(String threadName, List<String> frames) {
        if (threadName.startsWith("task-thread-") || frames.contains(TASK_LOOP)) {
            return TASK;
        }
        if (threadName.startsWith("kafka-producer-network-thread")) {
            return PRODUCER_NETWORK;
        }
        return threadName.startsWith("hermes-") || threadName.startsWith("debezium-") ? CONNECTOR : OTHER;
    }
}
