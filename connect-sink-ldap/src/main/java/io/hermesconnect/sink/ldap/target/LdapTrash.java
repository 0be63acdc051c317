package io.hermesconnect.sink.ldap.target;

import com.unboundid.ldap.sdk.Attribute;
import com.unboundid.ldap.sdk.DN;
import com.unboundid.ldap.sdk.Entry;
import com.unboundid.ldap.sdk.Filter;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.RDN;
import com.unboundid.ldap.sdk.SearchRequest;
import io.hermesconnect.common.sink.ObjectKey;
import io.hermesconnect.common.sink.TrashedObject;
import io.hermesconnect.sink.ldap.mapping.EntryKind;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The trash in the directory: a trashed entry is copied, user attributes only, into its kind's container under the
 * trash DN ({@code ou=<kind>,<trash DN>}), keeping its RDN, and deleted where it was. The copy's
 * {@code createTimestamp}, which the server sets and no later modification changes, is when it was trashed
 * ({@code modifyTimestamp} moves with every later change). Group members that point at a trashed entry are left as
 * they are, so that a recycled entry, which gets its old DN back, is a member again.
 *
 * <p>The copy also keeps the key of the object the events name ({@link TrashedObject#keyText}), which the sink
 * core's purge matches against the parked events' foreign keys: a {@code description} value
 * {@code hermes-connect object <key>}, with the auxiliary class {@code extensibleObject} (core schema of every LDAP
 * server, RFC 4512) so that whatever the entry's object classes the copy may have it. A recycle takes both away
 * again.
 */
final class LdapTrash {

    private static final String TRASHED_AT = "createTimestamp";
    private static final String KEY_ATTRIBUTE = "description";
    private static final String KEY_PREFIX = "hermes-connect object ";
    private static final String ANY_ATTRIBUTE_CLASS = "extensibleObject";

    private final Directory directory;
    private final DN trashDn;

    LdapTrash(Directory directory, DN trashDn) {
        this.directory = directory;
        this.trashDn = trashDn;
    }

    DN trashDn() {
        return trashDn;
    }

    /** Where a kind's trashed entries lie. */
    DN containerOf(EntryKind kind) {
        return new DN(new RDN("ou", kind.name()), trashDn);
    }

    /** Where an entry of a kind named {@code rdn} lies once trashed. */
    DN locationOf(EntryKind kind, RDN rdn) {
        return new DN(rdn, containerOf(kind));
    }

    /** Moves the live entry at {@code live} of {@code object} to the trash; nothing when it is gone. Idempotent. */
    void put(EntryKind kind, DN live, ObjectKey object) {
        Entry entry = directory.read(live, kind.name());
        if (entry == null) {
            return;
        }
        DN location = locationOf(kind, live.getRDN());
        if (directory.read(location, kind.name(), SearchRequest.NO_ATTRIBUTES) == null) {
            ensureContainer(kind);
            Entry copy = entry.duplicate();
            copy.setDN(location);
            copy.addAttribute("objectClass", ANY_ATTRIBUTE_CLASS);
            copy.addAttribute(KEY_ATTRIBUTE, KEY_PREFIX + TrashedObject.keyText(object));
            directory.add(location, copy.getAttributes(), kind.name());
        }
        directory.delete(live, kind.name());
    }

    /**
     * The attributes a trashed copy is to have after a modification in the trash: {@code desired}, keeping the copy's
     * key when the kind maps the attribute that holds it.
     */
    Map<String, List<String>> keepingKey(Map<String, List<String>> desired, Entry copy) {
        List<String> key = keyValues(copy);
        if (key.isEmpty() || !desired.containsKey(KEY_ATTRIBUTE)) {
            return desired;
        }
        Map<String, List<String>> kept = new LinkedHashMap<>(desired);
        List<String> values = new ArrayList<>(desired.get(KEY_ATTRIBUTE));
        values.addAll(key);
        kept.put(KEY_ATTRIBUTE, values);
        return kept;
    }

    /** A trashed copy without the key and the class the trash added, as it is recycled. */
    static Entry withoutKey(Entry copy) {
        Entry entry = copy.duplicate();
        keyValues(copy).forEach(value -> entry.removeAttributeValue(KEY_ATTRIBUTE, value));
        entry.removeAttributeValue("objectClass", ANY_ATTRIBUTE_CLASS);
        return entry;
    }

    private static List<String> keyValues(Entry copy) {
        String[] values = copy.getAttributeValues(KEY_ATTRIBUTE);
        return values == null ? List.of() : Arrays.stream(values).filter(value -> value.startsWith(KEY_PREFIX)).toList();
    }

    private void ensureContainer(EntryKind kind) {
        DN container = containerOf(kind);
        if (directory.read(container, kind.name(), SearchRequest.NO_ATTRIBUTES) == null) {
            directory.add(container, List.of(new Attribute("objectClass", "top", "organizationalUnit"),
                    new Attribute("ou", kind.name())), kind.name());
        }
    }

    /** The entries of the kinds trashed before {@code cutoff}, kind by kind in the order given, oldest first in each. */
    List<TrashedObject> trashedBefore(List<EntryKind> kinds, Instant cutoff) {
        List<TrashedObject> trashed = new ArrayList<>();
        for (EntryKind kind : kinds) {
            DN container = containerOf(kind);
            List<TrashedObject> ofKind = new ArrayList<>();
            directory.pagedSearch(container, Filter.createPresenceFilter("objectClass"), kind.name(), entry -> {
                Date created = entry.getAttributeValueAsDate(TRASHED_AT);
                DN dn = Directory.dnOf(entry);
                if (!dn.equals(container) && created != null && created.toInstant().isBefore(cutoff)) {
                    ofKind.add(new TrashedObject(objectOf(kind, entry, dn), created.toInstant(), dn.toString()));
                }
            }, TRASHED_AT, KEY_ATTRIBUTE);
            ofKind.sort(Comparator.comparing(TrashedObject::trashedAt));
            trashed.addAll(ofKind);
        }
        return trashed;
    }

    /**
     * The object a copy keeps; for a copy without a key (put there by hand), its kind and RDN value, which no parked
     * event names.
     */
    private static ObjectKey objectOf(EntryKind kind, Entry copy, DN dn) {
        List<String> key = keyValues(copy);
        return key.isEmpty() ? new ObjectKey(kind.name(), List.of(dn.getRDN().getAttributeValues()[0]))
                : TrashedObject.parseKey(key.get(0).substring(KEY_PREFIX.length()));
    }

    /** Deletes a trashed entry for good; nothing when it is gone (purged or recycled meanwhile). */
    void purge(TrashedObject object) {
        try {
            DN dn = new DN(object.location());
            if (dn.isDescendantOf(trashDn, false)) {
                directory.delete(dn, object.object().kind());
            }
        } catch (LDAPException e) {
            throw new IllegalArgumentException("A trashed object's location is no DN", e);
        }
    }
}
