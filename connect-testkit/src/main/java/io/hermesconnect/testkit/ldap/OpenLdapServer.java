package io.hermesconnect.testkit.ldap;

import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPException;
import io.hermesconnect.testkit.FreePort;
import io.hermesconnect.testkit.TempDirs;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * A real OpenLDAP {@code slapd} as a local process on 127.0.0.1 (free port), state in a temporary
 * directory: suffix {@code dc=example,dc=org} with {@code ou=people} and {@code ou=groups}, schemas core,
 * cosine, inetorgperson and nis, administrator {@code cn=admin,dc=example,dc=org} / {@code secret}.
 * Starts in well under a second; needs Debian's {@code slapd} and {@code ldap-utils}
 * ({@code .ci/install-test-servers.sh}).
 */
public final class OpenLdapServer implements LdapServer, AutoCloseable {

    public static final String BASE_DN = "dc=example,dc=org";
    public static final String ADMIN_DN = "cn=admin," + BASE_DN;
    public static final String ADMIN_PASSWORD = "secret";
    private static final String HOST = "127.0.0.1";
    private static final ServerScript SCRIPT = new ServerScript("openldap.sh");

    private final Path dir;
    private final int port;
    private final Thread stopAtExit;

    private OpenLdapServer(Path dir, int port) {
        this.dir = dir;
        this.port = port;
        this.stopAtExit = new Thread(this::stop, "slapd-stopper");
    }

    public static OpenLdapServer start() {
        OpenLdapServer server;
        try {
            server = new OpenLdapServer(Files.createTempDirectory("hermes-slapd-"), FreePort.find());
        } catch (IOException e) {
            throw new UncheckedIOException("could not create slapd's directory", e);
        }
        try {
            SCRIPT.run(server.scriptEnv());
        } catch (RuntimeException e) {
            server.stop();
            throw e;
        }
        Runtime.getRuntime().addShutdownHook(server.stopAtExit); // in case a test forgets close()
        return server;
    }

    public String host() {
        return HOST;
    }

    public int port() {
        return port;
    }

    /** {@code ldap://127.0.0.1:<port>}. */
    @Override
    public String url() {
        return "ldap://" + HOST + ":" + port;
    }

    @Override
    public String baseDn() {
        return BASE_DN;
    }

    public String peopleDn() {
        return "ou=people," + BASE_DN;
    }

    public String groupsDn() {
        return "ou=groups," + BASE_DN;
    }

    @Override
    public String bindDn() {
        return ADMIN_DN;
    }

    @Override
    public String bindPassword() {
        return ADMIN_PASSWORD;
    }

    @Override
    public LDAPConnection connect() throws LDAPException {
        return new LDAPConnection(HOST, port, ADMIN_DN, ADMIN_PASSWORD);
    }

    /** Stops slapd and deletes its state. */
    @Override
    public void close() {
        Runtime.getRuntime().removeShutdownHook(stopAtExit);
        stop();
    }

    private void stop() {
        SCRIPT.run(scriptEnv(), "stop");
        TempDirs.deleteRecursively(dir);
    }

    private Map<String, String> scriptEnv() {
        return Map.of("DIR", dir.toString(), "PORT", Integer.toString(port), "ROOTPW", ADMIN_PASSWORD);
    }
}
