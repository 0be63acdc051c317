package io.hermesconnect.common.sink;

import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.connect.connector.ConnectRecord;
import org.apache.kafka.connect.sink.SinkRecord;

/**
 * An event waiting in the error queue, with why it waits, since when, and how many of its steps the target
 * already performed (see {@link StepProgress}). Immutable: the queue replaces it when a retry changes it.
 *
 * @param event the event
 * @param parkedAtMs when it was parked, epoch milliseconds; a merged event keeps the earlier time
 * @param reason why it waits, for operators: the target's error, or what it waits behind; never a field value
 * @param stepsDone how many steps of the event the target performed
 * @param records the records the event stands for, in order: the one that carried it, and those of the events
 *     remediation merged into it; reading them again and merging gives the event back, which is how a store keeps it
 */
public record ParkedEvent(SinkEvent event, long parkedAtMs, String reason, int stepsDone, List<ConnectRecord<?>> records) {

    public ParkedEvent {
        records = List.copyOf(records);
        if (records.isEmpty()) {
            throw new IllegalArgumentException("A parked event stands for at least one record");
        }
    }

    /** An event parked as the record that carried it. */
    public ParkedEvent(SinkEvent event, long parkedAtMs, String reason, int stepsDone) {
        this(event, parkedAtMs, reason, stepsDone, List.of(event.record()));
    }

    /** This event after another attempt that failed. */
    ParkedEvent failedAgain(String reason, int stepsDone) {
        return new ParkedEvent(event, parkedAtMs, reason, stepsDone, records);
    }

    /** This event with {@code next} merged into it by remediation ({@link Remediation#merge}). */
    ParkedEvent mergedWith(SinkEvent next) {
        List<ConnectRecord<?>> merged = new ArrayList<>(records);
        merged.add(next.record());
        return new ParkedEvent(Remediation.merge(event, next), parkedAtMs, reason, 0, merged);
    }

    /** The topic partition of the record that carried the event: the task assigned it owns the event. */
    public TopicPartition sourcePartition() {
        ConnectRecord<?> first = records.get(0);
        return new TopicPartition(first.topic(), first.kafkaPartition() == null ? 0 : first.kafkaPartition());
    }

    /**
     * Where the record that carried the event is, as {@code topic-partition@offset}: how operators name a parked
     * object (it names no value of the object).
     */
    public String position() {
        long offset = sourceOffset();
        return sourcePartition() + "@" + (offset < 0 ? "?" : Long.toString(offset));
    }

    /** The offset of the record that carried the event, or -1 when it is no sink record. */
    long sourceOffset() {
        return records.get(0) instanceof SinkRecord sink ? sink.kafkaOffset() : -1;
    }
}
