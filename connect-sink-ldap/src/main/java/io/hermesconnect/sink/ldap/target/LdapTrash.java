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
import java.util.Comparator;
import java.util.Date;
import java.util.List;

/**
 * The trash in the directory: a trashed entry is copied, user attributes only, into its kind's container under the
 * trash DN ({@code ou=<kind>,<trash DN>}), keeping its RDN, and deleted where it was. The copy's
 * {@code createTimestamp}, which the server sets and no later modification changes, is when it was trashed; the
 * entry's own attributes are left as they were (a {@code description} mark would need an attribute every object class
 * allows, and {@code modifyTimestamp} moves with every later change). Group members that point at a trashed entry are
 * left as they are, so that a recycled entry, which gets its old DN back, is a member again.
 */
final class LdapTrash {

    private static final String TRASHED_AT = "createTimestamp";

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

    /** Moves the live entry at {@code live} to the trash; nothing when it is gone. Idempotent. */
    void put(EntryKind kind, DN live) {
        Entry entry = directory.read(live, kind.name());
        if (entry == null) {
            return;
        }
        DN location = locationOf(kind, live.getRDN());
        if (directory.read(location, kind.name(), SearchRequest.NO_ATTRIBUTES) == null) {
            ensureContainer(kind);
            directory.add(location, entry.getAttributes(), kind.name());
        }
        directory.delete(live, kind.name());
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
                    ofKind.add(new TrashedObject(new ObjectKey(kind.name(), List.of(dn.getRDN().getAttributeValues()[0])),
                            created.toInstant(), dn.toString()));
                }
            }, TRASHED_AT);
            ofKind.sort(Comparator.comparing(TrashedObject::trashedAt));
            trashed.addAll(ofKind);
        }
        return trashed;
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
