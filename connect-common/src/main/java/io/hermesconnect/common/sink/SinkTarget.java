package io.hermesconnect.common.sink;

/**
 * The operations a sink's target implements; everything else (ordering, the error queue, foreign keys,
 * remediation) is the sink core's. Every operation is idempotent: {@code add} and {@code modify} make the object
 * equal to the event's {@code after} (creating it if missing, leaving {@link SinkEvent#unchanged} attributes as
 * they are), {@code remove} succeeds when the object is already gone.
 *
 * <p>An operation throws {@link TargetDataException} when the event's data is refused (the event is parked) and
 * {@link TargetUnavailableException} when the target cannot be reached (Connect retries). An operation of several
 * steps records them in the {@link StepProgress} it is given, which a retry hands back.
 */
public interface SinkTarget extends AutoCloseable {

    /** Creates the object, or makes it equal to {@code after} if it exists. */
    void add(SinkEvent event, StepProgress progress);

    /** Makes the object equal to {@code after}, creating it if missing. */
    void modify(SinkEvent event, StepProgress progress);

    /** Removes the object; does nothing if it is already gone. */
    void remove(SinkEvent event, StepProgress progress);

    /** Releases the target's connections; the task calls it when it stops. */
    @Override
    default void close() {
    }
}
