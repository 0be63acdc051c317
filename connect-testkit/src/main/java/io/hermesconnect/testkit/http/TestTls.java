package io.hermesconnect.testkit.http;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsParameters;
import com.unboundid.ldap.listener.SelfSignedCertificateGenerator;
import com.unboundid.util.ssl.cert.CertException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.TrustManagerFactory;

/**
 * The certificates of a test HTTPS server and its client, fresh and self-signed, as PKCS12 stores in one directory
 * (all with password {@link #PASSWORD}): the server's key store, a trust store with the server's certificate for
 * clients, and a client key store whose certificate the server trusts (mutual TLS).
 */
public final class TestTls {

    public static final String PASSWORD = "changeit";
    public static final String STORE_TYPE = "PKCS12";

    private final Path serverKeyStore;
    private final Path trustStore;
    private final Path clientKeyStore;
    private final Path clientTrustStoreOnServer;

    private TestTls(Path dir) {
        this.serverKeyStore = dir.resolve("server.p12");
        this.trustStore = dir.resolve("truststore.p12");
        this.clientKeyStore = dir.resolve("client.p12");
        this.clientTrustStoreOnServer = dir.resolve("server-trusts-client.p12");
    }

    static TestTls create(Path dir) {
        TestTls tls = new TestTls(dir);
        try {
            SelfSignedCertificateGenerator.generateSelfSignedCertificate("hermes-testkit-https", tls.serverKeyStore.toFile(),
                    PASSWORD, STORE_TYPE, "server");
            SelfSignedCertificateGenerator.generateSelfSignedCertificate("hermes-testkit-client", tls.clientKeyStore.toFile(),
                    PASSWORD, STORE_TYPE, "client");
            trustCertificate(tls.serverKeyStore, "server", tls.trustStore);
            trustCertificate(tls.clientKeyStore, "client", tls.clientTrustStoreOnServer);
            return tls;
        } catch (CertException | GeneralSecurityException e) {
            throw new IllegalStateException("could not create test certificates in " + dir, e);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write test certificates in " + dir, e);
        }
    }

    /** A PKCS12 trust store with the server's certificate, for clients. */
    public Path trustStore() {
        return trustStore;
    }

    /** A PKCS12 key store with the client's key and certificate, which a server requiring client certificates trusts. */
    public Path clientKeyStore() {
        return clientKeyStore;
    }

    HttpsConfigurator serverConfigurator(boolean requireClientCertificate) {
        try {
            KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keys.init(load(serverKeyStore), PASSWORD.toCharArray());
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(load(clientTrustStoreOnServer));
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keys.getKeyManagers(), trust.getTrustManagers(), null);
            return new HttpsConfigurator(context) {
                @Override
                public void configure(HttpsParameters params) {
                    SSLParameters parameters = context.getDefaultSSLParameters();
                    parameters.setNeedClientAuth(requireClientCertificate);
                    params.setSSLParameters(parameters);
                }
            };
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("could not set up the test server's TLS", e);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the test server's key store", e);
        }
    }

    private static void trustCertificate(Path keyStore, String alias, Path trustStore) throws IOException, GeneralSecurityException {
        KeyStore trusted = KeyStore.getInstance(STORE_TYPE);
        trusted.load(null, null);
        trusted.setCertificateEntry(alias, load(keyStore).getCertificate(alias));
        try (OutputStream out = Files.newOutputStream(trustStore)) {
            trusted.store(out, PASSWORD.toCharArray());
        }
    }

    private static KeyStore load(Path file) throws IOException, GeneralSecurityException {
        try (InputStream in = Files.newInputStream(file)) {
            KeyStore store = KeyStore.getInstance(STORE_TYPE);
            store.load(in, PASSWORD.toCharArray());
            return store;
        }
    }
}
