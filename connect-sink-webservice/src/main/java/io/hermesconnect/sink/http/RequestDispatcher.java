package io.hermesconnect.sink.http;

import io.hermesconnect.common.sink.ObjectKey;
import io.hermesconnect.common.sink.SinkEvent;
import io.hermesconnect.common.sink.StepProgress;
import io.hermesconnect.common.sink.TargetDataException;
import io.hermesconnect.common.sink.TargetUnavailableException;
import io.hermesconnect.sink.http.EventOutcome.Status;
import io.hermesconnect.sink.http.request.HttpOperation;
import io.hermesconnect.sink.http.request.KindRequests;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * Sends a list of events with up to {@code maxInFlight} requests at once, without ever reordering one object's
 * events: an object has at most one request in flight, and its next event is sent only when the previous one is
 * done. Events of kinds with a batch request ({@code kinds.<K>.batch.url}) go in batches of up to
 * {@code batchMaxSize} events of that kind, each batch holding at most one event per object. An event that feeds
 * several kinds is sent to them one after the other, as steps of its {@link StepProgress}.
 *
 * <p>When a request is refused, its event is {@link Status#REFUSED} and the object's later events are not sent
 * ({@link Status#NOT_SENT}: they park behind it); the other objects go on. When the service is unavailable, no new
 * request starts, the ones in flight finish, and what was not done is reported so that Connect delivers it again.
 *
 * <p>For the trashbin off: with it on, removals and recycles go through the target's {@code trash} and {@code add},
 * one event at a time, which keep the target's record of what it trashed.
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

    /** One request of one event to one kind: step {@code step} of event number {@code index}. */
    private record Unit(int index, int step, KindRequests kind, HttpOperation operation, SinkEvent event) {

        boolean batchable() {
            return kind.batch() != null;
        }
    }

    /** A request that finished: the units it carried, and its failure or null. */
    private record Completion(List<Unit> units, Throwable failure) {
    }

    /**
     * Sends the events and waits until every request started has finished.
     *
     * @return what became of each event, in the order given
     */
    public List<EventOutcome> dispatch(List<SinkEvent> events) {
        return new Run(events).run();
    }

    /** The state of one {@link #dispatch}, touched by the calling thread only; requests hand back through a queue. */
    private final class Run {
        private final List<SinkEvent> events;
        private final StepProgress[] progress;
        private final int[] steps;
        private final Status[] status;
        private final RuntimeException[] failure;
        private final Map<ObjectKey, Deque<Unit>> pending = new LinkedHashMap<>();
        private final Set<ObjectKey> busy = new HashSet<>();
        private final BlockingQueue<Completion> completions = new LinkedBlockingQueue<>();
        private int inFlight;
        private boolean unavailable;

        Run(List<SinkEvent> events) {
            this.events = events;
            this.progress = new StepProgress[events.size()];
            this.steps = new int[events.size()];
            this.status = new Status[events.size()];
            this.failure = new RuntimeException[events.size()];
            for (int index = 0; index < events.size(); index++) {
                SinkEvent event = events.get(index);
                progress[index] = new StepProgress();
                List<KindRequests> kinds = target.kindsOf(event);
                steps[index] = kinds.size();
                if (kinds.isEmpty()) {
                    status[index] = Status.DONE;
                }
                Deque<Unit> queue = pending.computeIfAbsent(event.object(), object -> new ArrayDeque<>());
                for (int step = 1; step <= kinds.size(); step++) {
                    KindRequests kind = kinds.get(step - 1);
                    queue.add(new Unit(index, step, kind, WebServiceTarget.operation(event), event));
                }
            }
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
            List<EventOutcome> outcomes = new ArrayList<>(events.size());
            for (int index = 0; index < events.size(); index++) {
                outcomes.add(new EventOutcome(events.get(index), status[index] == null ? Status.NOT_SENT : status[index],
                        progress[index], failure[index]));
            }
            return outcomes;
        }

        /** Starts requests for the objects that have none in flight, oldest first, while there is room. */
        private void launchReady() {
            List<Unit> heads = new ArrayList<>();
            pending.forEach((object, queue) -> {
                if (!busy.contains(object) && !queue.isEmpty()) {
                    heads.add(queue.peek());
                }
            });
            Set<Unit> launched = new HashSet<>();
            for (Unit head : heads) {
                if (inFlight >= maxInFlight) {
                    return;
                }
                if (launched.contains(head)) {
                    continue;
                }
                List<Unit> batch = new ArrayList<>(List.of(head));
                if (batchMaxSize > 1 && head.batchable()) {
                    for (Unit other : heads) {
                        if (batch.size() < batchMaxSize && other != head && !launched.contains(other) && other.batchable()
                                && other.kind() == head.kind()) {
                            batch.add(other);
                        }
                    }
                }
                launched.addAll(batch);
                launch(batch);
            }
        }

        private void launch(List<Unit> units) {
            units.forEach(unit -> busy.add(unit.event().object()));
            inFlight++;
            Unit first = units.get(0);
            CompletableFuture<Void> request = units.size() == 1 && !(batchMaxSize > 1 && first.batchable())
                    ? target.send(first.kind(), first.operation(), first.event())
                    : target.sendBatch(first.kind(), units.stream().map(Unit::event).toList());
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
                ObjectKey object = unit.event().object();
                busy.remove(object);
                Deque<Unit> queue = pending.get(object);
                if (cause == null) {
                    queue.poll();
                    progress[unit.index()].done(unit.step());
                    if (unit.step() == steps[unit.index()]) {
                        status[unit.index()] = Status.DONE;
                    }
                } else if (cause instanceof TargetDataException refused) {
                    status[unit.index()] = Status.REFUSED;
                    failure[unit.index()] = refused;
                    queue.clear(); // the object's later events park behind this one
                } else {
                    status[unit.index()] = Status.UNAVAILABLE;
                    failure[unit.index()] = cause instanceof RuntimeException runtime ? runtime
                            : new TargetUnavailableException("An HTTP request failed: " + cause.getClass().getSimpleName(), cause);
                    unavailable = true;
                }
            }
        }
    }
}
