package io.hermesconnect.testkit.ldap;

import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPException;

/**
 * The directory layout the generic LDAP servers of the test kit share: suffix {@code dc=example,dc=org}
 * with {@code ou=people} and {@code ou=groups}, administrator {@code cn=admin,dc=example,dc=org} /
 * {@code secret}, plain LDAP on the loopback address.
 */
public abstract class ExampleDirectory implements LdapServer {

    public static final String BASE_DN = "dc=example,dc=org";
    public static final String ADMIN_DN = "cn=admin," + BASE_DN;
    public static final String ADMIN_PASSWORD = "secret";
    static final String HOST = "127.0.0.1";

    public abstract int port();

    public String host() {
        return HOST;
    }

    /** {@code ldap://127.0.0.1:<port>}. */
    @Override
    public String url() {
        return "ldap://" + HOST + ":" + port();
    }

    @Override
    public String baseDn() {
        return BASE_DN;
    }

    public String peopleDn() {
        return "ou=people," + BASE_DN;
    }

    public String groupsDn() {
        return "ou=groups," + BASE_DN;
    }

    @Override
    public String bindDn() {
        return ADMIN_DN;
    }

    @Override
    public String bindPassword() {
        return ADMIN_PASSWORD;
    }

    @Override
    public LDAPConnection connect() throws LDAPException {
        return new LDAPConnection(HOST, port(), ADMIN_DN, ADMIN_PASSWORD);
    }
}
