package io.hermesconnect.common.sink;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.connect.sink.SinkRecord;

/**
 * The offset of the last record the task handed the error queue, per partition. Connect delivers a batch again
 * after a {@code RetriableException}, and from the last committed offset after a failed commit: the records up to
 * this offset were applied or parked already, and handing them to the queue again would park an event twice.
 */
final class AppliedOffsets {

    private final Map<TopicPartition, Long> lastByPartition = new HashMap<>();

    /** Whether the queue has not had {@code record} yet. */
    boolean isNew(SinkRecord record) {
        Long last = lastByPartition.get(partitionOf(record));
        return last == null || record.kafkaOffset() > last;
    }

    /** Records that the queue had {@code record}. */
    void handed(SinkRecord record) {
        lastByPartition.put(partitionOf(record), record.kafkaOffset());
    }

    /** Forgets partitions the task no longer owns: another task may have handled their records meanwhile. */
    void forget(Collection<TopicPartition> partitions) {
        lastByPartition.keySet().removeAll(partitions);
    }

    private static TopicPartition partitionOf(SinkRecord record) {
        return new TopicPartition(record.topic(), record.kafkaPartition());
    }
}
