package io.hermesconnect.sink.http;

import io.hermesconnect.common.sink.EventOutcome;
import io.hermesconnect.common.sink.ObjectKey;
import io.hermesconnect.common.sink.TargetCall;
import io.hermesconnect.common.sink.TargetDataException;
import io.hermesconnect.common.sink.TargetUnavailableException;
import io.hermesconnect.sink.http.request.HttpOperation;
import io.hermesconnect.sink.http.request.KindRequests;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * Sends a run of events with up to {@code maxInFlight} requests at once, without ever reordering one object's
 * events: an object has at most one request in flight, and its next event is sent only when the previous one is
 * done. Events of kinds with a batch request ({@code kinds.<K>.batch.url}) go in batches of up to
 * {@code batchMaxSize} events of that kind, each batch holding at most one event per object; trash and recycle
 * requests go alone. An event that feeds several kinds is sent to them one after the other, as steps of its
 * {@link io.hermesconnect.common.sink.StepProgress}, resuming after the steps a retry says are done.
 *
 * <p>Which request an event sends (create or recycle, trash or nothing for an object already in the trash) is decided
 * when its object's previous event is done ({@link WebServiceTarget#operationOf}). When a request is refused, its
 * event is {@code REFUSED} and the object's later events are not sent ({@code NOT_SENT}: they park behind it); the
 * other objects go on. When the service is unavailable, no new request starts, the ones in flight finish, and what
 * was not done is reported so that Connect delivers it again.
 *
 * <p>Not thread-safe: one {@link #dispatch} at a time, which returns when every request it started has finished.
 */
public final class RequestDispatcher {

    private final WebServiceTarget target;
    private final int maxInFlight;
    private final int batchMaxSize;

    public RequestDispatcher(WebServiceTarget target, int maxInFlight, int batchMaxSize) {
        if (maxInFlight < 1 || batchMaxSize < 1) {
            throw new IllegalArgumentException("maxInFlight and batchMaxSize must be at least 1");
        }
        this.target = target;
        this.maxInFlight = maxInFlight;
        this.batchMaxSize = batchMaxSize;
    }

    /** One request of one event to one kind: step {@code step} of call number {@code index}. */
    private record Unit(int index, int step, KindRequests kind) {
    }

    /** A request that finished: the units it carried, and its failure or null. */
    private record Completion(List<Unit> units, Throwable failure) {
    }

    /**
     * Sends the calls' events and waits until every request started has finished.
     *
     * @return what became of each call, in the order given
     */
    public List<EventOutcome> dispatch(List<TargetCall> calls) {
        return new Run(calls).run();
    }

    /** The state of one {@link #dispatch}, touched by the calling thread only; requests hand back through a queue. */
    private final class Run {
        private final List<TargetCall> calls;
        private final int[] steps;
        private final HttpOperation[] operations;
        private final EventOutcome[] outcomes;
        private final Map<ObjectKey, Deque<Unit>> pending = new HashMap<>();
        /** The objects whose next unit may be sent (none of theirs is in flight), in the order they became ready. */
        private final Set<ObjectKey> ready = new LinkedHashSet<>();
        /** The ready objects whose next unit may join a batch, by kind. */
        private final Map<KindRequests, Set<ObjectKey>> readyForBatch = new HashMap<>();
        private final BlockingQueue<Completion> completions = new LinkedBlockingQueue<>();
        private int inFlight;
        private boolean unavailable;

        Run(List<TargetCall> calls) {
            this.calls = calls;
            this.steps = new int[calls.size()];
            this.operations = new HttpOperation[calls.size()];
            this.outcomes = new EventOutcome[calls.size()];
            Set<ObjectKey> objects = new LinkedHashSet<>();
            for (int index = 0; index < calls.size(); index++) {
                TargetCall call = calls.get(index);
                List<KindRequests> kinds = target.kindsOf(call.event());
                steps[index] = kinds.size();
                Deque<Unit> queue = pending.computeIfAbsent(call.event().object(), object -> new ArrayDeque<>());
                for (int step = 1; step <= kinds.size(); step++) {
                    if (call.progress().pending(step)) {
                        queue.add(new Unit(index, step, kinds.get(step - 1)));
                    }
                }
                if (queue.isEmpty() || queue.peekLast().index() != index) {
                    outcomes[index] = EventOutcome.DONE; // feeds no kind, or a retry finds every step done
                }
                objects.add(call.event().object());
            }
            objects.forEach(this::makeReady);
        }

        List<EventOutcome> run() {
            while (true) {
                if (!unavailable) {
                    launchReady();
                }
                if (inFlight == 0) {
                    break;
                }
                handle(nextCompletion());
                inFlight--;
            }
            return Arrays.stream(outcomes).map(outcome -> outcome == null ? EventOutcome.NOT_SENT : outcome).toList();
        }

        /**
         * Queues an object whose previous request is done for its next unit, deciding the request of an event at its
         * first unit; an event that needs no request is done at once.
         */
        private void makeReady(ObjectKey object) {
            Deque<Unit> queue = pending.get(object);
            while (!queue.isEmpty()) {
                Unit head = queue.peek();
                int index = head.index();
                if (operations[index] == null) {
                    operations[index] = target.operationOf(calls.get(index)).orElse(null);
                    if (operations[index] == null) {
                        outcomes[index] = EventOutcome.DONE;
                        queue.removeIf(unit -> unit.index() == index);
                        continue;
                    }
                }
                ready.add(object);
                if (batchable(head)) {
                    readyForBatch.computeIfAbsent(head.kind(), kind -> new LinkedHashSet<>()).add(object);
                }
                return;
            }
        }

        /** Whether a unit goes in a batch request: its kind has one, and it sends its event's plain request. */
        private boolean batchable(Unit unit) {
            return batchMaxSize > 1 && unit.kind().batch() != null
                    && operations[unit.index()] == WebServiceTarget.operation(calls.get(unit.index()).event());
        }

        /** Starts requests for the ready objects, oldest first, while there is room. */
        private void launchReady() {
            while (inFlight < maxInFlight && !ready.isEmpty()) {
                ObjectKey object = ready.iterator().next();
                ready.remove(object);
                Unit head = pending.get(object).peek();
                List<Unit> units = new ArrayList<>(List.of(head));
                boolean batch = batchable(head);
                if (batch) {
                    Set<ObjectKey> sameKind = readyForBatch.get(head.kind());
                    sameKind.remove(object);
                    Iterator<ObjectKey> others = sameKind.iterator();
                    while (units.size() < batchMaxSize && others.hasNext()) {
                        ObjectKey other = others.next();
                        others.remove();
                        ready.remove(other);
                        units.add(pending.get(other).peek());
                    }
                }
                launch(units, batch);
            }
        }

        private void launch(List<Unit> units, boolean batch) {
            inFlight++;
            Unit first = units.get(0);
            CompletableFuture<Void> request = batch
                    ? target.sendBatch(first.kind(), units.stream().map(unit -> calls.get(unit.index()).event()).toList())
                    : target.send(first.kind(), operations[first.index()], calls.get(first.index()).event());
            request.whenComplete((done, failed) -> completions.add(new Completion(units, failed)));
        }

        private Completion nextCompletion() {
            try {
                return completions.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new TargetUnavailableException("Interrupted while waiting for HTTP requests", e);
            }
        }

        private void handle(Completion completion) {
            Throwable cause = completion.failure() instanceof CompletionException wrapped && wrapped.getCause() != null
                    ? wrapped.getCause() : completion.failure();
            for (Unit unit : completion.units()) {
                int index = unit.index();
                TargetCall call = calls.get(index);
                Deque<Unit> queue = pending.get(call.event().object());
                if (cause == null) {
                    queue.poll();
                    call.progress().done(unit.step());
                    if (unit.step() == steps[index]) {
                        outcomes[index] = EventOutcome.DONE;
                        target.applied(call, operations[index]);
                    }
                    if (!unavailable) {
                        makeReady(call.event().object());
                    }
                } else if (cause instanceof TargetDataException refused) {
                    outcomes[index] = EventOutcome.refused(refused);
                    queue.clear(); // the object's later events park behind this one
                } else {
                    outcomes[index] = EventOutcome.unavailable(cause instanceof RuntimeException runtime ? runtime
                            : new TargetUnavailableException("An HTTP request failed: " + cause.getClass().getSimpleName(), cause));
                    unavailable = true;
                }
            }
        }
    }
}
