package io.hermesconnect.testkit.ldap;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;

/** PKCS12 trust stores for Java clients of the test servers' TLS ports. */
final class TrustStores {

    private TrustStores() {
    }

    /** Writes a PKCS12 trust store at {@code file} that trusts {@code certificate}. */
    static void write(Path file, String password, Certificate certificate) {
        try (OutputStream out = Files.newOutputStream(file)) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setCertificateEntry("test-server-ca", certificate);
            store.store(out, password.toCharArray());
        } catch (IOException e) {
            throw new UncheckedIOException("could not write trust store " + file, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("could not build trust store " + file, e);
        }
    }

    /** Reads a PEM (or DER) certificate file, e.g. a CA certificate written by openssl. */
    static Certificate readCertificate(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return CertificateFactory.getInstance("X.509").generateCertificate(in);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + file, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("not a certificate: " + file, e);
        }
    }

    /** The certificate stored under {@code alias} in a PKCS12 key store. */
    static Certificate certificateIn(Path keyStoreFile, String password, String alias) {
        try (InputStream in = Files.newInputStream(keyStoreFile)) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, password.toCharArray());
            return store.getCertificate(alias);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + keyStoreFile, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("could not load key store " + keyStoreFile, e);
        }
    }
}
