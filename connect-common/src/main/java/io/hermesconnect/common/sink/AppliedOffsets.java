package io.hermesconnect.common.sink;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.connect.sink.SinkRecord;

/**
 * Which records the task handled (applied, parked, or skipped), per partition. Connect delivers a batch again after
 * a {@code RetriableException}, and from the last committed offset after a failed commit: a record handled already
 * is skipped, since handing it to the error queue again would park its event twice. When the target went down in
 * the middle of a batch, the records after the first unhandled one of a partition may be handled or not (a target
 * applies several objects' events at once): each is remembered until every record before it is handled too.
 */
final class AppliedOffsets {

    /** Per partition, the offset up to which every record delivered was handled. */
    private final Map<TopicPartition, Long> handledUpTo = new HashMap<>();
    /** Per partition, the records handled after an unhandled one. */
    private final Map<TopicPartition, Set<Long>> handledAfterGap = new HashMap<>();

    /** Whether the task has not handled {@code record} yet. */
    boolean isNew(SinkRecord record) {
        TopicPartition partition = partitionOf(record);
        Long upTo = handledUpTo.get(partition);
        if (upTo != null && record.kafkaOffset() <= upTo) {
            return false;
        }
        Set<Long> afterGap = handledAfterGap.get(partition);
        return afterGap == null || !afterGap.contains(record.kafkaOffset());
    }

    /**
     * Records which records of a batch the task handled, given in the order Connect delivered them.
     *
     * @param handled the records of {@code batch} handled by this delivery
     */
    void handled(Collection<SinkRecord> batch, Set<SinkRecord> handled) {
        Set<TopicPartition> gapped = new HashSet<>();
        for (SinkRecord record : batch) {
            TopicPartition partition = partitionOf(record);
            boolean done = handled.contains(record) || !isNew(record);
            if (done && !gapped.contains(partition)) {
                handledUpTo.merge(partition, record.kafkaOffset(), Math::max);
                Set<Long> afterGap = handledAfterGap.get(partition);
                if (afterGap != null && afterGap.remove(record.kafkaOffset()) && afterGap.isEmpty()) {
                    handledAfterGap.remove(partition);
                }
            } else if (done) {
                handledAfterGap.computeIfAbsent(partition, p -> new HashSet<>()).add(record.kafkaOffset());
            } else {
                gapped.add(partition);
            }
        }
    }

    /** Forgets partitions the task no longer owns: another task may have handled their records meanwhile. */
    void forget(Collection<TopicPartition> partitions) {
        handledUpTo.keySet().removeAll(partitions);
        handledAfterGap.keySet().removeAll(partitions);
    }

    private static TopicPartition partitionOf(SinkRecord record) {
        return new TopicPartition(record.topic(), record.kafkaPartition());
    }
}
