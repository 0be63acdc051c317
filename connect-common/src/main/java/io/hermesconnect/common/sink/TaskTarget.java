package io.hermesconnect.common.sink;

import java.util.List;

/**
 * The target as a task's error queue sees it: each event the target applied is counted in the task's status,
 * and with the trashbin on, a removal trashes the object instead ({@link TrashbinTarget#trash}).
 */
final class TaskTarget implements BatchTarget {

    private final SinkTarget target;
    private final boolean trashRemovals;
    private final SinkTaskStatus status;

    /**
     * @param trashRemovals whether removals go to the target's trash; the target is then a {@link TrashbinTarget}
     */
    TaskTarget(SinkTarget target, boolean trashRemovals, SinkTaskStatus status) {
        this.target = target;
        this.trashRemovals = trashRemovals;
        this.status = status;
    }

    @Override
    public List<EventOutcome> applyAll(List<TargetCall> calls) {
        List<TargetCall> sent = trashRemovals ? calls.stream().map(TargetCall::trashingRemovals).toList() : calls;
        List<EventOutcome> outcomes = target.applyAll(sent);
        for (int index = 0; index < sent.size(); index++) {
            if (outcomes.get(index).status() == EventOutcome.Status.DONE) {
                status.applied(sent.get(index).event().operation());
                if (sent.get(index).trash()) {
                    status.trashed();
                }
            }
        }
        return outcomes;
    }
}
