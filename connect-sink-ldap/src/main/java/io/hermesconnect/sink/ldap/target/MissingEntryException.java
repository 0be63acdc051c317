package io.hermesconnect.sink.ldap.target;

import com.unboundid.ldap.sdk.DN;
import io.hermesconnect.common.sink.TargetDataException;

/**
 * The directory answered that the entry an operation named does not exist: a data error like any other, which also
 * tells the sink which DN is gone, so that a DN it remembered from a look-up ({@link LookupCache}) can be looked up
 * again. The message, like every error's, does not quote the DN.
 */
final class MissingEntryException extends TargetDataException {

    private final transient DN dn;

    MissingEntryException(String message, DN dn) {
        super(message);
        this.dn = dn;
    }

    /** The DN of the missing entry. */
    DN dn() {
        return dn;
    }
}
