/**
 * The sink core, written once for every sink (DESIGN.md section 7, HERMES.md section 2): a target implements
 * only its operations ({@link io.hermesconnect.common.sink.SinkTarget}, optionally with a trash:
 * {@link io.hermesconnect.common.sink.TrashbinTarget}), the core does the rest.
 *
 * <ul>
 *   <li>{@link io.hermesconnect.common.sink.ChangeEventSinkTask}, the base of every sink task: a connector's task
 *       opens its target, the base reads records, applies them through the error queue, asks Connect for a backoff
 *       while the target is down, retries and expires parked events, trashes and purges, and reports its status
 *       ({@link io.hermesconnect.common.sink.SinkTaskMXBean}); {@link io.hermesconnect.common.sink.SinkCoreConfig}
 *       holds its keys, which every sink connector adds to its own definition;</li>
 *   <li>{@link io.hermesconnect.common.sink.SinkEventReader} reads our change events, Debezium's and tombstones
 *       into {@link io.hermesconnect.common.sink.SinkEvent}s (object kind and key, add / modify / remove, the
 *       states as field maps without unchanged-TOAST placeholders, foreign keys, secret fields);</li>
 *   <li>{@link io.hermesconnect.common.sink.ErrorQueue}: per-object ordering, parking, retries oldest first,
 *       multi-step events resumed through {@link io.hermesconnect.common.sink.StepProgress}, the foreign-key
 *       policy, remediation and the maximum age, over a {@link io.hermesconnect.common.sink.ParkedEventStore};</li>
 *   <li>failure classes: {@link io.hermesconnect.common.sink.TargetDataException} parks the event,
 *       {@link io.hermesconnect.common.sink.TargetUnavailableException} is Connect's {@code RetriableException}.</li>
 * </ul>
 *
 * <p>Several tasks: a parked object belongs to the topic partition of the record that carried its first parked
 * event. A task holds the parked objects of the partitions Connect assigned to it: {@code open} loads theirs from
 * the store, {@code close} forgets them (they stay in the store for the next owner). The foreign-key policy sees
 * the parked objects of its own task only, so it holds a parent back from a child on another task's partition only
 * when both travel on one partition (the polling-diff source's single topic) or {@code tasks.max=1}.
 *
 * <p>Concurrency: the error queue decides each event on the task's thread and hands the target runs of events
 * that may be applied together ({@link io.hermesconnect.common.sink.SinkTarget#applyAll}, one outcome per event):
 * a target applies them one at a time by default, or several objects' events at once (the HTTP sink's requests in
 * flight), one object's events in order. Parking, the parent index and the store stay on the task's thread.
 */
package io.hermesconnect.common.sink;
