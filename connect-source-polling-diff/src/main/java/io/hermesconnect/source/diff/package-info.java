/**
 * The snapshot-diff polling source (DESIGN.md section 5, HERMES.md section 1):
 * {@link io.hermesconnect.source.diff.PollingDiffSourceConnector} and its task, which runs one poll after another.
 * Users' guide: {@code src/main/doc/polling-diff-source.md}.
 *
 * <h2>Packages</h2>
 * {@code config} parses the flat config into a {@code PollPlan} and validates it (live checks through the fetchers);
 * {@code fetch} reads sources ({@code fetch.jdbc}, {@code fetch.ldap}); {@code model}, {@code merge},
 * {@code constraint}, {@code diff} and {@code state} are the poll's logic; {@code spill} keeps the poll's own objects
 * on disk while it runs; {@code store} keeps the last emitted state (a compacted topic and a local MVStore copy);
 * {@code poll} runs a poll; {@code event} builds its records; {@code report} logs and publishes its figures.
 *
 * <h2>One poll, in order</h2>
 * <ol>
 *   <li><b>Fetch</b> ({@link io.hermesconnect.source.diff.poll.PollFetch}): each source of each type gives its rows, mapped to attributes and turned into
 *       {@link io.hermesconnect.source.diff.model.DataObject}s by {@link io.hermesconnect.source.diff.model.ObjectType#object}
 *       (values normalized, absent ones dropped, the key taken; a missing key attribute aborts the poll), and spilled as
 *       they come to the poll's {@link io.hermesconnect.source.diff.spill.PollSpill}, sorted by key, by a thread of
 *       its own ({@link io.hermesconnect.source.diff.spill.SpillWriter}) while the task's reads the next rows.</li>
 *   <li><b>Merge</b> ({@link io.hermesconnect.source.diff.merge.TypeMerger}), type by type: merge constraints to a
 *       fixed point, then a sorted merge of the sources, folded in declared order by their key merge constraint;
 *       merge conflicts and duplicate keys fall back to the last emitted state (or are dropped) and are reported with {@code to.string}.</li>
 *   <li><b>Integrity constraints</b> ({@link io.hermesconnect.source.diff.constraint.IntegrityConstraints}) across
 *       all types to a fixed point, templates seeing the spilled objects through views (a key look-up, a stream), in
 *       {@link io.hermesconnect.source.diff.poll.PollSnapshotBuilder}. A failure in steps 1 to 3 throws
 *       {@link io.hermesconnect.source.diff.model.PollAbortedException} and the poll emits nothing.</li>
 *   <li><b>Diff</b> ({@link io.hermesconnect.source.diff.diff.SnapshotDiff}) of each type's snapshot against its last
 *       emitted state, both as streams sorted by {@link io.hermesconnect.source.diff.model.ObjectKey} read from disk,
 *       each object still encoded ({@link io.hermesconnect.source.diff.store.EncodedObject}): in a type without secret
 *       or local attributes, one whose bytes equal its stored state's is unchanged and never decoded; the state's form
 *       of an object ({@link io.hermesconnect.source.diff.state.StateProjection}) holds secrets as HMACs and no local
 *       attribute; cache-only attributes are stored, never diffed.</li>
 *   <li><b>Emit order</b> ({@link io.hermesconnect.source.diff.diff.EmitOrder}): additions and modifications in type
 *       order, removals ({@link io.hermesconnect.source.diff.diff.SnapshotRemovals}: the stored keys the poll lacks) in
 *       reverse type order. Each {@link io.hermesconnect.source.diff.diff.Change} carries the state to write for its
 *       key once the poll's events are acknowledged.</li>
 * </ol>
 *
 * <h2>The task</h2>
 * {@link io.hermesconnect.source.diff.poll.PollPreparation} runs steps 1 to 3 and sets up the diff (with the deletes a
 * change of the data model calls for, {@code ModelChanges}); {@link io.hermesconnect.source.diff.poll.PollEmission}
 * hands the events over batch by batch and counts Connect's acknowledgements; once all arrived,
 * {@link io.hermesconnect.source.diff.poll.InFlightPoll#commit} writes the state and the write-back runs. Neither the
 * polled objects nor the stored state are ever whole on the heap; the poll's spill is deleted when the poll ends,
 * whatever happens.
 *
 * <p>Templates that test kept objects (merge conflicts or duplicates that keep their last emitted state) see neither
 * their secrets nor their local attributes, which the state does not hold: integrity constraints that read those
 * should use {@code default} or {@code is defined}, or a conflict aborts every poll until it is fixed.
 */
package io.hermesconnect.source.diff;
