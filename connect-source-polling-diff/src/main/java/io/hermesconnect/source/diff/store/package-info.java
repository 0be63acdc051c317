/**
 * The polling-diff source's state (DESIGN.md section 5, "State"): the last emitted snapshot of every type, in a
 * compacted Kafka topic the connector owns, with a disk-backed copy on the worker that the diff reads.
 *
 * <p>{@link io.hermesconnect.source.diff.store.StateStore} is the entry point: it opens (and restores) the local copy,
 * gives each type's stored objects sorted by key and looks one up, and collects a poll's new states in a
 * {@link io.hermesconnect.source.diff.store.PollStateWriter} that commits them once the poll's events were
 * acknowledged. The stored objects are the state's form of the polled ones
 * ({@link io.hermesconnect.source.diff.state.StateProjection}): secrets are held as their HMAC, never in clear.
 */
package io.hermesconnect.source.diff.store;
