package io.hermesconnect.testkit.ldap;

import com.unboundid.ldap.listener.InMemoryDirectoryServer;
import com.unboundid.ldap.listener.InMemoryDirectoryServerConfig;
import com.unboundid.ldap.listener.InMemoryListenerConfig;
import com.unboundid.ldap.listener.SelfSignedCertificateGenerator;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldif.LDIFException;
import com.unboundid.util.ssl.KeyStoreKeyManager;
import com.unboundid.util.ssl.SSLUtil;
import com.unboundid.util.ssl.cert.CertException;
import io.hermesconnect.testkit.TempDirs;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * UnboundID's in-memory directory server on 127.0.0.1 (free ports), for fast tests: suffix
 * {@code dc=example,dc=org} with {@code ou=people} and {@code ou=groups}, administrator
 * {@code cn=admin,dc=example,dc=org} / {@code secret}. With {@link #startWithLdaps()} it also listens for
 * LDAPS and offers StartTLS on the plain port, with a fresh self-signed certificate (SAN: local names and
 * addresses), and writes a PKCS12 trust store for it. Starts in milliseconds (LDAPS adds a key pair, about
 * a second): each test class may have its own.
 */
public final class InMemoryLdapServer extends ExampleDirectory implements AutoCloseable {

    private static final String TLS_PASSWORD = "changeit";
    private static final String CERT_ALIAS = "server";

    private final InMemoryDirectoryServer server;
    private final Path tlsDir;

    private InMemoryLdapServer(InMemoryDirectoryServer server, Path tlsDir) {
        this.server = server;
        this.tlsDir = tlsDir;
    }

    /** Plain LDAP only. */
    public static InMemoryLdapServer start() {
        return start(false, config -> { });
    }

    /**
     * Plain LDAP only, with the server's config adjusted before it starts, e.g. a size limit
     * ({@code setMaxSizeLimit}) or an operation interceptor that delays or rewrites requests.
     */
    public static InMemoryLdapServer startWith(Consumer<InMemoryDirectoryServerConfig> adjustment) {
        return start(false, adjustment);
    }

    /** Plain LDAP with StartTLS, and LDAPS; see {@link #trustStore()}. */
    public static InMemoryLdapServer startWithLdaps() {
        return start(true, config -> { });
    }

    private static InMemoryLdapServer start(boolean withTls, Consumer<InMemoryDirectoryServerConfig> adjustment) {
        try {
            InMemoryDirectoryServerConfig config = new InMemoryDirectoryServerConfig(BASE_DN);
            config.addAdditionalBindCredentials(ADMIN_DN, ADMIN_PASSWORD);
            InetAddress loopback = InetAddress.getByName(HOST);
            List<InMemoryListenerConfig> listeners = new ArrayList<>();
            Path tlsDir = null;
            if (withTls) {
                tlsDir = Files.createTempDirectory("hermes-ldaps-");
                SSLUtil serverSsl = serverSsl(tlsDir);
                listeners.add(InMemoryListenerConfig.createLDAPConfig("ldap", loopback, 0,
                        serverSsl.createSSLSocketFactory()));
                listeners.add(InMemoryListenerConfig.createLDAPSConfig("ldaps", loopback, 0,
                        serverSsl.createSSLServerSocketFactory(), null));
            } else {
                listeners.add(InMemoryListenerConfig.createLDAPConfig("ldap", loopback, 0, null));
            }
            config.setListenerConfigs(listeners);
            adjustment.accept(config);
            InMemoryDirectoryServer server = new InMemoryDirectoryServer(config);
            server.add("dn: " + BASE_DN, "objectClass: dcObject", "objectClass: organization", "o: Example", "dc: example");
            server.add("dn: ou=people," + BASE_DN, "objectClass: organizationalUnit", "ou: people");
            server.add("dn: ou=groups," + BASE_DN, "objectClass: organizationalUnit", "ou: groups");
            server.startListening();
            return new InMemoryLdapServer(server, tlsDir);
        } catch (LDAPException | LDIFException | IOException | GeneralSecurityException | CertException e) {
            throw new IllegalStateException("could not start the in-memory LDAP server", e);
        }
    }

    /** A fresh self-signed server certificate in {@code tlsDir}, with a trust store beside it. */
    private static SSLUtil serverSsl(Path tlsDir) throws CertException, GeneralSecurityException {
        Path keyStore = tlsDir.resolve("server.p12");
        SelfSignedCertificateGenerator.generateSelfSignedCertificate(
                "hermes-testkit", keyStore.toFile(), TLS_PASSWORD, "PKCS12", CERT_ALIAS);
        TrustStores.write(tlsDir.resolve("truststore.p12"), TLS_PASSWORD,
                TrustStores.certificateIn(keyStore, TLS_PASSWORD, CERT_ALIAS));
        return new SSLUtil(
                new KeyStoreKeyManager(keyStore.toFile(), TLS_PASSWORD.toCharArray(), "PKCS12", CERT_ALIAS), null);
    }

    @Override
    public int port() {
        return server.getListenPort("ldap");
    }

    public int ldapsPort() {
        requireLdaps();
        return server.getListenPort("ldaps");
    }

    public String ldapsUrl() {
        return "ldaps://" + HOST + ":" + ldapsPort();
    }

    /** PKCS12 trust store with the LDAPS certificate (password {@link #trustStorePassword()}). */
    public Path trustStore() {
        requireLdaps();
        return tlsDir.resolve("truststore.p12");
    }

    public String trustStorePassword() {
        return TLS_PASSWORD;
    }

    /** An administrator connection over LDAPS that trusts only {@link #trustStore()} and checks the host name. */
    public LDAPConnection connectLdaps() throws LDAPException {
        return LdapsConnections.open(trustStore(), TLS_PASSWORD, HOST, ldapsPort(), ADMIN_DN, ADMIN_PASSWORD);
    }

    /** The UnboundID server itself: direct adds, searches, change inspection, without the network. */
    public InMemoryDirectoryServer directory() {
        return server;
    }

    @Override
    public void close() {
        server.shutDown(true);
        if (tlsDir != null) {
            TempDirs.deleteRecursively(tlsDir);
        }
    }

    private void requireLdaps() {
        if (tlsDir == null) {
            throw new IllegalStateException("started without LDAPS: use InMemoryLdapServer.startWithLdaps()");
        }
    }
}
