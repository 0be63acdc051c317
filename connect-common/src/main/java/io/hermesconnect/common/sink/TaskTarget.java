package io.hermesconnect.common.sink;

/**
 * The target as a task's error queue sees it: each operation the target performed is counted in the task's
 * status, and with the trashbin on, a removal trashes the object instead ({@link TrashbinTarget#trash}).
 */
final class TaskTarget implements SinkTarget {

    private final SinkTarget target;
    private final TrashbinTarget trashbin;
    private final SinkTaskStatus status;

    /**
     * @param trashbin the target itself when removals go to its trash, or null when they remove
     */
    TaskTarget(SinkTarget target, TrashbinTarget trashbin, SinkTaskStatus status) {
        this.target = target;
        this.trashbin = trashbin;
        this.status = status;
    }

    @Override
    public void add(SinkEvent event, StepProgress progress) {
        target.add(event, progress);
        status.applied(SinkOperation.ADD);
    }

    @Override
    public void modify(SinkEvent event, StepProgress progress) {
        target.modify(event, progress);
        status.applied(SinkOperation.MODIFY);
    }

    @Override
    public void remove(SinkEvent event, StepProgress progress) {
        if (trashbin != null) {
            trashbin.trash(event, progress);
            status.trashed();
        } else {
            target.remove(event, progress);
        }
        status.applied(SinkOperation.REMOVE);
    }

    @Override
    public void close() {
        target.close();
    }
}
