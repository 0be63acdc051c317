package io.hermesconnect.sink.ldap.target;

import com.unboundid.ldap.sdk.DN;
import com.unboundid.ldap.sdk.Filter;
import com.unboundid.ldap.sdk.Modification;
import com.unboundid.ldap.sdk.ModificationType;
import com.unboundid.ldap.sdk.ResultCode;
import com.unboundid.ldap.sdk.SearchRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Rewrites the member values that point at a renamed entry: every entry under the base DN whose member attribute
 * holds the old DN (found by a paged search) gets the new DN instead. Idempotent: a group already rewritten no longer
 * matches, one that holds both DNs loses the old one.
 */
final class MemberReferences {

    private final Directory directory;
    private final DN baseDn;
    private final Set<String> memberAttributes;

    /** @param memberAttributes the attributes that hold members' DNs, in every kind of groups */
    MemberReferences(Directory directory, DN baseDn, Set<String> memberAttributes) {
        this.directory = directory;
        this.baseDn = baseDn;
        this.memberAttributes = Set.copyOf(memberAttributes);
    }

    void rewrite(DN from, DN to, String kind) {
        for (String attribute : memberAttributes) {
            List<DN> groups = new ArrayList<>();
            directory.pagedSearch(baseDn, Filter.createEqualityFilter(attribute, from.toString()), kind,
                    entry -> groups.add(Directory.dnOf(entry)), SearchRequest.NO_ATTRIBUTES);
            for (DN group : groups) {
                ResultCode result = directory.modify(group, List.of(
                        new Modification(ModificationType.DELETE, attribute, from.toString()),
                        new Modification(ModificationType.ADD, attribute, to.toString())), kind,
                        Set.of(ResultCode.ATTRIBUTE_OR_VALUE_EXISTS));
                if (result == ResultCode.ATTRIBUTE_OR_VALUE_EXISTS) {
                    directory.modify(group, List.of(new Modification(ModificationType.DELETE, attribute, from.toString())),
                            kind, Set.of(ResultCode.NO_SUCH_ATTRIBUTE));
                }
            }
        }
    }
}
