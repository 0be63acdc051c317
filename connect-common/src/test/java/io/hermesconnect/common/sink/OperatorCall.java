package io.hermesconnect.common.sink;

import static org.assertj.core.api.Assertions.fail;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * A JMX operation an operator calls from another thread, while the task's thread keeps calling {@code put()}, which
 * is where the task runs operator requests.
 */
final class OperatorCall {

    private static final Duration DEADLINE = Duration.ofSeconds(5);

    private final CompletableFuture<String> answer;

    OperatorCall(Supplier<String> call) {
        this.answer = CompletableFuture.supplyAsync(call);
    }

    /** Runs {@code taskThread} until the operation answers, and returns the answer. */
    String answerWhile(Runnable taskThread) throws InterruptedException, ExecutionException {
        long deadline = System.nanoTime() + DEADLINE.toNanos();
        while (System.nanoTime() < deadline) {
            taskThread.run();
            try {
                return answer.get(10, TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                // not run yet: the task's next put() runs it
            }
        }
        return fail("The operation did not answer within " + DEADLINE);
    }
}
