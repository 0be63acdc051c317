package io.hermesconnect.source.diff.model;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Work split over two threads: the caller's thread produces batches and hands them over, and a thread of its own
 * works on them in order, so that producing the next batch and working on the last one overlap on two cores. At most
 * {@code batchesAhead} batches wait, so the heap stays flat however many the caller produces.
 *
 * <p>A failure of the work stops the thread and is thrown to the caller by its next {@link #handOver} or by
 * {@link #finish}: the caller's work stops at the next batch. {@link #close} stops the thread and waits for it, so
 * that none outlives its user.
 *
 * <p>Use: {@link #handOver} each batch from one thread, then {@link #finish}; {@link #close} in any case.
 *
 * @param <B> what one batch is
 */
public final class BatchHandOver<B> implements AutoCloseable {

    /** How often a caller waiting for room looks whether the work failed, which then never makes room. */
    private static final long HAND_OVER_WAIT_MILLIS = 100;

    /** One item of the queue, which takes no null: a batch, or the end. */
    private record Item<B>(B batch) {
    }

    private final Item<B> end = new Item<>(null);
    private final Consumer<B> work;
    private final Function<InterruptedException, RuntimeException> interrupted;
    private final BlockingQueue<Item<B>> queue;
    private final Thread thread;
    private volatile boolean stopped;
    private volatile Throwable failure;

    /**
     * Starts the thread, which runs {@code work} on each batch until {@link #finish} or {@link #close}.
     *
     * @param threadName   the thread's name, for thread dumps and profiles
     * @param batchesAhead how many batches may wait for the thread
     * @param work         what the thread does with a batch; what it throws is thrown to the caller
     * @param interrupted  what to throw when the caller is interrupted while it waits (its interrupt stays set)
     */
    public BatchHandOver(String threadName, int batchesAhead, Consumer<B> work,
                         Function<InterruptedException, RuntimeException> interrupted) {
        this.work = work;
        this.interrupted = interrupted;
        this.queue = new ArrayBlockingQueue<>(batchesAhead);
        this.thread = new Thread(this::workOnBatches, threadName);
        thread.setDaemon(true);
        thread.start();
    }

    /**
     * Hands a batch over, waiting while {@code batchesAhead} batches wait already.
     *
     * @throws RuntimeException what the work threw, if it failed: it takes no more batches; or the constructor's
     *                          {@code interrupted}
     */
    public void handOver(B batch) {
        put(new Item<>(batch));
    }

    /**
     * Waits until the work is done with every batch handed over.
     *
     * @throws RuntimeException what the work threw, if it failed; or the constructor's {@code interrupted}
     */
    public void finish() {
        put(end);
        try {
            thread.join();
        } catch (InterruptedException e) {
            throw interrupted(e);
        }
        throwIfFailed();
    }

    /**
     * Stops the work after the batch it is on, drops the batches waiting and waits for the thread (uninterruptibly: it
     * is at most one batch away from its end). Does nothing after {@link #finish} or a failure.
     */
    @Override
    public void close() {
        if (thread.isAlive()) {
            stopped = true;
            queue.clear();
            queue.offer(end); // the queue was just emptied and only this thread puts: there is room
            joinUninterruptibly();
        }
    }

    private void put(Item<B> item) {
        try {
            do {
                throwIfFailed(); // a failed thread takes nothing more
            } while (!queue.offer(item, HAND_OVER_WAIT_MILLIS, TimeUnit.MILLISECONDS));
        } catch (InterruptedException e) {
            throw interrupted(e);
        }
    }

    private RuntimeException interrupted(InterruptedException e) {
        Thread.currentThread().interrupt();
        return interrupted.apply(e);
    }

    private void workOnBatches() {
        try {
            for (Item<B> next = queue.take(); next != end && !stopped; next = queue.take()) {
                work.accept(next.batch());
            }
        } catch (Throwable e) { // an Error too: the caller must learn that the work stopped, or it waits for room forever
            failure = e;
        }
    }

    private void joinUninterruptibly() {
        boolean interrupted = false;
        while (thread.isAlive()) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private void throwIfFailed() {
        Throwable failed = failure;
        if (failed instanceof RuntimeException e) {
            throw e;
        }
        if (failed instanceof Error e) {
            throw e;
        }
        if (failed != null) { // nothing interrupts the thread but a foreign caller: say so rather than hide it
            throw new IllegalStateException("The thread " + thread.getName() + " was interrupted", failed);
        }
    }
}
