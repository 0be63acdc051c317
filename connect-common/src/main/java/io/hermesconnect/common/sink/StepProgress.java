package io.hermesconnect.common.sink;

/**
 * How far a target got with one event that takes several operations (create a user, then add it to its
 * groups): a retry resumes at the step that failed instead of redoing the earlier ones. The target numbers its
 * steps from 1 in the order it performs them:
 *
 * <pre>{@code
 * if (progress.pending(1)) { createEntry(event); progress.done(1); }
 * if (progress.pending(2)) { addMemberships(event); progress.done(2); }
 * }</pre>
 *
 * A target whose operation is one step need not use it. Not thread-safe: one event is applied at a time.
 */
public final class StepProgress {

    private int stepsDone;

    /** Progress at the start of an event: no step done. */
    public StepProgress() {
        this(0);
    }

    /** Progress restored from a store, with the first {@code stepsDone} steps done. */
    public StepProgress(int stepsDone) {
        if (stepsDone < 0) {
            throw new IllegalArgumentException("stepsDone must not be negative");
        }
        this.stepsDone = stepsDone;
    }

    /** Whether step {@code step} still has to be performed. */
    public boolean pending(int step) {
        return step > stepsDone;
    }

    /** Records that step {@code step} succeeded; steps are reported in order. */
    public void done(int step) {
        if (step != stepsDone + 1) {
            throw new IllegalStateException("Step " + step + " reported done after step " + stepsDone + ": steps are done in order");
        }
        stepsDone = step;
    }

    /** How many steps are done. */
    public int stepsDone() {
        return stepsDone;
    }

    /** Whether some step is done, so the target holds part of the event: such an event is never merged with another. */
    public boolean started() {
        return stepsDone > 0;
    }
}
