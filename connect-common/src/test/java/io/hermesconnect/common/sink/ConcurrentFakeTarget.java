package io.hermesconnect.common.sink;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A {@link FakeTarget} that applies a run as if every object's events were in flight at once: it records the runs
 * it is handed, and an object whose answer is lost ({@link #lostAnswers}) is unavailable while the other objects'
 * events still apply, as requests in flight finish when the service goes down.
 */
final class ConcurrentFakeTarget extends FakeTarget {

    /** The runs handed to the target, each as "OPERATION [key values]" per event. */
    final List<List<String>> runs = new ArrayList<>();
    /** The steps already done of every call handed to the target, in order. */
    final List<Integer> stepsDoneGiven = new ArrayList<>();
    /** Objects whose first event in a run gets no answer: unavailable, and their later events are not sent. */
    final Set<ObjectKey> lostAnswers = new HashSet<>();

    @Override
    public List<EventOutcome> applyAll(List<TargetCall> calls) {
        runs.add(calls.stream().map(call -> call.event().operation() + " " + call.event().object().values()).toList());
        calls.forEach(call -> stepsDoneGiven.add(call.progress().stepsDone()));
        List<EventOutcome> outcomes = new ArrayList<>();
        Set<ObjectKey> stopped = new HashSet<>();
        for (TargetCall call : calls) {
            ObjectKey object = call.event().object();
            EventOutcome outcome;
            if (stopped.contains(object)) {
                outcome = EventOutcome.NOT_SENT;
            } else if (lostAnswers.contains(object)) {
                outcome = EventOutcome.unavailable(new TargetUnavailableException("connection reset"));
            } else {
                outcome = super.applyAll(List.of(call)).get(0);
            }
            if (outcome.status() != EventOutcome.Status.DONE) {
                stopped.add(object);
            }
            outcomes.add(outcome);
        }
        return outcomes;
    }
}
