package io.hermesconnect.sink.ldap.config;

import com.unboundid.ldap.sdk.DN;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;

/** An LDAP DN (RFC 4514), e.g. {@code dc=example,dc=org}; an unset value is accepted. */
final class DistinguishedName implements ConfigDef.Validator {

    @Override
    public void ensureValid(String name, Object value) {
        if (value != null && !DN.isValidDN(value.toString())) {
            throw new ConfigException(name, value, "must be a DN such as dc=example,dc=org (RFC 4514)");
        }
    }

    @Override
    public String toString() {
        return "a DN (RFC 4514)";
    }
}
