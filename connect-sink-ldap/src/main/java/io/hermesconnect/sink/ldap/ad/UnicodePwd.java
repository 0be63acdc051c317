package io.hermesconnect.sink.ldap.ad;

import com.unboundid.ldap.sdk.Attribute;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.Modification;
import com.unboundid.ldap.sdk.ModificationType;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.connect.errors.ConnectException;

/**
 * Active Directory's password attribute {@code unicodePwd}: the password in double quotes, encoded as UTF-16LE.
 * The sink sends it only over TLS (LDAPS or StartTLS): {@link #requireProtected} refuses any other connection before
 * anything is sent, because the server does not always refuse. On plain LDAP, Samba refuses simple binds and
 * unsigned SASL binds ({@code strong auth required}) and answers writes of an unbound connection with
 * {@code operations error, 00002020} ({@link io.hermesconnect.sink.ldap.target.ErrorClass#CONFIGURATION} both), but it accepts a password over a
 * Kerberos connection that is signed and not encrypted, where the password crosses the network readable.
 */
public final class UnicodePwd {

    /** The attribute's name. */
    public static final String ATTRIBUTE = "unicodePwd";

    private UnicodePwd() {
    }

    /** The attribute's value for {@code password}. */
    public static byte[] encode(String password) {
        return ('"' + password + '"').getBytes(StandardCharsets.UTF_16LE);
    }

    /** The attribute of a new user's entry, with {@code password}. */
    public static Attribute attribute(String password) {
        return new Attribute(ATTRIBUTE, encode(password));
    }

    /** The modification that sets (resets) an existing user's password as an administrator. */
    public static Modification replace(String password) {
        return new Modification(ModificationType.REPLACE, ATTRIBUTE, encode(password));
    }

    /**
     * Refuses a connection without TLS (neither LDAPS nor StartTLS done): the sink must never send a password in
     * clear. The task fails, since every password would fail the same way until the config changes.
     *
     * @param securityKey the config key that chooses LDAPS or StartTLS, named in the error
     */
    public static void requireProtected(LDAPConnection connection, String securityKey) {
        if (connection.getSSLSession() == null) {
            throw new ConnectException("Active Directory accepts passwords (" + ATTRIBUTE + ") only over an encrypted"
                    + " connection, and this one is plain LDAP: set " + securityKey + " to ldaps or starttls");
        }
    }
}
