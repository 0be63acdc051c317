package io.hermesconnect.source.diff.fetch.ldap;

import com.unboundid.ldap.sdk.BindRequest;
import com.unboundid.ldap.sdk.FailoverServerSet;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPConnectionOptions;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.LDAPURL;
import com.unboundid.ldap.sdk.PostConnectProcessor;
import com.unboundid.ldap.sdk.SimpleBindRequest;
import com.unboundid.ldap.sdk.StartTLSPostConnectProcessor;
import com.unboundid.util.ssl.HostNameSSLSocketVerifier;
import com.unboundid.util.ssl.JVMDefaultTrustManager;
import com.unboundid.util.ssl.SSLUtil;
import com.unboundid.util.ssl.TrustStoreTrustManager;
import io.hermesconnect.source.diff.fetch.FetchException;
import io.hermesconnect.source.diff.fetch.FetchException.Refused;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.List;
import javax.net.SocketFactory;
import javax.net.ssl.X509TrustManager;

/**
 * Opens bound connections to an LDAP source: the servers in order until one answers, over LDAPS or StartTLS when
 * asked, trusting only the configured trust store and checking that the certificate names the host.
 */
final class LdapConnectionFactory {

    private static final String LDAP = "ldap";
    private static final String LDAPS = "ldaps";

    private final LdapSettings settings;

    LdapConnectionFactory(LdapSettings settings) {
        this.settings = settings;
    }

    /** The servers as the messages name them. */
    String source() {
        return String.join(" ", settings.urls());
    }

    /** A connection, bound unless the settings are anonymous; the caller closes it. */
    LDAPConnection open() throws FetchException {
        List<LDAPURL> urls = urls();
        boolean ldaps = LDAPS.equals(urls.get(0).getScheme());
        if (ldaps && settings.startTls()) {
            throw LdapFailures.configError(source(), "StartTLS applies to ldap:// URLs only; ldaps:// connections "
                    + "are encrypted already", Refused.CONNECTION, null);
        }
        String[] hosts = new String[urls.size()];
        int[] ports = new int[urls.size()];
        for (int i = 0; i < urls.size(); i++) {
            hosts[i] = urls.get(i).getHost();
            ports[i] = urls.get(i).getPort();
        }
        SSLUtil ssl = ldaps || settings.startTls() ? new SSLUtil(trustManager()) : null;
        try {
            SocketFactory sockets = ldaps ? ssl.createSSLSocketFactory() : null;
            PostConnectProcessor startTls = settings.startTls()
                    ? new StartTLSPostConnectProcessor(ssl.createSSLSocketFactory()) : null;
            BindRequest bind = settings.anonymous() ? null
                    : new SimpleBindRequest(settings.bindDn(), settings.bindPassword());
            return new FailoverServerSet(hosts, ports, sockets, options(), bind, startTls).getConnection();
        } catch (GeneralSecurityException e) {
            throw LdapFailures.configError(source(), "could not set up TLS with the trust store", Refused.CONNECTION,
                    e);
        } catch (LDAPException e) {
            throw LdapFailures.connecting(source(), e);
        }
    }

    private List<LDAPURL> urls() throws FetchException {
        List<LDAPURL> urls = new ArrayList<>(settings.urls().size());
        for (String url : settings.urls()) {
            LDAPURL parsed;
            try {
                parsed = new LDAPURL(url);
            } catch (LDAPException e) {
                throw notLdapUrl(url, e);
            }
            if (!LDAP.equals(parsed.getScheme()) && !LDAPS.equals(parsed.getScheme())) {
                throw notLdapUrl(url, null);
            }
            urls.add(parsed);
        }
        if (urls.stream().map(LDAPURL::getScheme).distinct().count() > 1) {
            throw LdapFailures.configError(source(), "the server URLs mix ldap:// and ldaps://", Refused.CONNECTION,
                    null);
        }
        return urls;
    }

    private FetchException notLdapUrl(String url, LDAPException cause) {
        return LdapFailures.configError(source(), "not an ldap:// or ldaps:// URL: " + url, Refused.CONNECTION,
                cause);
    }

    private X509TrustManager trustManager() {
        if (settings.trustStore() == null) {
            return JVMDefaultTrustManager.getInstance();
        }
        char[] password = settings.trustStorePassword() == null ? null : settings.trustStorePassword().toCharArray();
        return new TrustStoreTrustManager(settings.trustStore().toFile(), password, settings.trustStoreType(), true);
    }

    private LDAPConnectionOptions options() {
        LDAPConnectionOptions options = new LDAPConnectionOptions();
        options.setConnectTimeoutMillis(Math.toIntExact(settings.connectTimeout().toMillis()));
        options.setResponseTimeoutMillis(settings.responseTimeout().toMillis());
        options.setSSLSocketVerifier(new HostNameSSLSocketVerifier(true));
        return options;
    }
}
