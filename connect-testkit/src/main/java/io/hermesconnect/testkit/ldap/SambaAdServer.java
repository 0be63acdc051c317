package io.hermesconnect.testkit.ldap;

import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPException;
import io.hermesconnect.testkit.ServerScript;
import io.hermesconnect.testkit.SharedFixtures;
import io.hermesconnect.testkit.TempDirs;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;

/**
 * A real Samba Active Directory domain controller as a local process: realm {@code EXAMPLE.TEST}, base
 * {@code DC=example,DC=test}, administrator {@code CN=Administrator,CN=Users,DC=example,DC=test} /
 * {@code Passw0rd!Adm1n}. Samba's ports are fixed (LDAP 389 with StartTLS, LDAPS 636) and plain simple
 * binds are refused, so clients use LDAPS with {@link #trustStore()} (PKCS12, or {@link #caCertificate()}
 * as PEM). Provisioning takes 15–30 s, so there is one DC per JVM ({@link #shared()}), and a lock file
 * makes other JVMs on this machine wait until it is stopped. Needs Debian's {@code samba-ad-dc
 * samba-ad-provision ldap-utils openssl} ({@code .ci/install-test-servers.sh}).
 */
public final class SambaAdServer implements LdapServer {

    public static final String REALM = "EXAMPLE.TEST";
    public static final String BASE_DN = "DC=example,DC=test";
    public static final String ADMIN_DN = "CN=Administrator,CN=Users," + BASE_DN;
    public static final String ADMIN_PASSWORD = "Passw0rd!Adm1n";
    private static final String HOST = "127.0.0.1";
    private static final int LDAPS_PORT = 636;
    private static final String TRUST_STORE_PASSWORD = "changeit";
    // fixed, so a DC left over by a killed JVM is found (pid file) and stopped by the next start
    private static final Path DIR = Path.of(System.getProperty("java.io.tmpdir"), "hermes-it", "samba-ad");
    private static final Path LOCK = DIR.resolveSibling("samba-ad.lock");
    private static final ServerScript SCRIPT = new ServerScript(SambaAdServer.class, "samba-ad.sh");
    private static final Map<String, String> SCRIPT_ENV =
            Map.of("DIR", DIR.toString(), "ADMINPW", ADMIN_PASSWORD, "REALM", REALM);
    private static SambaAdServer shared;

    private SambaAdServer() {
    }

    /** The DC of this JVM, provisioned on first use and stopped when the test run ends ({@link SharedFixtures}). */
    public static synchronized SambaAdServer shared() {
        if (shared == null) {
            FileChannel lock = lockMachineWide();
            try {
                SCRIPT.run(SCRIPT_ENV);
                SambaAdServer server = new SambaAdServer();
                TrustStores.write(server.trustStore(), TRUST_STORE_PASSWORD,
                        TrustStores.readCertificate(server.caCertificate()));
                shared = server;
            } catch (RuntimeException e) {
                stopAndUnlock(lock);
                throw e;
            }
            SharedFixtures.register(() -> stopShared(lock));
        }
        return shared;
    }

    private static synchronized void stopShared(FileChannel lock) {
        shared = null;
        stopAndUnlock(lock);
    }

    private static void stopAndUnlock(FileChannel lock) {
        try {
            SCRIPT.run(SCRIPT_ENV, "stop");
            TempDirs.deleteRecursively(DIR);
        } finally {
            closeQuietly(lock);
        }
    }

    public String host() {
        return HOST;
    }

    public int port() {
        return LDAPS_PORT;
    }

    /** {@code ldaps://127.0.0.1:636}. */
    @Override
    public String url() {
        return "ldaps://" + HOST + ":" + LDAPS_PORT;
    }

    /** {@code ldap://127.0.0.1:389}: binds there need StartTLS first. */
    public String startTlsUrl() {
        return "ldap://" + HOST + ":389";
    }

    @Override
    public String baseDn() {
        return BASE_DN;
    }

    /** The default container of users and groups. */
    public String usersDn() {
        return "CN=Users," + BASE_DN;
    }

    @Override
    public String bindDn() {
        return ADMIN_DN;
    }

    @Override
    public String bindPassword() {
        return ADMIN_PASSWORD;
    }

    /** The self-signed CA/server certificate of the LDAPS port, PEM. */
    public Path caCertificate() {
        return DIR.resolve("tls/cert.pem");
    }

    /** PKCS12 trust store with {@link #caCertificate()} (password {@link #trustStorePassword()}). */
    public Path trustStore() {
        return DIR.resolve("tls/truststore.p12");
    }

    public String trustStorePassword() {
        return TRUST_STORE_PASSWORD;
    }

    /** An administrator connection over LDAPS that trusts only {@link #trustStore()} and checks the host name. */
    @Override
    public LDAPConnection connect() throws LDAPException {
        return LdapsConnections.open(trustStore(), TRUST_STORE_PASSWORD, HOST, LDAPS_PORT, ADMIN_DN, ADMIN_PASSWORD);
    }

    private static FileChannel lockMachineWide() {
        try {
            Files.createDirectories(LOCK.getParent());
            FileChannel channel = FileChannel.open(LOCK, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            channel.lock(); // blocks while another JVM on this machine runs its DC
            return channel;
        } catch (IOException e) {
            throw new UncheckedIOException("could not lock " + LOCK, e);
        }
    }

    private static void closeQuietly(FileChannel channel) {
        try {
            channel.close();
        } catch (IOException ignored) {
            // the OS releases the lock when the JVM exits anyway
        }
    }
}
