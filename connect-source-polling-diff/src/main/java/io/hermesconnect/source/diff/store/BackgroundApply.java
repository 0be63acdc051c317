package io.hermesconnect.source.diff.store;

import io.hermesconnect.common.kafka.CompactedTopic;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.connect.errors.ConnectException;

/**
 * Reads the state topic into the local copy with two threads: the consumer's fetches are decoded on the reading
 * thread while a thread of its own puts the records read before into the copy's B-trees. A restore spends about a
 * third of its time in the first and two thirds in the second (measured), so on two cores it ends sooner. One batch
 * is one consumer poll; at most {@value #BATCHES_AHEAD} wait, so the heap stays flat.
 *
 * <p>Use: {@link CompactedTopic#read} with it as the reader, then {@link #finish}; {@link #close} in any case.
 */
final class BackgroundApply implements CompactedTopic.Reader, AutoCloseable {

    private static final int BATCHES_AHEAD = 2;
    private static final long HAND_OVER_WAIT_MILLIS = 100;

    private record Batch(List<ConsumerRecord<byte[], byte[]>> records, long nextOffset) {
    }

    private static final Batch END = new Batch(List.of(), -1);

    private final LocalCopy local;
    private final String topic;
    private final BlockingQueue<Batch> queue = new ArrayBlockingQueue<>(BATCHES_AHEAD);
    private final Thread thread;
    private volatile boolean stopped;
    private volatile RuntimeException failure;
    private List<ConsumerRecord<byte[], byte[]>> batch = new ArrayList<>();

    /** Starts the applying thread, which writes to {@code local} until {@link #finish} or {@link #close}. */
    BackgroundApply(LocalCopy local, String topic) {
        this.local = local;
        this.topic = topic;
        this.thread = new Thread(this::applyBatches, "polling-diff-state-apply-" + topic);
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void apply(ConsumerRecord<byte[], byte[]> record) {
        batch.add(record);
    }

    @Override
    public void readUpTo(long nextOffset) {
        handOver(new Batch(batch, nextOffset));
        batch = new ArrayList<>();
    }

    /**
     * Waits until every record handed over is in the local copy.
     *
     * @throws ConnectException naming the topic and the record's offset when a record could not be applied
     */
    void finish() {
        handOver(END);
        awaitThread();
        throwIfFailed();
    }

    /** Stops applying (a read that failed leaves records unapplied) and waits for the thread, which the copy outlives. */
    @Override
    public void close() {
        if (thread.isAlive()) {
            stopped = true;
            queue.clear();
            queue.offer(END);
            awaitThread();
        }
    }

    private void handOver(Batch next) {
        try {
            do {
                throwIfFailed(); // a failed thread takes nothing more
                if (!thread.isAlive()) {
                    throw new ConnectException("The thread applying the state topic '" + topic + "' to the local copy"
                            + " stopped before the end");
                }
            } while (!queue.offer(next, HAND_OVER_WAIT_MILLIS, TimeUnit.MILLISECONDS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConnectException("Interrupted while reading the state topic '" + topic + "'", e);
        }
    }

    private void applyBatches() {
        try {
            for (Batch next = queue.take(); next != END && !stopped; next = queue.take()) {
                for (ConsumerRecord<byte[], byte[]> record : next.records()) {
                    applyOne(record);
                }
                local.appliedUpTo(next.nextOffset());
            }
        } catch (InterruptedException e) {
            failure = new ConnectException("Interrupted while applying the state topic '" + topic + "'", e);
        } catch (RuntimeException e) {
            failure = e;
        }
    }

    private void applyOne(ConsumerRecord<byte[], byte[]> record) {
        try {
            local.apply(new SerializedRecord(record.key(), record.value()));
        } catch (RuntimeException e) {
            throw new ConnectException("Could not apply the record at offset " + record.offset() + " of the state topic '"
                    + topic + "': is another client writing to it?", e);
        }
    }

    private void awaitThread() {
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConnectException("Interrupted while applying the state topic '" + topic + "'", e);
        }
    }

    private void throwIfFailed() {
        if (failure != null) {
            throw failure;
        }
    }
}
