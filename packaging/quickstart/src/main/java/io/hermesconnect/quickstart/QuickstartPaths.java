package io.hermesconnect.quickstart;

import java.nio.file.Path;

/**
 * Where the quickstart reads its inputs (the repository: {@code packaging/quickstart/}, the plugin ZIP) and keeps
 * its state: {@code cache/} survives runs (class path, PostgreSQL binaries, class-data archives), {@code run/} is
 * one run's data, logs and pid files, {@code plugins/} the unpacked ZIP.
 */
record QuickstartPaths(Path home, Path state) {

    QuickstartPaths {
        home = home.toAbsolutePath().normalize();
        state = state.toAbsolutePath().normalize();
    }

    /** {@code packaging/quickstart}: sample connectors, SQL, LDIF, log configuration. */
    Path source() {
        return home.resolve("packaging/quickstart");
    }

    Path cache() {
        return state.resolve("cache");
    }

    Path run() {
        return state.resolve("run");
    }

    Path plugins() {
        return state.resolve("plugins");
    }

    Path logs() {
        return run().resolve("logs");
    }

    Path pids() {
        return run().resolve("pids");
    }

    /** Present while a JVM of this run will save its class-data archive when it stops (which then takes longer). */
    Path archivesPending() {
        return run().resolve("cds-dumping");
    }

    Path log(Service service) {
        return logs().resolve(service.id() + ".log");
    }

    /** A path as users see it in messages: relative to the repository when inside it. */
    String show(Path path) {
        Path absolute = path.toAbsolutePath().normalize();
        return absolute.startsWith(home) ? home.relativize(absolute).toString() : absolute.toString();
    }
}
