package io.hermesconnect.testkit.ldap;

import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPConnectionOptions;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.util.ssl.HostNameSSLSocketVerifier;
import com.unboundid.util.ssl.SSLUtil;
import com.unboundid.util.ssl.TrustStoreTrustManager;
import java.nio.file.Path;
import java.security.GeneralSecurityException;

/** LDAPS connections as a strict client makes them: only the given trust store, and the host name checked. */
final class LdapsConnections {

    private LdapsConnections() {
    }

    static LDAPConnection open(Path trustStore, String trustStorePassword, String host, int port,
            String bindDn, String bindPassword) throws LDAPException {
        try {
            SSLUtil ssl = new SSLUtil(new TrustStoreTrustManager(
                    trustStore.toFile(), trustStorePassword.toCharArray(), "PKCS12", true));
            LDAPConnectionOptions options = new LDAPConnectionOptions();
            options.setSSLSocketVerifier(new HostNameSSLSocketVerifier(true));
            return new LDAPConnection(ssl.createSSLSocketFactory(), options, host, port, bindDn, bindPassword);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("could not set up TLS with " + trustStore, e);
        }
    }
}
