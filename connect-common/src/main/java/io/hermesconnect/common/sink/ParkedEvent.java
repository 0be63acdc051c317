package io.hermesconnect.common.sink;

/**
 * An event waiting in the error queue, with why it waits, since when, and how many of its steps the target
 * already performed (see {@link StepProgress}). Immutable: the queue replaces it when a retry changes it.
 *
 * @param event the event
 * @param parkedAtMs when it was parked, epoch milliseconds; a merged event keeps the earlier time
 * @param reason why it waits, for operators: the target's error, or what it waits behind; never a field value
 * @param stepsDone how many steps of the event the target performed
 */
public record ParkedEvent(SinkEvent event, long parkedAtMs, String reason, int stepsDone) {

    /** This event after another attempt that failed. */
    ParkedEvent failedAgain(String reason, int stepsDone) {
        return new ParkedEvent(event, parkedAtMs, reason, stepsDone);
    }
}
