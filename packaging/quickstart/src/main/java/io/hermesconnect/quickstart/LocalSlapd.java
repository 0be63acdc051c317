package io.hermesconnect.quickstart;

import io.hermesconnect.testkit.ServerScript;
import io.hermesconnect.testkit.ldap.OpenLdapServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A real OpenLDAP {@code slapd} as the stack's LDAP server when Debian's {@code slapd} and {@code ldap-utils} are
 * installed: the test kit's own script ({@link OpenLdapServer}'s, the one the ITs use) configures and starts it as a
 * non-system instance with all its state in {@code run/ldap/}, on the quickstart's LDAP port, with the same suffix,
 * containers and administrator as the in-memory server it replaces. Its command line names that folder, so
 * {@link ServiceProcesses} finds and stops it like the other services.
 */
final class LocalSlapd {

    private static final ServerScript SCRIPT = new ServerScript(OpenLdapServer.class, "openldap.sh");
    private static final List<Path> TOOLS = List.of(Path.of("/usr/sbin/slapd"), Path.of("/usr/sbin/slapadd"),
            Path.of("/usr/bin/ldapsearch"), Path.of("/usr/bin/ldapadd"));

    private final QuickstartPaths paths;
    private final ServiceProcesses processes;

    LocalSlapd(QuickstartPaths paths, ServiceProcesses processes) {
        this.paths = paths;
        this.processes = processes;
    }

    /** Whether slapd and the tools its script needs are installed (Debian: {@code apt-get install slapd ldap-utils}). */
    static boolean installed() {
        return TOOLS.stream().allMatch(Files::isExecutable);
    }

    /** Its configuration, data and log folder. */
    Path dir() {
        return paths.run().resolve("ldap");
    }

    /** Configures and starts slapd, waits until it answers, and records its pid as the LDAP service's. */
    void start() {
        try {
            SCRIPT.run(Map.of("DIR", dir().toString(), "PORT", Integer.toString(Service.LDAP.port()),
                    "ROOTPW", StackJvms.LDAP_PASSWORD));
        } catch (RuntimeException e) {
            throw new QuickstartException("slapd did not start: " + e.getMessage(), dir().resolve("slapd.log"), e);
        }
        try {
            processes.recordPid(Service.LDAP, Long.parseLong(Files.readString(dir().resolve("slapd.pid")).strip()));
        } catch (IOException | NumberFormatException e) {
            throw new QuickstartException("slapd started but left no readable pid file in " + paths.show(dir()),
                    null, e);
        }
    }
}
