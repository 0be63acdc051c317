package io.hermesconnect.sink.ldap.target;

import com.unboundid.ldap.sdk.DN;
import com.unboundid.ldap.sdk.Filter;
import io.hermesconnect.common.sink.TargetDataException;
import io.hermesconnect.sink.ldap.mapping.EntryKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Finds the live entry of a kind by its lookup attribute: the entries under the base DN that have all the kind's
 * object classes and the value, leaving out the trash. Filters are built by UnboundID's {@link Filter}, which escapes
 * the value (RFC 4515).
 */
final class EntryLocator {

    private final Directory directory;
    private final DN baseDn;
    private final DN trashDn;

    /** @param trashDn the trash container, or null when there is none */
    EntryLocator(Directory directory, DN baseDn, DN trashDn) {
        this.directory = directory;
        this.baseDn = baseDn;
        this.trashDn = trashDn;
    }

    /** The filter that finds an entry of a kind by the value of its lookup attribute. */
    static Filter filter(EntryKind kind, String value) {
        List<Filter> parts = new ArrayList<>();
        kind.objectClasses().forEach(objectClass -> parts.add(Filter.createEqualityFilter("objectClass", objectClass)));
        parts.add(Filter.createEqualityFilter(kind.lookupAttribute(), value));
        return Filter.createANDFilter(parts);
    }

    /**
     * The entry of {@code kind} whose lookup attribute has {@code value}, or empty when there is none.
     *
     * @param forKind the kind that asks, named in errors
     * @throws TargetDataException when several entries have the value
     */
    Optional<DN> find(EntryKind kind, String value, String forKind) {
        List<DN> found = new ArrayList<>(directory.searchDns(baseDn, filter(kind, value), 2, forKind));
        found.removeIf(dn -> trashDn != null && dn.isDescendantOf(trashDn, true));
        if (found.size() > 1) {
            throw new TargetDataException("Several entries of kind '" + kind.name() + "' have the " + kind.lookupAttribute()
                    + " value that kind '" + forKind + "' looks up: it must identify one entry");
        }
        return found.stream().findFirst();
    }

    /** Like {@link #find}, but a missing entry is a data error: the event needs it (a membership's group or member). */
    DN require(EntryKind kind, String value, String forKind, String role) {
        return find(kind, value, forKind).orElseThrow(() -> new TargetDataException("The " + role + " of an object of kind '"
                + forKind + "' is not in the directory: no entry of kind '" + kind.name() + "' has its "
                + kind.lookupAttribute() + " value"));
    }
}
