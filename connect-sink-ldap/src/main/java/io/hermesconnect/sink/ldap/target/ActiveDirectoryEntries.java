package io.hermesconnect.sink.ldap.target;

import com.unboundid.ldap.sdk.Attribute;
import com.unboundid.ldap.sdk.DN;
import com.unboundid.ldap.sdk.Entry;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.Modification;
import com.unboundid.ldap.sdk.ModificationType;
import io.hermesconnect.common.sink.ObjectKey;
import io.hermesconnect.common.sink.SinkEvent;
import io.hermesconnect.common.sink.SinkOperation;
import io.hermesconnect.common.sink.TargetDataException;
import io.hermesconnect.common.sink.TrashedObject;
import io.hermesconnect.sink.ldap.ad.AccountNames;
import io.hermesconnect.sink.ldap.ad.ActiveDirectoryTrash;
import io.hermesconnect.sink.ldap.ad.ActiveDirectoryTrash.TrashedEntry;
import io.hermesconnect.sink.ldap.ad.PasswordPolicy;
import io.hermesconnect.sink.ldap.ad.UnicodePwd;
import io.hermesconnect.sink.ldap.ad.UserAccountControl;
import io.hermesconnect.sink.ldap.config.LdapSinkConfig;
import io.hermesconnect.sink.ldap.mapping.EntryKind;
import io.hermesconnect.sink.ldap.mapping.TemplateVariables;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The entries of Active Directory: written as on any directory by an {@link EntryWriter}, and for accounts (users,
 * computers) with what AD adds, in two steps per operation.
 *
 * <p><b>Step 1</b> makes the entry equal to the event. A new account gets its names checked ({@link AccountNames}),
 * the event's password or a random one ({@link PasswordPolicy}), and is added <em>disabled</em>, marked as being
 * created in {@code adminDescription}; over a connection without TLS nothing is sent and the task fails
 * ({@link UnicodePwd#requireProtected}). An existing account gets the event's password when the event carries one and
 * {@code before} does not show the same. An add of a trashed entry recycles it. A removal trashes the entry in place
 * ({@link ActiveDirectoryTrash}) or deletes it.
 *
 * <p><b>Step 2</b> sets whether the account is enabled: as {@value AccountAttributes#ENABLED} maps it, else enabled when
 * step 1 created it, else as it is; a trashed account stays disabled. A new account marked as being created is enabled
 * and unmarked in one modification, so that an event redelivered after step 1 finishes the creation too.
 *
 * <p>Member values that point at a renamed entry need no rewrite: AD keeps {@code member} pointing at the object
 * itself, whatever its name.
 */
final class ActiveDirectoryEntries implements Entries {

    /** The mark of an account added disabled and not yet enabled. */
    private static final String BEING_CREATED = "hermes-connect creating";

    private final Directory directory;
    private final DN baseDn;
    private final EntryWriter writer;
    private final PasswordPolicy passwords;
    private final Clock clock;
    /** The kinds without their account attributes, by name: what the writer writes. */
    private final Map<String, EntryKind> written = new HashMap<>();
    /** The kinds as configured, by name. */
    private final Map<String, EntryKind> configured = new HashMap<>();

    ActiveDirectoryEntries(Directory directory, DN baseDn, EntryLocator locator, List<EntryKind> kinds,
            PasswordPolicy passwords, Clock clock) {
        this.directory = directory;
        this.baseDn = baseDn;
        this.passwords = passwords;
        this.clock = clock;
        kinds.forEach(kind -> {
            configured.put(kind.name(), kind);
            written.put(kind.name(), AccountAttributes.withoutAccountAttributes(kind));
        });
        this.writer = new EntryWriter(directory, baseDn, locator, new MemberReferences(directory, baseDn, Set.of()), null,
                this::create);
    }

    @Override
    public int steps() {
        return 2;
    }

    @Override
    public void upsert(EntryKind kind, SinkEvent event, KindSteps steps) {
        TemplateVariables after = TemplateVariables.after(event);
        DN dn = kind.dn(after, baseDn);
        if (steps.pending(1)) {
            if (!writer.upsert(written.get(kind.name()), event)) {
                changePassword(kind, event, dn);
                if (event.operation() == SinkOperation.ADD) {
                    directory.call("recycling an entry", kind.name(), ad -> {
                        ActiveDirectoryTrash.recycle(ad, dn.toString());
                        return null;
                    });
                }
            }
            steps.done(1);
        }
        if (steps.pending(2)) {
            if (AccountAttributes.isAccount(kind)) {
                applyEnabled(kind, after, dn);
            }
            steps.done(2);
        }
    }

    /** Adds a new entry; an account disabled, with its password, over TLS only. */
    private void create(EntryKind writtenKind, DN dn, List<Attribute> attributes, SinkEvent event) {
        EntryKind kind = configured.get(writtenKind.name());
        if (!AccountAttributes.isAccount(kind)) {
            directory.add(dn, attributes, kind.name());
            return;
        }
        Entry account = new Entry(dn, attributes);
        AccountNames.check(account, kind.name());
        String password = AccountAttributes.password(kind, TemplateVariables.after(event), dn.getRDN())
                .orElseGet(passwords::newPassword);
        Integer mapped = account.getAttributeValueAsInteger(UserAccountControl.ATTRIBUTE);
        int flags = mapped == null ? UserAccountControl.NORMAL_ACCOUNT : mapped;
        account.setAttribute(UserAccountControl.ATTRIBUTE, Integer.toString(UserAccountControl.withEnabled(flags, false)));
        account.setAttribute(ActiveDirectoryTrash.MARK_ATTRIBUTE, BEING_CREATED);
        account.addAttribute(UnicodePwd.attribute(password));
        directory.onConnection("adding an account", kind.name(), Set.of(), connection -> {
            UnicodePwd.requireProtected(connection, LdapSinkConfig.SECURITY);
            return connection.add(account);
        });
    }

    /** Sets the event's password on an existing account, unless {@code before} shows the same one. */
    private void changePassword(EntryKind kind, SinkEvent event, DN dn) {
        Optional<String> password = AccountAttributes.password(kind, TemplateVariables.after(event), dn.getRDN());
        if (password.isEmpty() || password.equals(previousPassword(kind, event, dn))) {
            return;
        }
        directory.onConnection("setting the password (" + UnicodePwd.ATTRIBUTE + ")", kind.name(), Set.of(),
                connection -> {
                    UnicodePwd.requireProtected(connection, LdapSinkConfig.SECURITY);
                    return connection.modify(dn.toString(), UnicodePwd.replace(password.get()));
                });
    }

    private static Optional<String> previousPassword(EntryKind kind, SinkEvent event, DN dn) {
        if (event.before() == null) {
            return Optional.empty();
        }
        try {
            return AccountAttributes.password(kind, TemplateVariables.before(event), dn.getRDN());
        } catch (TargetDataException beforeLacksFields) {
            return Optional.empty();
        }
    }

    /** Step 2: the account's disabled flag as the event wants it, every other flag kept. */
    private void applyEnabled(EntryKind kind, TemplateVariables after, DN dn) {
        Entry account = directory.read(dn, kind.name(), UserAccountControl.ATTRIBUTE, ActiveDirectoryTrash.MARK_ATTRIBUTE);
        Integer flags = account == null ? null : account.getAttributeValueAsInteger(UserAccountControl.ATTRIBUTE);
        String mark = account == null ? null : account.getAttributeValue(ActiveDirectoryTrash.MARK_ATTRIBUTE);
        if (flags == null || ActiveDirectoryTrash.trashedAt(mark) != null) {
            return;
        }
        boolean beingCreated = BEING_CREATED.equals(mark);
        boolean enabled = AccountAttributes.enabled(kind, after, dn.getRDN())
                .orElse(beingCreated || (flags & UserAccountControl.ACCOUNTDISABLE) == 0);
        int wanted = UserAccountControl.withEnabled(flags, enabled);
        List<Modification> modifications = new ArrayList<>();
        if (wanted != flags) {
            modifications.add(new Modification(ModificationType.REPLACE, UserAccountControl.ATTRIBUTE,
                    Integer.toString(wanted)));
        }
        if (beingCreated) {
            modifications.add(new Modification(ModificationType.DELETE, ActiveDirectoryTrash.MARK_ATTRIBUTE, BEING_CREATED));
        }
        if (!modifications.isEmpty()) {
            directory.modify(dn, modifications, kind.name());
        }
    }

    @Override
    public void remove(EntryKind kind, SinkEvent event, boolean toTrash, KindSteps steps) {
        if (steps.pending(1)) {
            EntryKind writtenKind = written.get(kind.name());
            if (toTrash) {
                String object = kind.name() + " " + TrashedObject.keyText(event.object());
                writer.liveDn(writtenKind, event).ifPresent(dn -> directory.call("trashing an entry", kind.name(), ad -> {
                    ActiveDirectoryTrash.trash(ad, dn.toString(), clock.instant(), object);
                    return null;
                }));
            } else {
                writer.remove(writtenKind, event, false);
            }
            steps.done(1);
        }
        if (steps.pending(2)) {
            steps.done(2); // a removal has nothing to enable
        }
    }

    /**
     * The entries the trash marks name a kind of, trashed before {@code cutoff}: kind by kind in the order given,
     * oldest first in each; entries of a kind no longer configured last.
     */
    @Override
    public List<TrashedObject> trashedBefore(List<EntryKind> kinds, Instant cutoff) {
        List<String> order = kinds.stream().map(EntryKind::name).toList();
        String names = String.join(",", order);
        List<TrashedEntry> entries = directory.onConnection("listing the trash", names, Set.of(), connection ->
                ActiveDirectoryTrash.trashedBefore(connection, baseDn.toString(), cutoff, directory.pageSize()));
        List<TrashedEntry> named = new ArrayList<>(entries.stream().filter(entry -> entry.object().contains(" ")).toList());
        named.sort(Comparator.comparingInt((TrashedEntry entry) -> {
            int position = order.indexOf(entry.object().substring(0, entry.object().indexOf(' ')));
            return position < 0 ? order.size() : position;
        }).thenComparing(TrashedEntry::trashedAt));
        return named.stream().map(entry -> new TrashedObject(objectOf(entry), entry.trashedAt(), entry.dn())).toList();
    }

    private static ObjectKey objectOf(TrashedEntry entry) {
        return TrashedObject.parseKey(entry.object().substring(entry.object().indexOf(' ') + 1));
    }

    @Override
    public void purge(TrashedObject object) {
        directory.call("purging a trashed entry", object.object().kind(),
                ad -> ActiveDirectoryTrash.purge(ad, object.location()));
    }
}
