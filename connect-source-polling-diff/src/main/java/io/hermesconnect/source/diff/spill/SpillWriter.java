package io.hermesconnect.source.diff.spill;

import io.hermesconnect.source.diff.model.BatchHandOver;
import io.hermesconnect.source.diff.model.DataObject;
import io.hermesconnect.source.diff.model.PollAbortedException;
import java.util.ArrayList;
import java.util.List;

/**
 * Puts one source's objects into the poll's spill on a thread of its own ({@link BatchHandOver}) while the caller's
 * thread reads and maps the source's rows: a fetch spends about three fifths of its CPU on the driver and the mapping
 * and two fifths on encoding the objects and inserting them into the spill's B-tree (measured), so on two cores it
 * ends sooner. Objects go over in batches of {@value #BATCH_SIZE}, at most {@value #BATCHES_AHEAD} waiting, so the heap
 * stays flat. The first object of a key is kept; the keys given again are noted.
 *
 * <p>Use: {@link #add} each object, then {@link #finish}; {@link #close} in any case. A failure to spill is thrown
 * by the next {@link #add} or by {@link #finish}, so the fetch stops there.
 */
public final class SpillWriter implements AutoCloseable {

    private static final int BATCH_SIZE = 1_000;
    private static final int BATCHES_AHEAD = 3;

    private final SpilledObjects objects;
    private final SpilledKeys duplicated;
    private final BatchHandOver<List<DataObject>> handOver;
    private List<DataObject> batch = new ArrayList<>(BATCH_SIZE);

    /**
     * Starts the spilling thread.
     *
     * @param type       the type the objects are of, for the thread's name
     * @param source     the source they come from, for the thread's name and errors
     * @param objects    where each key's first object goes
     * @param duplicated where the keys given more than once go
     */
    public SpillWriter(String type, String source, SpilledObjects objects, SpilledKeys duplicated) {
        this.objects = objects;
        this.duplicated = duplicated;
        this.handOver = new BatchHandOver<>("polling-diff-spill-" + type + "-" + source, BATCHES_AHEAD, this::write,
                e -> new PollAbortedException("Interrupted while fetching source '" + source + "'", e));
    }

    /**
     * Adds an object, handing the batch over once it is full.
     *
     * @throws RuntimeException what spilling an earlier object threw
     */
    public void add(DataObject object) {
        batch.add(object);
        if (batch.size() == BATCH_SIZE) {
            handOver();
        }
    }

    /**
     * Waits until every object added is spilled.
     *
     * @throws RuntimeException what spilling an object threw
     */
    public void finish() {
        if (!batch.isEmpty()) {
            handOver();
        }
        handOver.finish();
    }

    /** Stops spilling (a fetch that failed leaves objects unspilled) and waits for the thread. */
    @Override
    public void close() {
        handOver.close();
    }

    private void handOver() {
        handOver.handOver(batch);
        batch = new ArrayList<>(BATCH_SIZE);
    }

    private void write(List<DataObject> next) {
        for (DataObject object : next) {
            if (!objects.addIfAbsent(object)) {
                duplicated.add(object.key());
            }
        }
    }
}
