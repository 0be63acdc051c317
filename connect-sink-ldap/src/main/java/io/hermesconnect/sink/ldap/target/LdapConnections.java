package io.hermesconnect.sink.ldap.target;

import com.unboundid.ldap.sdk.FailoverServerSet;
import com.unboundid.ldap.sdk.LDAPConnectionOptions;
import com.unboundid.ldap.sdk.LDAPConnectionPool;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.LDAPURL;
import com.unboundid.ldap.sdk.PostConnectProcessor;
import com.unboundid.ldap.sdk.SimpleBindRequest;
import com.unboundid.ldap.sdk.StartTLSPostConnectProcessor;
import com.unboundid.util.ssl.HostNameSSLSocketVerifier;
import com.unboundid.util.ssl.JVMDefaultTrustManager;
import com.unboundid.util.ssl.SSLUtil;
import com.unboundid.util.ssl.TrustStoreTrustManager;
import io.hermesconnect.common.sink.TargetUnavailableException;
import io.hermesconnect.sink.ldap.target.ConnectionSettings.Security;
import java.security.GeneralSecurityException;
import java.util.List;
import java.util.Locale;
import javax.net.SocketFactory;
import javax.net.ssl.X509TrustManager;
import org.apache.kafka.common.config.ConfigException;

/**
 * Opens the sink's connection pool: the servers in failover order, each connection protected as configured (LDAPS,
 * or StartTLS before the bind), trusting only the trust store and checking that the certificate names the host, then
 * bound. A connection found broken is replaced and the operation retried once on a new one, so a directory that
 * restarted costs no event.
 */
public final class LdapConnections {

    private LdapConnections() {
    }

    /**
     * A pool to the servers. It opens with one connection if it can; a directory that is down then fails the first
     * operations as unavailable, so that a task started while it is down waits for it like one it lost later.
     *
     * @throws ConfigException when a URL is malformed or its scheme does not match the security setting
     * @throws TargetUnavailableException when the pool cannot be created
     * @throws org.apache.kafka.connect.errors.ConnectException naming the keys when the directory refuses the bind
     */
    public static LDAPConnectionPool openPool(ConnectionSettings settings) {
        FailoverServerSet servers = serverSet(settings);
        try {
            LDAPConnectionPool pool = new LDAPConnectionPool(servers, bindRequest(settings), 1, settings.poolSize(), null, false);
            pool.setRetryFailedOperationsDueToInvalidConnections(true);
            pool.setMaxWaitTimeMillis(settings.responseTimeout().toMillis());
            pool.setConnectionPoolName("hermes-ldap-sink");
            return pool;
        } catch (LDAPException e) {
            String message = "Could not connect and bind to " + settings.urls() + ": " + e.getResultCode().getName();
            if (LdapErrors.classify(e.getResultCode()) == ErrorClass.CONFIGURATION) {
                throw LdapErrors.configuration(message, e.getResultCode());
            }
            throw new TargetUnavailableException(message, e);
        }
    }

    /**
     * The servers of the settings, with TLS, timeouts and the bind; shared by the pool and by {@code validate()}.
     *
     * @throws ConfigException when a URL is wrong ({@link #urls}) or TLS cannot be set up with the trust store
     */
    public static FailoverServerSet serverSet(ConnectionSettings settings) {
        List<LDAPURL> urls = urls(settings);
        String[] hosts = urls.stream().map(LDAPURL::getHost).toArray(String[]::new);
        int[] ports = urls.stream().mapToInt(LDAPURL::getPort).toArray();
        try {
            SSLUtil ssl = settings.security() == Security.NONE ? null : new SSLUtil(trustManager(settings));
            SocketFactory sockets = settings.security() == Security.LDAPS ? ssl.createSSLSocketFactory() : null;
            PostConnectProcessor startTls = settings.security() == Security.STARTTLS
                    ? new StartTLSPostConnectProcessor(ssl.createSSLSocketFactory()) : null;
            return new FailoverServerSet(hosts, ports, sockets, options(settings),
                    bindRequest(settings), startTls);
        } catch (GeneralSecurityException e) {
            throw new ConfigException("Could not set up TLS with the trust store: " + e.getMessage());
        }
    }

    private static SimpleBindRequest bindRequest(ConnectionSettings settings) {
        return new SimpleBindRequest(settings.bindDn(), settings.bindPassword());
    }

    /**
     * The servers' URLs, parsed.
     *
     * @throws ConfigException on the URLs' key when one is malformed or its scheme does not match the security setting
     */
    public static List<LDAPURL> urls(ConnectionSettings settings) {
        String scheme = settings.security() == Security.LDAPS ? "ldaps" : "ldap";
        return settings.urls().stream().map(url -> {
            try {
                LDAPURL parsed = new LDAPURL(url);
                if (!parsed.getScheme().equals(scheme)) {
                    throw new ConfigException(settings.urlKey(), url, "must be an " + scheme + ":// URL with security "
                            + settings.security().name().toLowerCase(Locale.ROOT));
                }
                return parsed;
            } catch (LDAPException e) {
                throw new ConfigException(settings.urlKey(), url, "is not an LDAP URL");
            }
        }).toList();
    }

    private static X509TrustManager trustManager(ConnectionSettings settings) {
        if (settings.trustStore() == null) {
            return JVMDefaultTrustManager.getInstance();
        }
        char[] password = settings.trustStorePassword() == null ? null : settings.trustStorePassword().toCharArray();
        return new TrustStoreTrustManager(settings.trustStore().toFile(), password, settings.trustStoreType(), true);
    }

    private static LDAPConnectionOptions options(ConnectionSettings settings) {
        LDAPConnectionOptions options = new LDAPConnectionOptions();
        options.setConnectTimeoutMillis(Math.toIntExact(settings.connectTimeout().toMillis()));
        options.setResponseTimeoutMillis(settings.responseTimeout().toMillis());
        options.setSSLSocketVerifier(new HostNameSSLSocketVerifier(true));
        return options;
    }
}
