package io.hermesconnect.sink.ldap.target;

import com.unboundid.ldap.sdk.Attribute;
import com.unboundid.ldap.sdk.DN;
import com.unboundid.ldap.sdk.Entry;
import com.unboundid.ldap.sdk.Modification;
import com.unboundid.ldap.sdk.ModificationType;
import com.unboundid.ldap.sdk.SearchRequest;
import io.hermesconnect.common.sink.SinkEvent;
import io.hermesconnect.common.sink.SinkOperation;
import io.hermesconnect.common.sink.TargetDataException;
import io.hermesconnect.sink.ldap.mapping.EntryKind;
import io.hermesconnect.sink.ldap.mapping.TemplateVariables;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Keeps the entries of one kind equal to their objects. An operation reads the live entry first and computes what to
 * change from it, so that a retry or a replay changes nothing more: an entry is created when missing, renamed when its
 * DN changed (and the member values that pointed at it rewritten), and otherwise modified attribute by attribute where
 * its values differ as sets. A create (no {@code before}) is sent without reading first, and falls back to the read
 * when the directory has the entry already. Each operation is one step of the event: it can be redone as a whole.
 */
final class EntryWriter {

    /** Adds a new entry: a plain LDAP add, or on Active Directory an account with its password. */
    @FunctionalInterface
    interface Creator {
        void create(EntryKind kind, DN dn, List<Attribute> attributes, SinkEvent event);
    }

    private final Directory directory;
    private final DN baseDn;
    private final EntryLocator locator;
    private final MemberReferences references;
    private final LdapTrash trash;
    private final Creator creator;
    /** Whether a create is sent without reading first: with a plain add only, which an existing entry refuses whole. */
    private final boolean addsFirst;

    /** @param trash the trash container, or null when none is configured (or the trash is in place) */
    EntryWriter(Directory directory, DN baseDn, EntryLocator locator, MemberReferences references, LdapTrash trash,
            Creator creator) {
        this(directory, baseDn, locator, references, trash, creator, false);
    }

    private EntryWriter(Directory directory, DN baseDn, EntryLocator locator, MemberReferences references, LdapTrash trash,
            Creator creator, boolean addsFirst) {
        this.directory = directory;
        this.baseDn = baseDn;
        this.locator = locator;
        this.references = references;
        this.trash = trash;
        this.creator = creator;
        this.addsFirst = addsFirst;
    }

    /** The writer of a plain LDAP directory: entries are added as they are, a create without reading first. */
    static EntryWriter plain(Directory directory, DN baseDn, EntryLocator locator, MemberReferences references, LdapTrash trash) {
        return new EntryWriter(directory, baseDn, locator, references, trash, plainAdd(directory), true);
    }

    /** The creator of a plain LDAP directory: adds the entry as it is. */
    private static Creator plainAdd(Directory directory) {
        return (kind, dn, attributes, event) -> directory.add(dn, attributes, kind.name());
    }

    /**
     * Makes the entry equal to the event's {@code after}: modifies it where it is (in the trash too, for a
     * modification), renames it when its DN changed, recycles it from the trash for an add, or creates it. The entry
     * is found at the DN of {@code after}, else at the DN of {@code before}, else by the kind's lookup attribute (so
     * that a replayed older event finds an entry renamed since). Before a rename, the member values that point at the
     * entry are rewritten: a retry that finds the entry still under its old name does both again.
     *
     * @return whether the entry was created
     */
    boolean upsert(EntryKind kind, SinkEvent event) {
        TemplateVariables after = TemplateVariables.after(event);
        DN dn = kind.dn(after, baseDn);
        Map<String, List<String>> desired = kind.attributeValues(after, dn.getRDN());
        Optional<String> lookup = lookupValue(kind, after);
        if (addsFirst && event.before() == null && trash == null && created(kind, dn, desired, lookup)) {
            lookup.ifPresent(value -> locator.remember(kind, value, dn));
            return true;
        }
        Optional<DN> old = oldDn(kind, event).filter(previous -> !previous.equals(dn));
        Entry live = directory.read(dn, kind.name());
        if (live == null) {
            Optional<DN> previous = old.filter(candidate -> directory.read(candidate, kind.name(), SearchRequest.NO_ATTRIBUTES) != null)
                    .or(() -> lookup.flatMap(value -> locator.find(kind, value, kind.name())));
            if (previous.isPresent() && !previous.get().equals(dn)) {
                references.rewrite(previous.get(), dn, kind.name());
                directory.rename(previous.get(), dn, kind.name());
                locator.forget(previous.get());
                live = directory.read(dn, kind.name());
            }
        }
        if (live == null && trash != null) {
            return upsertTrashed(kind, event, dn, old, desired);
        }
        if (live == null) {
            creator.create(kind, dn, attributesToCreate(kind, desired), event);
            lookup.ifPresent(value -> locator.remember(kind, value, dn));
            return true;
        }
        modify(kind, dn, live, desired);
        lookup.ifPresent(value -> locator.remember(kind, value, dn));
        return false;
    }

    /**
     * Creates the entry of an object that had no state before (a create, a snapshot's read) in one add when nothing in
     * the directory is it yet, instead of reading first; false when an entry has its lookup value (a replayed older
     * event of an entry renamed since) or its DN: the caller then reads what is there and changes it. Without a trash
     * only: with one, an add first looks for the object in the trash to recycle it.
     */
    private boolean created(EntryKind kind, DN dn, Map<String, List<String>> desired, Optional<String> lookup) {
        if (lookup.isPresent() && locator.find(kind, lookup.get(), kind.name()).isPresent()) {
            return false;
        }
        return directory.addIfAbsent(dn, attributesToCreate(kind, desired), kind.name());
    }

    /** The value of the kind's lookup attribute in a state, if it has one and the state gives it. */
    private static Optional<String> lookupValue(EntryKind kind, TemplateVariables state) {
        try {
            return kind.lookupValue(state);
        } catch (TargetDataException readsUnchangedOrMissingField) {
            return Optional.empty();
        }
    }

    /** Applies an object that is not live: in the trash, where it lies (or recycled by an add); else created. */
    private boolean upsertTrashed(EntryKind kind, SinkEvent event, DN dn, Optional<DN> old, Map<String, List<String>> desired) {
        DN trashed = trash.locationOf(kind, dn.getRDN());
        Entry entry = directory.read(trashed, kind.name());
        if (entry == null && old.isPresent()) {
            DN oldTrashed = trash.locationOf(kind, old.get().getRDN());
            if (directory.read(oldTrashed, kind.name(), SearchRequest.NO_ATTRIBUTES) != null) {
                directory.rename(oldTrashed, trashed, kind.name());
                entry = directory.read(trashed, kind.name());
            }
        }
        if (entry == null) {
            creator.create(kind, dn, attributesToCreate(kind, desired), event);
            return true;
        }
        if (event.operation() == SinkOperation.ADD) {
            Entry recycled = new Entry(dn, LdapTrash.withoutKey(entry).getAttributes());
            desired.forEach((attribute, values) -> {
                if (!kind.isCreateOnly(attribute) || !recycled.hasAttribute(attribute)) {
                    recycled.removeAttribute(attribute);
                    if (!values.isEmpty()) {
                        recycled.addAttribute(attribute, values);
                    }
                }
            });
            directory.add(dn, recycled.getAttributes(), kind.name());
            directory.delete(trashed, kind.name());
        } else {
            modify(kind, trashed, entry, trash.keepingKey(desired, entry));
        }
        return false;
    }

    /** The DN the object had before the event, when {@code before} names it. */
    private Optional<DN> oldDn(EntryKind kind, SinkEvent event) {
        if (event.before() == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(kind.dn(TemplateVariables.before(event), baseDn));
        } catch (TargetDataException beforeLacksFields) {
            return Optional.empty(); // e.g. a WAL update without REPLICA IDENTITY FULL: no rename is detected
        }
    }

    /** Removes the object's entry, or moves it to the trash; nothing when it is gone. */
    void remove(EntryKind kind, SinkEvent event, boolean toTrash) {
        Optional<DN> dn = liveDn(kind, event);
        if (dn.isEmpty()) {
            return;
        }
        if (toTrash) {
            requireTrash(kind).put(kind, dn.get(), event.object());
        } else {
            directory.delete(dn.get(), kind.name());
        }
        locator.forget(dn.get());
    }

    private LdapTrash requireTrash(EntryKind kind) {
        if (trash == null) {
            throw new TargetDataException("The trashbin is on but ldap.trash.dn is not set: the entries of kind '"
                    + kind.name() + "' have no trash to go to");
        }
        return trash;
    }

    /**
     * The DN of the object's live entry for a removal: from {@code before} (or the key alone, for a tombstone), else
     * by the kind's lookup attribute; empty when it is gone.
     */
    Optional<DN> liveDn(EntryKind kind, SinkEvent event) {
        TemplateVariables before = TemplateVariables.before(event);
        try {
            return Optional.of(kind.dn(before, baseDn));
        } catch (TargetDataException lacksFields) {
            Optional<String> value = lookupValue(kind, before);
            if (value.isEmpty()) {
                throw new TargetDataException("Cannot tell which entry of kind '" + kind.name() + "' to remove: "
                        + lacksFields.getMessage() + "; set a lookup.attribute whose mapping reads only key fields");
            }
            return locator.find(kind, value.get(), kind.name());
        }
    }

    private static List<Attribute> attributesToCreate(EntryKind kind, Map<String, List<String>> desired) {
        Map<String, List<String>> values = new LinkedHashMap<>(desired);
        if (kind.memberPlaceholder() != null && values.getOrDefault(kind.memberAttribute(), List.of()).isEmpty()) {
            values.put(kind.memberAttribute(), List.of(kind.memberPlaceholder()));
        }
        List<Attribute> attributes = new ArrayList<>();
        values.forEach((attribute, list) -> {
            if (!list.isEmpty()) {
                attributes.add(new Attribute(attribute, list));
            }
        });
        return attributes;
    }

    /** Changes the attributes whose values differ from the desired ones as sets; object classes are only added. */
    private void modify(EntryKind kind, DN dn, Entry live, Map<String, List<String>> desired) {
        List<Modification> modifications = new ArrayList<>();
        desired.forEach((attribute, values) -> {
            String[] current = live.hasAttribute(attribute) ? live.getAttributeValues(attribute) : new String[0];
            if (attribute.equalsIgnoreCase("objectClass")) {
                Set<String> present = new HashSet<>();
                for (String objectClass : current) {
                    present.add(objectClass.toLowerCase(Locale.ROOT));
                }
                List<String> missing = values.stream().filter(v -> !present.contains(v.toLowerCase(Locale.ROOT))).toList();
                if (!missing.isEmpty()) {
                    modifications.add(new Modification(ModificationType.ADD, attribute, missing.toArray(String[]::new)));
                }
            } else if (!kind.isCreateOnly(attribute) && !new HashSet<>(Arrays.asList(current)).equals(new HashSet<>(values))) {
                modifications.add(values.isEmpty()
                        ? new Modification(ModificationType.DELETE, attribute)
                        : new Modification(ModificationType.REPLACE, attribute, values.toArray(String[]::new)));
            }
        });
        if (!modifications.isEmpty()) {
            directory.modify(dn, modifications, kind.name());
        }
    }
}
