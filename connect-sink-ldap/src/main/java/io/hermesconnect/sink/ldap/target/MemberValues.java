package io.hermesconnect.sink.ldap.target;

import com.unboundid.ldap.sdk.DN;
import io.hermesconnect.sink.ldap.mapping.MembershipKind;
import java.util.List;

/**
 * Writes the member values of a group, idempotently: adding a member it has, or removing one it lacks, changes
 * nothing and fails nothing. A generic directory's groups may need a placeholder ({@link PlaceholderMemberValues});
 * Active Directory's groups may be empty but return their members range by range
 * ({@link ActiveDirectoryMemberValues}).
 */
interface MemberValues {

    /** Adds {@code member} to {@code group}. */
    void add(MembershipKind kind, DN group, DN member);

    /** Removes {@code member} from {@code group}. */
    void remove(MembershipKind kind, DN group, DN member);

    /** Makes {@code members} the whole member list of {@code group}. */
    void replace(MembershipKind kind, DN group, List<DN> members);
}
