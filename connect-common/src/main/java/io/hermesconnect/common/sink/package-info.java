/**
 * The sink core, written once for every sink (DESIGN.md section 7, HERMES.md section 2): a target implements
 * only its operations ({@link io.hermesconnect.common.sink.SinkTarget}), the core does the rest.
 *
 * <p>What exists, pure logic without I/O or threads:
 * <ul>
 *   <li>{@link io.hermesconnect.common.sink.SinkEventReader} reads our change events, Debezium's and tombstones
 *       into {@link io.hermesconnect.common.sink.SinkEvent}s (object kind and key, add / modify / remove, the
 *       states as field maps without unchanged-TOAST placeholders, foreign keys, secret fields);</li>
 *   <li>{@link io.hermesconnect.common.sink.ErrorQueue}: per-object ordering, parking, retries oldest first,
 *       multi-step events resumed through {@link io.hermesconnect.common.sink.StepProgress}, the foreign-key
 *       policy, remediation and the maximum age, over a {@link io.hermesconnect.common.sink.ParkedEventStore}
 *       (in memory for now);</li>
 *   <li>failure classes: {@link io.hermesconnect.common.sink.TargetDataException} parks the event,
 *       {@link io.hermesconnect.common.sink.TargetUnavailableException} is Connect's {@code RetriableException}.</li>
 * </ul>
 *
 * <p>What the next session adds: the parked-event store on a compacted Kafka topic the connector owns (written
 * and acknowledged before the source offsets that carried the events are committed, read back when a task
 * starts); the sink task base, which reads records, drives the queue from {@code put()}, schedules retries every
 * {@code errors.queue.retry.interval.ms} and expiry, hands expired events to the errant record reporter, turns
 * {@code TargetUnavailableException} into a backoff through {@code context.timeout()}, and must never hand the
 * queue a record it already handed it (a redelivered batch would otherwise park an event twice); the trashbin
 * (trash, recycle, purge); status and metrics (parked objects with reason and age, JMX, a log line on every
 * change of the error state).
 */
package io.hermesconnect.common.sink;
