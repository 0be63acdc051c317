package io.hermesconnect.testkit.http;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsParameters;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.TrustManagerFactory;

/**
 * The certificates of a test HTTPS server (for 127.0.0.1 and localhost) and its client, fresh and self-signed, as PKCS12 stores in one directory
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
            generateKeyPair(tls.serverKeyStore, "server", "CN=127.0.0.1,O=hermes-testkit", "SAN=ip:127.0.0.1,dns:localhost");
            generateKeyPair(tls.clientKeyStore, "client", "CN=hermes-testkit-client", null);
            trustCertificate(tls.serverKeyStore, "server", tls.trustStore);
            trustCertificate(tls.clientKeyStore, "client", tls.clientTrustStoreOnServer);
            return tls;
        } catch (GeneralSecurityException e) {
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

    /**
     * A self-signed key pair written by the JDK's keytool, which can name 127.0.0.1 in the certificate (the host name
     * clients check): UnboundID's generator leaves loopback addresses out.
     */
    private static void generateKeyPair(Path keyStore, String alias, String subject, String extension) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", alias, "-keyalg", "RSA", "-keysize", "2048", "-validity", "2", "-dname", subject,
                "-keystore", keyStore.toString(), "-storetype", STORE_TYPE, "-storepass", PASSWORD));
        if (extension != null) {
            command.addAll(List.of("-ext", extension));
        }
        Process keytool = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(keytool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            if (keytool.waitFor() != 0) {
                throw new IOException("keytool failed: " + output);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while keytool ran", e);
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
