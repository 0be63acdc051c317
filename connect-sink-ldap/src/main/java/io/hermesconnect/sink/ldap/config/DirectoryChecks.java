package io.hermesconnect.sink.ldap.config;

import com.unboundid.ldap.sdk.DN;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.ResultCode;
import com.unboundid.ldap.sdk.SearchRequest;
import com.unboundid.ldap.sdk.ServerSet;
import com.unboundid.ldap.sdk.schema.Schema;
import io.hermesconnect.common.config.ConfigValidation;
import io.hermesconnect.sink.ldap.mapping.EntryKind;
import io.hermesconnect.sink.ldap.mapping.LdapKind;
import io.hermesconnect.sink.ldap.target.AccountAttributes;
import io.hermesconnect.sink.ldap.target.ConnectionSettings.Security;
import io.hermesconnect.sink.ldap.target.LdapConnections;
import java.time.Duration;
import javax.net.ssl.SSLException;
import org.apache.kafka.common.config.Config;
import org.apache.kafka.common.config.ConfigException;

/**
 * The checks of {@code validate()} that ask the directory, under a time limit, each problem on the key to change: an
 * unreachable server on {@code ldap.url}, a failed TLS handshake on the trust store, a refused bind on the bind DN and
 * password, a missing base or trash DN on its key, and an object class or attribute the server's schema (read from its
 * subschema entry) does not know on the kind's key that names it.
 */
final class DirectoryChecks {

    private DirectoryChecks() {
    }

    static void run(LdapSinkConfig config, Config result, Duration timeout) {
        ConfigValidation.runLiveCheck(result, LdapSinkConfig.URL, timeout, problems -> check(config, problems));
    }

    private static void check(LdapSinkConfig config, ConfigValidation.Problems problems) {
        ServerSet servers;
        try {
            LdapConnections.urls(config.connection());
        } catch (ConfigException e) {
            problems.add(LdapSinkConfig.URL, e.getMessage());
            return;
        }
        try {
            servers = LdapConnections.serverSet(config.connection());
        } catch (ConfigException e) {
            problems.add(LdapSinkConfig.TRUSTSTORE_PATH, e.getMessage());
            return;
        }
        try (LDAPConnection connection = servers.getConnection()) {
            requireEntry(connection, config.baseDn(), LdapSinkConfig.BASE_DN, problems);
            if (config.trashDn() != null) {
                requireEntry(connection, config.trashDn(), LdapSinkConfig.TRASH_DN, problems);
            }
            Schema schema = connection.getSchema();
            if (schema != null) {
                config.kinds().forEach(kind -> checkSchema(kind, config.directoryType(), schema, problems));
            }
        } catch (LDAPException e) {
            reportConnectionFailure(config, e, problems);
        }
    }

    private static void reportConnectionFailure(LdapSinkConfig config, LDAPException e, ConfigValidation.Problems problems) {
        ResultCode code = e.getResultCode();
        if (code == ResultCode.INVALID_CREDENTIALS || code == ResultCode.INAPPROPRIATE_AUTHENTICATION) {
            String message = "The directory refused to bind with this DN and password (" + code.getName() + ")";
            problems.add(LdapSinkConfig.BIND_DN, message);
            problems.add(LdapSinkConfig.BIND_PASSWORD, message);
        } else if (config.connection().security() != Security.NONE && causedByTls(e)) {
            problems.add(LdapSinkConfig.TRUSTSTORE_PATH, "The TLS handshake failed: the trust store must hold the server's "
                    + "certificate (or its CA), and the certificate must name the URL's host");
        } else {
            problems.add(LdapSinkConfig.URL, "Could not connect to the directory: " + code.getName());
        }
    }

    private static void requireEntry(LDAPConnection connection, DN dn, String key, ConfigValidation.Problems problems)
            throws LDAPException {
        if (connection.getEntry(dn.toString(), SearchRequest.NO_ATTRIBUTES) == null) {
            problems.add(key, "The directory has no entry with this DN");
        }
    }

    /** Checks a kind's object classes and attributes; on Active Directory not its account attributes, mapped by the sink. */
    private static void checkSchema(LdapKind kind, DirectoryType directory, Schema schema, ConfigValidation.Problems problems) {
        if (!(kind instanceof EntryKind mapped)) {
            return;
        }
        EntryKind entry = directory == DirectoryType.ACTIVE_DIRECTORY ? AccountAttributes.withoutAccountAttributes(mapped) : mapped;
        String prefix = LdapKindConfigs.prefix(kind.name());
        entry.objectClasses().forEach(objectClass -> {
            if (schema.getObjectClass(objectClass) == null) {
                problems.add(prefix + LdapKindConfigs.OBJECT_CLASSES, "Object class '" + objectClass + "' is not in the server's schema");
            }
        });
        requireAttribute(schema, entry.rdnAttribute(), prefix + LdapKindConfigs.RDN_ATTRIBUTE, problems);
        entry.attributes().keySet().forEach(attribute -> requireAttribute(schema, attribute, prefix + LdapKindConfigs.ATTRS + attribute, problems));
        entry.defaults().keySet().forEach(attribute -> requireAttribute(schema, attribute, prefix + LdapKindConfigs.DEFAULTS + attribute, problems));
        entry.createOnly().forEach(attribute -> requireAttribute(schema, attribute, prefix + LdapKindConfigs.IGNORE_ATTRIBUTES, problems));
        requireAttribute(schema, entry.memberAttribute(), prefix + LdapKindConfigs.MEMBER_ATTRIBUTE, problems);
    }

    private static void requireAttribute(Schema schema, String attribute, String key, ConfigValidation.Problems problems) {
        if (schema.getAttributeType(attribute) == null) {
            problems.add(key, "Attribute '" + attribute + "' is not in the server's schema");
        }
    }

    private static boolean causedByTls(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof SSLException) {
                return true;
            }
        }
        return false;
    }
}
