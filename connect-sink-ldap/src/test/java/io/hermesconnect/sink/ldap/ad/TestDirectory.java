package io.hermesconnect.sink.ldap.ad;

import com.unboundid.ldap.sdk.Attribute;
import com.unboundid.ldap.sdk.DN;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.LDAPInterface;
import com.unboundid.ldap.sdk.RDN;
import com.unboundid.ldap.sdk.extensions.StartTLSExtendedRequest;
import com.unboundid.util.ssl.SSLUtil;
import com.unboundid.util.ssl.TrustStoreTrustManager;
import io.hermesconnect.testkit.UniqueNames;
import io.hermesconnect.testkit.ldap.SambaAdServer;
import java.security.GeneralSecurityException;

/** Entries and connections the Active Directory ITs need on the shared Samba DC. */
final class TestDirectory {

    static final SambaAdServer SAMBA = SambaAdServer.shared();

    private TestDirectory() {
    }

    /** A new, unique sAMAccountName (at most 20 characters, as AD wants). */
    static String accountName() {
        return UniqueNames.of("u");
    }

    /** The DN of a user or group named {@code cn} in the Users container. */
    static String dnOf(String cn) {
        return new DN(new RDN("CN", cn), parse(SAMBA.usersDn())).toString();
    }

    /** Adds a user with {@code password}, created as the sink creates one ({@link UserAccountControl#NEW_USER}). */
    static String addUser(LDAPInterface directory, String accountName, String password) throws LDAPException {
        String dn = dnOf(accountName);
        directory.add(dn, new Attribute("objectClass", "user"),
                new Attribute(AccountNames.SAM_ACCOUNT_NAME, accountName),
                new Attribute(AccountNames.USER_PRINCIPAL_NAME, accountName + "@example.test"),
                UnicodePwd.attribute(password),
                new Attribute(UserAccountControl.ATTRIBUTE, Integer.toString(UserAccountControl.NEW_USER)));
        return dn;
    }

    /** A plain connection to port 389 after StartTLS, trusting only the DC's certificate, bound as {@code dn}. */
    static LDAPConnection startTls(String bindDn, String password) throws LDAPException {
        LDAPConnection connection = new LDAPConnection("127.0.0.1", 389);
        try {
            SSLUtil ssl = new SSLUtil(new TrustStoreTrustManager(SAMBA.trustStore().toFile(),
                    SAMBA.trustStorePassword().toCharArray(), "PKCS12", true));
            connection.processExtendedOperation(new StartTLSExtendedRequest(ssl.createSSLContext()));
            connection.bind(bindDn, password);
            return connection;
        } catch (GeneralSecurityException e) {
            connection.close();
            throw new IllegalStateException("could not set up TLS", e);
        } catch (LDAPException e) {
            connection.close();
            throw e;
        }
    }

    private static DN parse(String dn) {
        try {
            return new DN(dn);
        } catch (LDAPException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
