package io.hermesconnect.sink.ldap.target;

import com.unboundid.ldap.sdk.DN;
import com.unboundid.ldap.sdk.LDAPConnectionPool;
import io.hermesconnect.common.sink.SinkEvent;
import io.hermesconnect.common.sink.StepProgress;
import io.hermesconnect.common.sink.TrashbinTarget;
import io.hermesconnect.common.sink.TrashedObject;
import io.hermesconnect.sink.ldap.ad.ActiveDirectoryErrors;
import io.hermesconnect.sink.ldap.config.DirectoryType;
import io.hermesconnect.sink.ldap.config.LdapSinkConfig;
import io.hermesconnect.sink.ldap.mapping.EntryKind;
import io.hermesconnect.sink.ldap.mapping.LdapKind;
import io.hermesconnect.sink.ldap.mapping.MembershipKind;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The LDAP directory as a sink target. An event is applied by every kind it feeds, in the order of {@code kinds}
 * (reversed for a removal, so that memberships go before the entries they point at); each kind takes its steps of the
 * event's {@link StepProgress} (one, or two for an entry kind on Active Directory: {@link ActiveDirectoryEntries}), so
 * that a retry resumes at the step that failed. Events that feed no kind change nothing.
 *
 * <p>On a generic directory entries are written by {@link LdapEntries}, trashed to {@link LdapTrash}'s container, and
 * member values by {@link PlaceholderMemberValues}; on Active Directory ({@code ldap.directory=active_directory}) by
 * {@link ActiveDirectoryEntries}, trashed in place, and by {@link ActiveDirectoryMemberValues}, every failure classified
 * with AD's sub-codes. A membership holds nothing worth keeping and is removed at once, never trashed.
 */
public final class LdapTarget implements TrashbinTarget {

    private final LDAPConnectionPool pool;
    private final List<LdapKind> kinds;
    private final Entries entries;
    private final MembershipWriter memberships;

    private LdapTarget(LDAPConnectionPool pool, LdapSinkConfig config) {
        this.pool = pool;
        this.kinds = config.kinds();
        DN baseDn = config.baseDn();
        int pageSize = config.connection().pageSize();
        List<EntryKind> entryKinds = kinds.stream().filter(EntryKind.class::isInstance).map(EntryKind.class::cast).toList();
        LookupCache cache = new LookupCache(config.connection().lookupCacheSize());
        if (config.directoryType() == DirectoryType.ACTIVE_DIRECTORY) {
            Directory directory = new Directory(pool, pageSize, (operation, kind, e) ->
                    ActiveDirectoryErrors.toSinkException(e, operation + " of kind '" + kind + "'"));
            EntryLocator locator = new EntryLocator(directory, baseDn, null, cache);
            this.entries = new ActiveDirectoryEntries(directory, baseDn, locator, entryKinds, config.passwordPolicy(),
                    Clock.systemUTC());
            this.memberships = new MembershipWriter(locator, new ActiveDirectoryMemberValues(directory));
        } else {
            Directory directory = new Directory(pool, pageSize, LdapErrors::of);
            DN trashDn = config.trashDn();
            LdapTrash trash = trashDn == null ? null : new LdapTrash(directory, trashDn);
            EntryLocator locator = new EntryLocator(directory, baseDn, trashDn, cache);
            EntryWriter writer = EntryWriter.plain(directory, baseDn, locator,
                    new MemberReferences(directory, baseDn, memberAttributes(kinds)), trash);
            this.entries = new LdapEntries(writer, trash);
            this.memberships = new MembershipWriter(locator, new PlaceholderMemberValues(directory));
        }
    }

    /** Opens the pool and the target of a config. */
    public static LdapTarget open(LdapSinkConfig config) {
        return new LdapTarget(LdapConnections.openPool(config.connection()), config);
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
        int offset = 0;
        for (LdapKind kind : fed) {
            KindSteps steps = new KindSteps(progress, offset);
            if (kind instanceof EntryKind entryKind) {
                if (removal) {
                    entries.remove(entryKind, event, toTrash, steps);
                } else {
                    entries.upsert(entryKind, event, steps);
                }
                offset += entries.steps();
            } else {
                if (steps.pending(1)) {
                    applyMembership((MembershipKind) kind, event, removal);
                    steps.done(1);
                }
                offset += 1;
            }
        }
    }

    private void applyMembership(MembershipKind kind, SinkEvent event, boolean removal) {
        if (removal) {
            memberships.remove(kind, event);
        } else {
            memberships.upsert(kind, event);
        }
    }

    /** The trashed entries older than {@code cutoff}: kinds in reverse config order (groups before their members). */
    @Override
    public List<TrashedObject> trashedBefore(Instant cutoff) {
        List<EntryKind> entryKinds = new ArrayList<>();
        kinds.forEach(kind -> {
            if (kind instanceof EntryKind entryKind) {
                entryKinds.add(0, entryKind);
            }
        });
        return entries.trashedBefore(entryKinds, cutoff);
    }

    @Override
    public void purge(TrashedObject object) {
        entries.purge(object);
    }

    @Override
    public void close() {
        pool.close();
    }
}
