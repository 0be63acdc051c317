package io.hermesconnect.sink.ldap.target;

import io.hermesconnect.common.sink.SinkEvent;
import io.hermesconnect.common.sink.TrashedObject;
import io.hermesconnect.sink.ldap.mapping.EntryKind;
import java.time.Instant;
import java.util.List;

/**
 * Writes the entries of the entry kinds and keeps their trash: on a generic directory ({@link LdapEntries}) or on
 * Active Directory ({@link ActiveDirectoryEntries}). Every operation takes the same number of steps, {@link #steps()},
 * whatever it finds in the directory, so that a retry resumes at the step that failed.
 */
interface Entries {

    /** The steps each operation of a kind takes. */
    int steps();

    /** Makes the entry of {@code event}'s object equal to its {@code after}. */
    void upsert(EntryKind kind, SinkEvent event, KindSteps steps);

    /** Removes the entry of {@code event}'s object, or trashes it. */
    void remove(EntryKind kind, SinkEvent event, boolean toTrash, KindSteps steps);

    /** The entries of {@code kinds} trashed before {@code cutoff}, the first kind's first, oldest first in each. */
    List<TrashedObject> trashedBefore(List<EntryKind> kinds, Instant cutoff);

    /** Deletes a trashed entry for good; nothing when it is gone or recycled. */
    void purge(TrashedObject object);
}
