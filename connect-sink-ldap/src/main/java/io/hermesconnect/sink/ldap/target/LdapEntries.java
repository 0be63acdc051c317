package io.hermesconnect.sink.ldap.target;

import io.hermesconnect.common.sink.SinkEvent;
import io.hermesconnect.common.sink.TrashedObject;
import io.hermesconnect.sink.ldap.mapping.EntryKind;
import java.time.Instant;
import java.util.List;

/** The entries of a generic LDAP directory: each operation one step, the trash in {@link LdapTrash}'s container. */
final class LdapEntries implements Entries {

    private final EntryWriter writer;
    private final LdapTrash trash;

    /** @param trash the trash, or null when none is configured */
    LdapEntries(EntryWriter writer, LdapTrash trash) {
        this.writer = writer;
        this.trash = trash;
    }

    @Override
    public int steps() {
        return 1;
    }

    @Override
    public void upsert(EntryKind kind, SinkEvent event, KindSteps steps) {
        if (steps.pending(1)) {
            writer.upsert(kind, event);
            steps.done(1);
        }
    }

    @Override
    public void remove(EntryKind kind, SinkEvent event, boolean toTrash, KindSteps steps) {
        if (steps.pending(1)) {
            writer.remove(kind, event, toTrash);
            steps.done(1);
        }
    }

    @Override
    public List<TrashedObject> trashedBefore(List<EntryKind> kinds, Instant cutoff) {
        return trash == null ? List.of() : trash.trashedBefore(kinds, cutoff);
    }

    @Override
    public void purge(TrashedObject object) {
        if (trash != null) {
            trash.purge(object);
        }
    }
}
