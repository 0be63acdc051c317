package io.hermesconnect.testkit.ldap;

import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPException;
import io.hermesconnect.testkit.FreePort;
import io.hermesconnect.testkit.ServerScript;
import io.hermesconnect.testkit.TempDirs;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * A real OpenLDAP {@code slapd} as a local process on 127.0.0.1 (free port), state in a temporary
 * directory: suffix {@code dc=example,dc=org} with {@code ou=people} and {@code ou=groups}, schemas core,
 * cosine, inetorgperson and nis, administrator {@code cn=admin,dc=example,dc=org} / {@code secret}. Every
 * other bind (anonymous included) gets slapd's default size limit of 500 entries, which paged searches
 * may read past.
 * Starts in well under a second; needs Debian's {@code slapd} and {@code ldap-utils}
 * ({@code .ci/install-test-servers.sh}).
 */
public final class OpenLdapServer extends ExampleDirectory implements AutoCloseable {

    private static final ServerScript SCRIPT = new ServerScript(OpenLdapServer.class, "openldap.sh");

    private final Path dir;
    private final int port;
    private final Thread stopAtExit;

    private OpenLdapServer(Path dir, int port) {
        this.dir = dir;
        this.port = port;
        this.stopAtExit = new Thread(this::stopAndDelete, "slapd-stopper");
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
            server.stopAndDelete();
            throw e;
        }
        Runtime.getRuntime().addShutdownHook(server.stopAtExit); // in case a test forgets close()
        return server;
    }

    @Override
    public int port() {
        return port;
    }

    /** Stops slapd and keeps its data, as a server that goes away: {@link #restart()} brings it back. */
    public void stop() {
        SCRIPT.run(scriptEnv(), "stop");
    }

    /** Starts slapd again after {@link #stop()}, on the same port with the data it had. */
    public void restart() {
        SCRIPT.run(scriptEnv(), "restart");
    }

    /** Stops slapd and deletes its state. */
    @Override
    public void close() {
        Runtime.getRuntime().removeShutdownHook(stopAtExit);
        stopAndDelete();
    }

    private void stopAndDelete() {
        SCRIPT.run(scriptEnv(), "stop");
        TempDirs.deleteRecursively(dir);
    }

    private Map<String, String> scriptEnv() {
        return Map.of("DIR", dir.toString(), "PORT", Integer.toString(port), "ROOTPW", ADMIN_PASSWORD);
    }
}
