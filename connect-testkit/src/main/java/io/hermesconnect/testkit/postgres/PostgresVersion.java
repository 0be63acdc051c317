package io.hermesconnect.testkit.postgres;

import io.zonky.test.db.postgres.embedded.PgBinaryResolver;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;

/**
 * The PostgreSQL majors the test kit can run. Each resolves zonky's binary archive from its own resource
 * path in the test kit jar (the build puts each major's archive there), so several majors run in one JVM.
 */
public enum PostgresVersion implements PgBinaryResolver {
    V13(13),
    V17(17);

    private final int major;

    PostgresVersion(int major) {
        this.major = major;
    }

    public int major() {
        return major;
    }

    /** Zonky asks with e.g. ("Linux", "x86_64"); the archive is {@code postgres-linux-x86_64.txz}. */
    @Override
    public InputStream getPgBinary(String system, String machineHardware) throws IOException {
        String resource = "postgres-" + system.toLowerCase(Locale.ROOT) + "-" + machineHardware + ".txz";
        InputStream archive = PostgresVersion.class.getResourceAsStream(major + "/" + resource);
        if (archive == null) {
            throw new IOException("no PostgreSQL " + major + " binaries for " + system + "/" + machineHardware
                    + " in the test kit (looked for " + major + "/" + resource + " beside " + PostgresVersion.class + ")");
        }
        return archive;
    }
}
