package io.hermesconnect.source.wal.event;

import io.hermesconnect.source.wal.offset.CommitTracker;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.connect.source.SourceRecord;

/**
 * The bounded hand-over between the reading threads and {@code poll()}. A record is registered with the
 * {@link CommitTracker} as it enters, so "nothing in flight" means nothing queued and nothing unacknowledged.
 */
public final class RecordQueue implements RecordSink {

    private final BlockingQueue<SourceRecord> queue;
    private final CommitTracker tracker;
    private final int maxBatch;

    public RecordQueue(int capacity, int maxBatch, CommitTracker tracker) {
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.maxBatch = maxBatch;
        this.tracker = tracker;
    }

    @Override
    public void accept(SourceRecord record) {
        tracker.submitted(record);
        try {
            queue.put(record);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ReaderStoppedException();
        }
    }

    /** Up to max.batch.size records, waiting at most {@code wait} for the first; null when none came. */
    public List<SourceRecord> drain(Duration wait) throws InterruptedException {
        SourceRecord first = queue.poll(wait.toMillis(), TimeUnit.MILLISECONDS);
        if (first == null) {
            return null;
        }
        List<SourceRecord> batch = new ArrayList<>(Math.min(maxBatch, queue.size() + 1));
        batch.add(first);
        queue.drainTo(batch, maxBatch - 1);
        return batch;
    }
}
