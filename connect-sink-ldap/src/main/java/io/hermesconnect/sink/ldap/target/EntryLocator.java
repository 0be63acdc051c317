package io.hermesconnect.sink.ldap.target;

import com.unboundid.ldap.sdk.DN;
import com.unboundid.ldap.sdk.Filter;
import com.unboundid.ldap.sdk.SearchResultEntry;
import io.hermesconnect.common.sink.TargetDataException;
import io.hermesconnect.sink.ldap.mapping.EntryKind;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Finds the live entry of a kind by its lookup attribute: the entries under the base DN that have the value and all
 * the kind's object classes, leaving out the trash. The search filters on the value only, and the object classes are
 * checked here: on OpenLDAP an equality filter on an object class reads the class's whole index (2.5 ms a search in a
 * directory of 40,000 users, against 0.3 ms for the value alone). Filters are built by UnboundID's {@link Filter},
 * which escapes the value (RFC 4515). What it finds, and what the sink writes, it remembers in a {@link LookupCache}:
 * a membership's group and member are then searched for once, not once per event.
 */
final class EntryLocator {

    /** The most entries, of any kind, that may share a lookup value. */
    static final int MAX_SHARING_VALUE = 100;

    private final Directory directory;
    private final DN baseDn;
    private final DN trashDn;
    private final LookupCache cache;

    /** @param trashDn the trash container, or null when there is none */
    EntryLocator(Directory directory, DN baseDn, DN trashDn, LookupCache cache) {
        this.directory = directory;
        this.baseDn = baseDn;
        this.trashDn = trashDn;
        this.cache = cache;
    }

    /** The filter that finds the entries, of any kind, that have a value of a kind's lookup attribute. */
    static Filter filter(EntryKind kind, String value) {
        return Filter.createEqualityFilter(kind.lookupAttribute(), value);
    }

    /**
     * The entry of {@code kind} whose lookup attribute has {@code value}, or empty when there is none: searched for
     * in the directory, and remembered.
     *
     * @param forKind the kind that asks, named in errors
     * @throws TargetDataException when several entries of the kind, or more than {@link #MAX_SHARING_VALUE} entries,
     *     have the value
     */
    Optional<DN> find(EntryKind kind, String value, String forKind) {
        List<SearchResultEntry> entries = directory.search(baseDn, filter(kind, value), MAX_SHARING_VALUE, forKind, "objectClass");
        if (entries.size() > MAX_SHARING_VALUE) {
            throw new TargetDataException("More than " + MAX_SHARING_VALUE + " entries have the " + kind.lookupAttribute()
                    + " value that kind '" + forKind + "' looks up: it must identify one entry of kind '" + kind.name() + "'");
        }
        List<DN> found = new ArrayList<>();
        for (SearchResultEntry entry : entries) {
            DN dn = Directory.dnOf(entry);
            if (hasClassesOf(kind, entry) && (trashDn == null || !dn.isDescendantOf(trashDn, true))) {
                found.add(dn);
            }
        }
        if (found.size() > 1) {
            throw new TargetDataException("Several entries of kind '" + kind.name() + "' have the " + kind.lookupAttribute()
                    + " value that kind '" + forKind + "' looks up: it must identify one entry");
        }
        if (found.isEmpty()) {
            cache.forget(kind.name(), value);
            return Optional.empty();
        }
        cache.put(kind.name(), value, found.get(0));
        return Optional.of(found.get(0));
    }

    /**
     * Whether an entry has every object class of a kind, compared as LDAP compares them (ignoring case); {@code top},
     * which every entry is, whether stored or not, need not be listed.
     */
    private static boolean hasClassesOf(EntryKind kind, SearchResultEntry entry) {
        Set<String> classes = new HashSet<>(Set.of("top"));
        String[] values = entry.getAttributeValues("objectClass");
        for (String objectClass : values == null ? new String[0] : values) {
            classes.add(objectClass.toLowerCase(Locale.ROOT));
        }
        return kind.objectClasses().stream().allMatch(objectClass -> classes.contains(objectClass.toLowerCase(Locale.ROOT)));
    }

    /** Like {@link #find}, but the DN remembered for the value when there is one. */
    Optional<DN> recall(EntryKind kind, String value, String forKind) {
        Optional<DN> remembered = cache.get(kind.name(), value);
        return remembered.isPresent() ? remembered : find(kind, value, forKind);
    }

    /** Like {@link #recall}, but a missing entry is a data error: the event needs it (a membership's group or member). */
    DN require(EntryKind kind, String value, String forKind, String role) {
        return recall(kind, value, forKind).orElseThrow(() -> new TargetDataException("The " + role + " of an object of kind '"
                + forKind + "' is not in the directory: no entry of kind '" + kind.name() + "' has its "
                + kind.lookupAttribute() + " value"));
    }

    /** Remembers where the sink put the entry of {@code kind} whose lookup value is {@code value}. */
    void remember(EntryKind kind, String value, DN dn) {
        cache.put(kind.name(), value, dn);
    }

    /** Forgets a DN the sink renamed or removed. */
    void forget(DN dn) {
        cache.forget(dn);
    }

    /**
     * Runs an operation on recalled entries. When an entry it modifies is gone and its DN was remembered (another
     * writer renamed or removed it since), the DN is forgotten and the operation runs once more, looking it up again.
     */
    void rerunIfRemembered(Runnable operation) {
        try {
            operation.run();
        } catch (MissingEntryException e) {
            if (!cache.forget(e.dn())) {
                throw e;
            }
            operation.run();
        }
    }
}
