package io.hermesconnect.source.diff.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class BatchHandOverTest {

    private static final Duration DEADLINE = Duration.ofSeconds(10);
    private static final String THREAD = "batch-hand-over-test";

    /** Worked-on batches, written by the hand-over's thread and read by the test's once it ended. */
    private final List<Integer> worked = new ArrayList<>();
    private final CountDownLatch workingOnFirst = new CountDownLatch(1);
    private final CountDownLatch release = new CountDownLatch(1);

    /** A hand-over to a thread named {@link #THREAD} of two batches ahead. */
    private static BatchHandOver<Integer> newHandOver(Consumer<Integer> work) {
        return new BatchHandOver<>(THREAD, 2, work, e -> new IllegalStateException("interrupted", e));
    }

    /** Holds the first batch until {@link #release} opens. */
    private void holdFirst(int batch) {
        if (worked.isEmpty()) {
            workingOnFirst.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        }
        worked.add(batch);
    }

    @Test
    void everyBatchIsWorkedOnInOrderBeforeFinishReturns() {
        try (BatchHandOver<Integer> handOver = newHandOver(worked::add)) {
            for (int batch = 0; batch < 100; batch++) {
                handOver.handOver(batch);
            }
            handOver.finish();
        }

        assertThat(worked).hasSize(100).isSorted();
        assertThat(threadAlive()).isFalse();
    }

    @Test
    void aFailedWorkIsThrownByTheNextHandOverAndByFinish() {
        IllegalStateException failure = new IllegalStateException("cannot work on batch 3");
        try (BatchHandOver<Integer> handOver = newHandOver(batch -> {
            if (batch == 3) {
                throw failure;
            }
        })) {
            assertThatThrownBy(() -> {
                long deadline = System.nanoTime() + DEADLINE.toNanos();
                for (int batch = 0; System.nanoTime() < deadline; batch++) {
                    handOver.handOver(batch);
                }
            }).isSameAs(failure);
            assertThatThrownBy(handOver::finish).isSameAs(failure);
        }
        assertThat(threadAlive()).isFalse();
    }

    @Test
    void atMostBatchesAheadWaitAndTheNextHandOverWaitsForRoom() throws InterruptedException {
        try (BatchHandOver<Integer> handOver = newHandOver(this::holdFirst)) {
            handOver.handOver(0);
            workingOnFirst.await();
            handOver.handOver(1);
            handOver.handOver(2);
            Thread producer = new Thread(() -> handOver.handOver(3));
            producer.start();
            await(() -> producer.getState() == Thread.State.TIMED_WAITING
                    || producer.getState() == Thread.State.TERMINATED);
            assertThat(producer.getState()).as("the fourth batch waits while two wait").isEqualTo(Thread.State.TIMED_WAITING);

            release.countDown();
            producer.join(DEADLINE.toMillis());
            assertThat(producer.isAlive()).isFalse();
            handOver.finish();
        }
        assertThat(worked).containsExactly(0, 1, 2, 3);
    }

    @Test
    void aCallerInterruptedWhileWaitingForRoomGetsTheGivenExceptionAndKeepsItsInterrupt() throws InterruptedException {
        try (BatchHandOver<Integer> handOver = newHandOver(this::holdFirst)) {
            handOver.handOver(0);
            workingOnFirst.await();
            handOver.handOver(1);
            handOver.handOver(2);

            Thread.currentThread().interrupt();
            assertThatThrownBy(() -> handOver.handOver(3)).isInstanceOf(IllegalStateException.class)
                    .hasMessage("interrupted").hasCauseInstanceOf(InterruptedException.class);
            assertThat(Thread.interrupted()).isTrue();
            release.countDown();
        }
        assertThat(threadAlive()).isFalse();
    }

    @Test
    void closeDropsTheWaitingBatchesAndWaitsForTheThreadToEnd() throws InterruptedException {
        BatchHandOver<Integer> handOver = newHandOver(this::holdFirst);
        handOver.handOver(0);
        workingOnFirst.await();
        handOver.handOver(1);
        handOver.handOver(2);
        Thread closer = new Thread(handOver::close);
        closer.start();
        await(() -> closer.getState() == Thread.State.WAITING); // joining the thread, which holds batch 0

        release.countDown();
        closer.join(DEADLINE.toMillis());

        assertThat(closer.isAlive()).isFalse();
        assertThat(threadAlive()).isFalse();
        assertThat(worked).containsExactly(0);
    }

    private static boolean threadAlive() {
        return Thread.getAllStackTraces().keySet().stream().anyMatch(thread -> thread.getName().equals(THREAD));
    }

    private static void await(BooleanSupplier condition) {
        long deadline = System.nanoTime() + DEADLINE.toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("waited %s", DEADLINE).isLessThan(deadline);
            Thread.onSpinWait();
        }
    }
}
