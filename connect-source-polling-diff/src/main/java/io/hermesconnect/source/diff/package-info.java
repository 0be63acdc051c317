/**
 * The snapshot-diff polling source (DESIGN.md section 5, HERMES.md section 1). So far only the core that each poll
 * runs, pure logic without I/O; the connector is built on top of it.
 *
 * <h2>One poll, in order</h2>
 * <ol>
 *   <li><b>Fetch</b> (to come): each source of each type gives its rows, mapped to attributes and turned into
 *       {@link io.hermesconnect.source.diff.model.DataObject}s by {@link io.hermesconnect.source.diff.model.ObjectType#object}
 *       (values normalized, absent ones dropped, the key taken; a missing key attribute aborts the poll).</li>
 *   <li><b>Merge</b> ({@link io.hermesconnect.source.diff.merge.TypeMerger}), type by type: merge constraints to a
 *       fixed point, then the sources in declared order by their key merge constraint; merge conflicts and duplicate
 *       keys fall back to the last emitted state (or are dropped) and are reported with {@code to.string}.</li>
 *   <li><b>Integrity constraints</b> ({@link io.hermesconnect.source.diff.constraint.IntegrityConstraints}) across
 *       all types to a fixed point, one hashed key set per type per round. Steps 2 and 3 together:
 *       {@link io.hermesconnect.source.diff.poll.PollSnapshotBuilder}; any failure there throws
 *       {@link io.hermesconnect.source.diff.model.PollAbortedException} and the poll emits nothing.</li>
 *   <li><b>Diff</b> ({@link io.hermesconnect.source.diff.diff.SnapshotDiff}) of each type's snapshot against its last
 *       emitted state, both as streams sorted by {@link io.hermesconnect.source.diff.model.ObjectKey}; the state's form
 *       of an object ({@link io.hermesconnect.source.diff.state.StateProjection}) holds secrets as HMACs and no local
 *       attribute; cache-only attributes are stored, never diffed.</li>
 *   <li><b>Emit order</b> ({@link io.hermesconnect.source.diff.diff.EmitOrder}): additions and modifications in type
 *       order, removals in reverse type order. Each {@link io.hermesconnect.source.diff.diff.Change} carries the state
 *       to write for its key once the poll's events are acknowledged.</li>
 * </ol>
 *
 * <h2>What a later session adds</h2>
 * The config ({@code PluginConfig}/{@code GroupedConfigDef}), which builds the types, templates and policies these
 * classes take; the JDBC and LDAP fetch with attribute mapping (column, column list, template) and query templates
 * seeing earlier types; the state store (compacted Kafka topic plus a disk-backed local copy) that gives each type's
 * stored objects sorted by key and answers {@link io.hermesconnect.source.diff.merge.LastEmittedState} look-ups; a
 * spill of the polled objects to disk sorted by key (a source's {@code ORDER BY} follows its collation, not
 * {@code ObjectKey}'s order) in place of {@link io.hermesconnect.source.diff.poll.PollSnapshot#sorted}; the change
 * events, write-back, snapshot modes, reports and the connector and task.
 *
 * <p>Templates that test kept objects (merge conflicts or duplicates that keep their last emitted state) see neither
 * their secrets nor their local attributes, which the state does not hold: integrity constraints that read those
 * should use {@code default} or {@code is defined}, or a conflict aborts every poll until it is fixed.
 */
package io.hermesconnect.source.diff;
