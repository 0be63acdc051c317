package io.hermesconnect.sink.ldap.target;

import com.unboundid.ldap.sdk.DN;
import com.unboundid.ldap.sdk.LDAPConnectionPool;
import io.hermesconnect.common.sink.SinkEvent;
import io.hermesconnect.common.sink.StepProgress;
import io.hermesconnect.common.sink.TrashbinTarget;
import io.hermesconnect.common.sink.TrashedObject;
import io.hermesconnect.sink.ldap.mapping.EntryKind;
import io.hermesconnect.sink.ldap.mapping.LdapKind;
import io.hermesconnect.sink.ldap.mapping.MembershipKind;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The LDAP directory as a sink target. An event is applied by every kind it feeds, in the order of {@code kinds}
 * (reversed for a removal, so that memberships go before the entries they point at); each kind is one step of the
 * event's {@link StepProgress}, so that a retry resumes at the kind that failed. Events that feed no kind change
 * nothing.
 *
 * <p>Trash: entries go to {@link LdapTrash}; a membership holds nothing worth keeping and is removed at once.
 */
public final class LdapTarget implements TrashbinTarget {

    private final LDAPConnectionPool pool;
    private final List<LdapKind> kinds;
    private final EntryWriter entries;
    private final MembershipWriter memberships;
    private final LdapTrash trash;

    /**
     * @param pool the connections, closed by {@link #close}
     * @param baseDn the DN every kind's entries live under
     * @param trashDn the trash container, or null when there is no trash
     * @param kinds the kinds, in config order
     * @param pageSize entries per page of paged searches
     */
    public LdapTarget(LDAPConnectionPool pool, DN baseDn, DN trashDn, List<LdapKind> kinds, int pageSize) {
        this.pool = pool;
        this.kinds = List.copyOf(kinds);
        Directory directory = new Directory(pool, pageSize);
        this.trash = trashDn == null ? null : new LdapTrash(directory, trashDn);
        EntryLocator locator = new EntryLocator(directory, baseDn, trashDn);
        this.entries = new EntryWriter(directory, baseDn, locator,
                new MemberReferences(directory, baseDn, memberAttributes(kinds)), trash);
        this.memberships = new MembershipWriter(directory, locator);
    }

    /** Opens the pool and the target. */
    public static LdapTarget open(ConnectionSettings connection, DN baseDn, DN trashDn, List<LdapKind> kinds) {
        return new LdapTarget(LdapConnections.openPool(connection), baseDn, trashDn, kinds, connection.pageSize());
    }

    /** The attributes that hold members in the kinds of groups that memberships feed; {@code member} when there are none. */
    private static Set<String> memberAttributes(List<LdapKind> kinds) {
        Set<String> attributes = new LinkedHashSet<>();
        kinds.forEach(kind -> {
            if (kind instanceof MembershipKind membership) {
                attributes.add(membership.group().memberAttribute());
            }
        });
        return attributes.isEmpty() ? Set.of("member") : attributes;
    }

    @Override
    public void add(SinkEvent event, StepProgress progress) {
        apply(event, progress, false, false);
    }

    @Override
    public void modify(SinkEvent event, StepProgress progress) {
        apply(event, progress, false, false);
    }

    @Override
    public void remove(SinkEvent event, StepProgress progress) {
        apply(event, progress, true, false);
    }

    @Override
    public void trash(SinkEvent event, StepProgress progress) {
        apply(event, progress, true, true);
    }

    private void apply(SinkEvent event, StepProgress progress, boolean removal, boolean toTrash) {
        List<LdapKind> fed = new ArrayList<>(kinds.stream().filter(kind -> kind.source().feeds(event)).toList());
        if (removal) {
            Collections.reverse(fed);
        }
        for (int step = 1; step <= fed.size(); step++) {
            if (progress.pending(step)) {
                applyKind(fed.get(step - 1), event, removal, toTrash);
                progress.done(step);
            }
        }
    }

    private void applyKind(LdapKind kind, SinkEvent event, boolean removal, boolean toTrash) {
        if (kind instanceof EntryKind entryKind) {
            if (removal) {
                entries.remove(entryKind, event, toTrash);
            } else {
                entries.upsert(entryKind, event);
            }
        } else if (removal) {
            memberships.remove((MembershipKind) kind, event);
        } else {
            memberships.upsert((MembershipKind) kind, event);
        }
    }

    /** The trashed entries older than {@code cutoff}: kinds in reverse config order (groups before their members). */
    @Override
    public List<TrashedObject> trashedBefore(Instant cutoff) {
        if (trash == null) {
            return List.of();
        }
        List<EntryKind> entryKinds = new ArrayList<>();
        kinds.forEach(kind -> {
            if (kind instanceof EntryKind entryKind) {
                entryKinds.add(0, entryKind);
            }
        });
        return trash.trashedBefore(entryKinds, cutoff);
    }

    @Override
    public void purge(TrashedObject object) {
        if (trash != null) {
            trash.purge(object);
        }
    }

    @Override
    public void close() {
        pool.close();
    }
}
