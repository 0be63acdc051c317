package io.hermesconnect.common.sink;

/**
 * One event the sink core asks a target to apply, with the progress to resume from: a retry of a parked event
 * passes the steps the target performed before ({@link StepProgress}), and the target records each step it
 * performs in it.
 *
 * @param event the event
 * @param progress the steps done so far; the target updates it
 * @param trash whether the event is a removal that goes to the target's trash ({@link TrashbinTarget#trash}); only
 *     ever set for a {@link TrashbinTarget}
 */
public record TargetCall(SinkEvent event, StepProgress progress, boolean trash) {

    /** A call that applies the event as it is: removals remove. */
    public TargetCall(SinkEvent event, StepProgress progress) {
        this(event, progress, false);
    }

    /** This call with removals going to the trash. */
    TargetCall trashingRemovals() {
        return event.operation() == SinkOperation.REMOVE ? new TargetCall(event, progress, true) : this;
    }

    /** Performs the call through the target's operations, one event at a time. */
    void performOn(SinkTarget target) {
        switch (event.operation()) {
            case ADD -> target.add(event, progress);
            case MODIFY -> target.modify(event, progress);
            case REMOVE -> {
                if (trash) {
                    ((TrashbinTarget) target).trash(event, progress);
                } else {
                    target.remove(event, progress);
                }
            }
        }
    }
}
