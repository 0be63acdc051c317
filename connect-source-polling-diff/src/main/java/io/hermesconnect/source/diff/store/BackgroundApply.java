package io.hermesconnect.source.diff.store;

import io.hermesconnect.common.kafka.CompactedTopic;
import io.hermesconnect.source.diff.model.BatchHandOver;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.connect.errors.ConnectException;

/**
 * Reads the state topic into the local copy with two threads ({@link BatchHandOver}): the consumer's fetches are
 * decoded on the reading thread while a thread of its own puts the records read before into the copy's B-trees. A
 * restore spends about a third of its time in the first and two thirds in the second (measured), so on two cores it
 * ends sooner. One batch is one consumer poll; at most {@value #BATCHES_AHEAD} wait, so the heap stays flat.
 *
 * <p>Use: {@link CompactedTopic#read} with it as the reader, then {@link #finish}; {@link #close} in any case.
 */
final class BackgroundApply implements CompactedTopic.Reader, AutoCloseable {

    private static final int BATCHES_AHEAD = 2;

    private record Batch(List<ConsumerRecord<byte[], byte[]>> records, long nextOffset) {
    }

    private final LocalCopy local;
    private final String topic;
    private final BatchHandOver<Batch> handOver;
    private List<ConsumerRecord<byte[], byte[]>> batch = new ArrayList<>();

    /** Starts the applying thread, which writes to {@code local} until {@link #finish} or {@link #close}. */
    BackgroundApply(LocalCopy local, String topic) {
        this.local = local;
        this.topic = topic;
        this.handOver = new BatchHandOver<>("polling-diff-state-apply-" + topic, BATCHES_AHEAD, this::applyBatch,
                e -> new ConnectException("Interrupted while reading the state topic '" + topic + "'", e));
    }

    @Override
    public void apply(ConsumerRecord<byte[], byte[]> record) {
        batch.add(record);
    }

    @Override
    public void readUpTo(long nextOffset) {
        handOver.handOver(new Batch(batch, nextOffset));
        batch = new ArrayList<>();
    }

    /**
     * Waits until every record handed over is in the local copy.
     *
     * @throws ConnectException naming the topic and the record's offset when a record could not be applied
     */
    void finish() {
        handOver.finish();
    }

    /** Stops applying (a read that failed leaves records unapplied) and waits for the thread, which the copy outlives. */
    @Override
    public void close() {
        handOver.close();
    }

    private void applyBatch(Batch next) {
        for (ConsumerRecord<byte[], byte[]> record : next.records()) {
            applyOne(record);
        }
        local.appliedUpTo(next.nextOffset());
    }

    private void applyOne(ConsumerRecord<byte[], byte[]> record) {
        try {
            local.apply(new SerializedRecord(record.key(), record.value()));
        } catch (RuntimeException e) {
            throw new ConnectException("Could not apply the record at offset " + record.offset() + " of the state topic '"
                    + topic + "': is another client writing to it?", e);
        }
    }
}
