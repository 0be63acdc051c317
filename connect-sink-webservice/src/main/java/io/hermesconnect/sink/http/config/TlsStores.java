package io.hermesconnect.sink.http.config;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.UnrecoverableKeyException;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.types.Password;

/** The TLS context of the sink's client, from the configured trust store and key store (mutual TLS). */
final class TlsStores {

    private TlsStores() {
    }

    /** A store that cannot be read or unlocked, and the key the user must fix. */
    static final class UnreadableStoreException extends ConfigException {

        private static final long serialVersionUID = 1L;
        private final String key;

        UnreadableStoreException(String key, String problem) {
            super("Invalid configuration " + key + ": " + problem);
            this.key = key;
        }

        String key() {
            return key;
        }
    }

    /**
     * The client's TLS context, or null for the JVM's default when no store is configured.
     *
     * @throws UnreadableStoreException naming the key of a store that cannot be read
     */
    static SSLContext context(WebServiceSinkConfig config) {
        String trustLocation = config.getString(WebServiceSinkConfig.SSL_TRUSTSTORE_LOCATION);
        String keyLocation = config.getString(WebServiceSinkConfig.SSL_KEYSTORE_LOCATION);
        if (trustLocation == null && keyLocation == null) {
            return null;
        }
        try {
            TrustManagerFactory trust = null;
            if (trustLocation != null) {
                trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
                trust.init(load(WebServiceSinkConfig.SSL_TRUSTSTORE_LOCATION, trustLocation,
                        config.getString(WebServiceSinkConfig.SSL_TRUSTSTORE_TYPE), config.getPassword(WebServiceSinkConfig.SSL_TRUSTSTORE_PASSWORD)));
            }
            KeyManagerFactory keys = null;
            if (keyLocation != null) {
                Password storePassword = config.getPassword(WebServiceSinkConfig.SSL_KEYSTORE_PASSWORD);
                Password keyPassword = config.getPassword(WebServiceSinkConfig.SSL_KEY_PASSWORD);
                KeyStore store = load(WebServiceSinkConfig.SSL_KEYSTORE_LOCATION, keyLocation,
                        config.getString(WebServiceSinkConfig.SSL_KEYSTORE_TYPE), storePassword);
                keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
                try {
                    keys.init(store, chars(keyPassword != null ? keyPassword : storePassword));
                } catch (UnrecoverableKeyException e) {
                    throw new UnreadableStoreException(WebServiceSinkConfig.SSL_KEY_PASSWORD,
                            "does not unlock the private key of " + WebServiceSinkConfig.SSL_KEYSTORE_LOCATION);
                }
            }
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keys == null ? null : keys.getKeyManagers(), trust == null ? null : trust.getTrustManagers(), null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new UnreadableStoreException(keyLocation != null ? WebServiceSinkConfig.SSL_KEYSTORE_LOCATION
                    : WebServiceSinkConfig.SSL_TRUSTSTORE_LOCATION, "TLS cannot be set up from the store: " + e.getClass().getSimpleName());
        }
    }

    private static KeyStore load(String key, String location, String type, Password password) {
        try (InputStream in = Files.newInputStream(Path.of(location))) {
            KeyStore store = KeyStore.getInstance(type);
            store.load(in, chars(password));
            return store;
        } catch (IOException e) {
            String why = e.getCause() instanceof UnrecoverableKeyException ? "its password is wrong"
                    : Files.isReadable(Path.of(location)) ? "it is not a " + type + " store, or its password is wrong"
                    : "the file does not exist or is not readable";
            throw new UnreadableStoreException(key, "the store cannot be read: " + why);
        } catch (GeneralSecurityException e) {
            throw new UnreadableStoreException(key, "the store cannot be read as a " + type + " store: " + e.getClass().getSimpleName());
        }
    }

    private static char[] chars(Password password) {
        return password == null ? null : password.value().toCharArray();
    }
}
