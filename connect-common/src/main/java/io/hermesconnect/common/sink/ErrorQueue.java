package io.hermesconnect.common.sink;

import io.hermesconnect.common.config.EnumChoice;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies events to a target in order per object, parking what the target refuses (HERMES.md section 2). It
 * decides each event first, then hands the target runs of the events it may try, which the target may apply
 * several objects at once ({@link EventRun}, {@link BatchTarget#applyAll}). An event the target refuses for its
 * data is parked with the error; every later event of that object is parked behind it without being tried, merged
 * with it by the {@link RemediationMode}; events of the objects it refers to are parked by the
 * {@link ForeignKeyPolicy}. Other objects keep flowing. {@link #retry} retries parked objects oldest first while it
 * makes progress, resuming a multi-step event at the step that failed; {@link #expire} hands events parked longer
 * than the maximum age to an {@link ExpiredEventHandler}.
 *
 * <p>A {@link TargetUnavailableException} propagates (Connect retries the batch): nothing is parked for it.
 * Every change is written through to the {@link ParkedEventStore}. The queue holds the parked objects of the topic
 * partitions it was {@linkplain #open opened} for: an object belongs to the partition of the record that carried
 * its first parked event, so that with several tasks each keeps the objects of its own partitions.
 * Not thread-safe: a sink task uses it from its own thread.
 */
public final class ErrorQueue {

    private static final Logger log = LoggerFactory.getLogger(ErrorQueue.class);

    private final BatchTarget target;
    private final ParkedEventStore store;
    private final ForeignKeyPolicy foreignKeys;
    private final RemediationMode remediation;
    private final Duration maxAge;
    private final ExpiredEventHandler expiredEvents;
    private final Clock clock;
    private final Map<ObjectKey, List<ParkedEvent>> parked;
    private final ParentIndex parents = new ParentIndex();

    /**
     * An empty queue in front of {@code target}, writing through to {@code store}; {@link #open} loads parked objects.
     *
     * @param maxAge how long an event may stay parked; {@link Duration#ZERO} keeps it until it applies
     */
    public ErrorQueue(BatchTarget target, ParkedEventStore store, ForeignKeyPolicy foreignKeys, RemediationMode remediation,
            Duration maxAge, ExpiredEventHandler expiredEvents, Clock clock) {
        this.target = target;
        this.store = store;
        this.foreignKeys = foreignKeys;
        this.remediation = remediation;
        this.maxAge = maxAge;
        this.expiredEvents = expiredEvents;
        this.clock = clock;
        this.parked = new LinkedHashMap<>();
    }

    /**
     * Takes over the parked objects of {@code partitions} from the store, the object parked first first; returns
     * how many. An object the queue holds already stays as it is.
     */
    public int open(Collection<TopicPartition> partitions) {
        List<Map.Entry<ObjectKey, List<ParkedEvent>>> loaded = new ArrayList<>(store.load(partitions).entrySet());
        // a store reads its objects in any order; objects parked in one millisecond were parked in record order
        loaded.sort(Comparator.comparing((Map.Entry<ObjectKey, List<ParkedEvent>> entry) -> entry.getValue().get(0),
                Comparator.comparingLong(ParkedEvent::parkedAtMs).thenComparingLong(ParkedEvent::sourceOffset)));
        int taken = 0;
        for (Map.Entry<ObjectKey, List<ParkedEvent>> entry : loaded) {
            if (!parked.containsKey(entry.getKey())) {
                parked.put(entry.getKey(), new ArrayList<>(entry.getValue()));
                parents.update(entry.getKey(), entry.getValue());
                taken++;
            }
        }
        return taken;
    }

    /**
     * Forgets the parked objects of {@code partitions}, which stay in the store for the task that opens them next;
     * returns how many.
     */
    public int close(Collection<TopicPartition> partitions) {
        int released = 0;
        for (ObjectKey object : List.copyOf(parked.keySet())) {
            if (partitions.contains(parked.get(object).get(0).sourcePartition())) {
                parked.remove(object);
                parents.remove(object);
                released++;
            }
        }
        return released;
    }

    /** Applies one event, or parks it; see {@link #applyAll}. */
    public void apply(SinkEvent event) {
        applyAll(List.of(event), handled -> { });
    }

    /**
     * Applies events in order, or parks them: behind their object's parked events, for a parked child, or when
     * refused. The events that may go together are handed to the target in runs ({@link EventRun}); each event is
     * handed to {@code handled} once it was applied or parked.
     *
     * @throws TargetUnavailableException when the target could not be reached: the events of the run it was applying
     *     that were neither applied nor parked were not handed to {@code handled}, nor was any later event
     */
    public void applyAll(List<SinkEvent> events, Consumer<SinkEvent> handled) {
        EventRun run = new EventRun();
        for (SinkEvent event : events) {
            if (!run.isEmpty() && (run.dependsOnRun(event) || run.holds(event.object()) && !joinsRun(event))) {
                applyRun(run, handled);
                run = new EventRun();
            }
            if (joinsRun(event)) {
                run.add(event);
            } else {
                parkUntried(event);
                handled.accept(event);
            }
        }
        if (!run.isEmpty()) {
            applyRun(run, handled);
        }
    }

    /** Whether the target may try the event now: its object has no parked event and no parked object needs it. */
    private boolean joinsRun(SinkEvent event) {
        return !parked.containsKey(event.object()) && !isHeldForChildren(event.object(), event.operation());
    }

    private void parkUntried(SinkEvent event) {
        List<ParkedEvent> queue = parked.get(event.object());
        if (queue != null) {
            parkBehind(queue, event);
        } else {
            park(event, "waits for a parked object that refers to it (foreign.keys.policy="
                    + EnumChoice.nameOf(foreignKeys) + ")", 0);
        }
    }

    /** Hands a run to the target and parks what it refused, and the refused objects' later events behind them. */
    private void applyRun(EventRun run, Consumer<SinkEvent> handled) {
        List<TargetCall> calls = run.events().stream().map(event -> new TargetCall(event, new StepProgress())).toList();
        List<EventOutcome> outcomes = target.applyAll(calls);
        RuntimeException unavailable = null;
        SinkEvent untried = null;
        for (int index = 0; index < calls.size(); index++) {
            SinkEvent event = calls.get(index).event();
            EventOutcome outcome = outcomes.get(index);
            switch (outcome.status()) {
                case DONE -> handled.accept(event);
                case REFUSED -> {
                    park(event, reasonOf(outcome.failure()), calls.get(index).progress().stepsDone());
                    handled.accept(event);
                }
                case NOT_SENT -> {
                    List<ParkedEvent> queue = parked.get(event.object());
                    if (queue != null) {
                        parkBehind(queue, event);
                        handled.accept(event);
                    } else if (untried == null) {
                        untried = event; // the target stopped at an unavailable event: Connect delivers it again
                    }
                }
                case UNAVAILABLE -> unavailable = unavailable == null ? outcome.failure() : unavailable;
            }
        }
        if (unavailable != null) {
            throw unavailable;
        }
        if (untried != null) {
            throw untried(untried);
        }
    }

    /** A target that did not try an event although it was available and refused no earlier event of the object. */
    private static IllegalStateException untried(SinkEvent event) {
        return new IllegalStateException("The target did not try " + event + " although it was available and refused "
                + "no earlier event of its object");
    }

    /**
     * Retries the parked objects, oldest first, each from its first parked event until one fails again, and
     * repeats while a pass applies something (a child may have waited for its parent). Returns how many events
     * it applied.
     */
    public int retry() {
        int applied = 0;
        int appliedInPass;
        do {
            appliedInPass = 0;
            for (ObjectKey object : List.copyOf(parked.keySet())) {
                appliedInPass += retry(object);
            }
            applied += appliedInPass;
        } while (appliedInPass > 0);
        return applied;
    }

    /** Hands every event parked longer than the maximum age to the handler and forgets it; returns how many. */
    public int expire() {
        if (maxAge.isZero()) {
            return 0;
        }
        long oldestAllowed = clock.millis() - maxAge.toMillis();
        int expired = 0;
        for (ObjectKey object : List.copyOf(parked.keySet())) {
            List<ParkedEvent> queue = parked.get(object);
            int before = expired;
            while (!queue.isEmpty() && queue.get(0).parkedAtMs() <= oldestAllowed) {
                ParkedEvent head = queue.get(0);
                expiredEvents.expired(head, "parked longer than errors.queue.max.age.ms ("
                        + maxAge.toMillis() + " ms); last error: " + head.reason());
                queue.remove(0); // only once the handler took it over
                expired++;
            }
            if (expired > before) {
                saved(object, queue);
            }
        }
        return expired;
    }

    /** Drops an object's parked events, an operator's decision, and returns them; empty when it has none. */
    public List<ParkedEvent> drop(ObjectKey object) {
        List<ParkedEvent> queue = parked.get(object);
        if (queue == null) {
            return List.of();
        }
        List<ParkedEvent> dropped = List.copyOf(queue);
        queue.clear();
        saved(object, queue);
        return dropped;
    }

    /** The parked object whose first parked event's record is at {@code position} ({@link ParkedEvent#position}). */
    public Optional<ObjectKey> findByPosition(String position) {
        return parked.entrySet().stream().filter(entry -> entry.getValue().get(0).position().equals(position))
                .map(Map.Entry::getKey).findFirst();
    }

    /**
     * Whether the target may remove {@code object} for good now: it has no parked event, and no parked object needs
     * it by the foreign-key policy.
     */
    public boolean mayRemove(ObjectKey object) {
        return !parked.containsKey(object) && !isHeldForChildren(object, SinkOperation.REMOVE);
    }

    /** The objects with parked events, the object parked first first. */
    public Set<ObjectKey> parkedObjects() {
        return Collections.unmodifiableSet(parked.keySet());
    }

    /** The parked events of an object in order; empty when it has none. */
    public List<ParkedEvent> parkedEvents(ObjectKey object) {
        return List.copyOf(parked.getOrDefault(object, List.of()));
    }

    private int retry(ObjectKey object) {
        List<ParkedEvent> queue = parked.get(object);
        if (isHeldForChildren(object, queue.get(0).event().operation())) {
            return 0;
        }
        int applied = 0;
        try {
            while (!queue.isEmpty() && !isHeldForChildren(object, queue.get(0).event().operation())) {
                ParkedEvent head = queue.get(0);
                TargetCall call = new TargetCall(head.event(), new StepProgress(head.stepsDone()));
                EventOutcome outcome = target.applyAll(List.of(call)).get(0);
                if (outcome.status() == EventOutcome.Status.REFUSED) {
                    queue.set(0, head.failedAgain(reasonOf(outcome.failure()), call.progress().stepsDone()));
                    break;
                }
                if (outcome.status() != EventOutcome.Status.DONE) {
                    queue.set(0, head.failedAgain(head.reason(), call.progress().stepsDone()));
                    throw outcome.failure() != null ? outcome.failure() : untried(head.event());
                }
                queue.remove(0);
                applied++;
            }
        } finally {
            saved(object, queue);
        }
        return applied;
    }

    /** Whether an event of {@code object} must wait because a parked object needs it, by the foreign-key policy. */
    private boolean isHeldForChildren(ObjectKey object, SinkOperation operation) {
        return foreignKeys.parks(operation) && parents.isNeeded(object);
    }

    private void park(SinkEvent event, String reason, int stepsDone) {
        List<ParkedEvent> queue = new ArrayList<>();
        queue.add(new ParkedEvent(event, clock.millis(), reason, stepsDone));
        parked.put(event.object(), queue);
        log.warn("Parked {}: {}", event, reason);
        saved(event.object(), queue);
    }

    private void parkBehind(List<ParkedEvent> queue, SinkEvent event) {
        ParkedEvent last = queue.get(queue.size() - 1);
        Remediation.Outcome outcome = last.stepsDone() > 0
                ? Remediation.Outcome.KEEP_BOTH
                : Remediation.outcome(remediation, last.event().operation(), event.operation());
        switch (outcome) {
            case MERGE -> queue.set(queue.size() - 1, last.mergedWith(event));
            case DROP_BOTH -> queue.remove(queue.size() - 1);
            case IMPOSSIBLE -> {
                log.error("Bug in the event stream: {} parked behind {}, a pair that cannot happen; both are kept, "
                        + "unmerged (errors.queue.remediation={})", event, last.event(), EnumChoice.nameOf(remediation));
                queue.add(new ParkedEvent(event, clock.millis(), "behind an earlier parked event of the object", 0));
            }
            case KEEP_BOTH -> queue.add(new ParkedEvent(event, clock.millis(), "behind an earlier parked event of the object", 0));
        }
        saved(event.object(), queue);
    }

    private static String reasonOf(RuntimeException e) {
        return e.getMessage() != null ? e.getMessage() : "refused by the target (" + e.getClass().getSimpleName() + ")";
    }

    /** Writes an object's changed queue through to the store, and forgets the object once it is empty. */
    private void saved(ObjectKey object, List<ParkedEvent> queue) {
        store.save(object, queue);
        if (queue.isEmpty()) {
            parked.remove(object);
            parents.remove(object);
            log.info("No more parked events for {}", object);
        } else {
            parents.update(object, queue);
        }
    }
}
