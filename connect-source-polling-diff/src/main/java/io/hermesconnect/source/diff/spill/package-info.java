/**
 * A poll's own objects on disk, so that the worker's heap stays flat with their number (DESIGN.md section 5, "State":
 * neither snapshot is ever held whole on the heap): {@link io.hermesconnect.source.diff.spill.PollSpill} is a
 * temporary MVStore file that lives as long as its poll; each source's rows and each type's merged objects are a
 * {@link io.hermesconnect.source.diff.spill.SpilledObjects} sorted by key with the state's encoding, which the merge
 * reads as sorted streams and the diff reads in the order the stored state has. Templates see spilled objects through
 * read-only views ({@link io.hermesconnect.source.diff.spill.KeySetView},
 * {@link io.hermesconnect.source.diff.spill.AttributeMapsView}) whose look-ups and iterations read the file.
 */
package io.hermesconnect.source.diff.spill;
