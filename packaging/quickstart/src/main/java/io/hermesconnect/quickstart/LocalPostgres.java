package io.hermesconnect.quickstart;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * PostgreSQL 17 from zonky's binaries jar (unpacked once into {@code cache/postgres/}): {@code initdb}, logical
 * replication settings, the role and database of {@code postgres/init.sql} in single-user mode, then
 * {@code pg_ctl start}. PostgreSQL refuses to run as root: as root it runs as {@code nobody} (through setpriv).
 */
final class LocalPostgres {

    static final String DATABASE = "inventory";
    static final String USER = "hermes";
    static final String PASSWORD = "hermes";
    /** Enough for every step of {@link #start()}. */
    static final Duration START_TIMEOUT = Duration.ofMinutes(4);
    private static final Duration STEP_TIMEOUT = Duration.ofSeconds(60);
    private static final String NOBODY = "65534";

    private final QuickstartPaths paths;
    private final ServiceProcesses processes;
    private final Path bin;
    private final List<String> runAs;

    private LocalPostgres(QuickstartPaths paths, ServiceProcesses processes, Path bin, List<String> runAs) {
        this.paths = paths;
        this.processes = processes;
        this.bin = bin;
        this.runAs = runAs;
    }

    /** Unpacks the binaries if needed and checks that the user PostgreSQL will run as may execute them. */
    static LocalPostgres prepare(QuickstartPaths paths, ServiceProcesses processes, Path binariesJar,
            Console console) {
        String name = binariesJar.getFileName().toString().replaceFirst("\\.jar$", "");
        Path dir = paths.cache().resolve("postgres").resolve(name);
        Path bin = dir.resolve("bin");
        if (!Files.isExecutable(bin.resolve("postgres"))) {
            console.say("unpacking PostgreSQL binaries from " + binariesJar.getFileName());
            unpack(binariesJar, dir);
        }
        List<String> runAs = List.of();
        if ("root".equals(System.getProperty("user.name"))) {
            runAs = List.of("setpriv", "--reuid=" + NOBODY, "--regid=" + NOBODY, "--clear-groups", "--");
            List<String> check = new ArrayList<>(runAs);
            check.addAll(List.of("test", "-x", bin.resolve("postgres").toString()));
            try {
                Commands.run("checking that user nobody may run PostgreSQL", check, null,
                        null, STEP_TIMEOUT);
            } catch (QuickstartException e) {
                throw new QuickstartException("user nobody cannot run " + bin.resolve("postgres") + ": every "
                        + "folder above " + paths.state() + " must be world-searchable (chmod o+x)");
            }
        }
        return new LocalPostgres(paths, processes, bin, runAs);
    }

    /** initdb, configuration, init.sql, start; records the server's pid. Output goes to the postgres log. */
    void start() {
        Path pg = paths.run().resolve("postgres");
        Path data = pg.resolve("data");
        Path log = paths.log(Service.POSTGRES);
        try {
            Files.createDirectories(pg);
            Path passwordFile = Files.writeString(pg.resolve("pwfile"), "postgres\n");
            Files.writeString(log, "");
            if (!runAs.isEmpty()) {
                Commands.run("handing the PostgreSQL folder to nobody",
                        List.of("chown", "-R", NOBODY + ":" + NOBODY, pg.toString(), log.toString()), null,
                        null, STEP_TIMEOUT);
            }
            Commands.run("initdb", asPostgresUser(bin.resolve("initdb").toString(), "-D", data.toString(),
                    "-U", "postgres", "--pwfile=" + passwordFile, "-A", "scram-sha-256", "-E", "UTF8", "--no-locale"),
                    null, log, STEP_TIMEOUT);
            Files.delete(passwordFile);
            Files.writeString(data.resolve("postgresql.conf"), """

                    # ---- Hermes Connect quickstart
                    listen_addresses = 'localhost'
                    port = %d
                    unix_socket_directories = ''
                    wal_level = logical
                    max_wal_senders = 10
                    max_replication_slots = 10
                    """.formatted(Service.POSTGRES.port()), StandardOpenOption.APPEND);
            Files.writeString(data.resolve("pg_hba.conf"), """
                    # TYPE  DATABASE     USER  ADDRESS        METHOD
                    host    all          all   127.0.0.1/32   scram-sha-256
                    host    all          all   ::1/128        scram-sha-256
                    host    replication  all   127.0.0.1/32   scram-sha-256
                    host    replication  all   ::1/128        scram-sha-256
                    """);
            runInitScript(data);
            Commands.run("pg_ctl start", asPostgresUser("setsid", bin.resolve("pg_ctl").toString(), "start",
                    "-D", data.toString(), "-l", log.toString(), "-w", "-t", Long.toString(STEP_TIMEOUT.toSeconds())),
                    null, log, STEP_TIMEOUT.plusSeconds(10));
            processes.recordPid(Service.POSTGRES,
                    Long.parseLong(Files.readAllLines(data.resolve("postmaster.pid")).get(0).strip()));
        } catch (IOException e) {
            throw new QuickstartException("cannot set PostgreSQL up in " + paths.show(pg) + ": " + e.getMessage(),
                    log, e);
        }
    }

    /** The JDBC URL of the sample database. */
    static String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + Service.POSTGRES.port() + "/" + DATABASE;
    }

    /** {@code init.sql} in single-user mode, which exits 0 even when a statement fails: its output tells. */
    private void runInitScript(Path data) throws IOException {
        Path output = paths.logs().resolve("postgres-init.log");
        Path script = paths.source().resolve("postgres/init.sql");
        Commands.run("postgres/init.sql", asPostgresUser(bin.resolve("postgres").toString(), "--single", "-j",
                "-D", data.toString(), "postgres"), script, output, STEP_TIMEOUT);
        if (Files.readString(output).contains("ERROR:")) {
            throw new QuickstartException("packaging/quickstart/postgres/init.sql failed", output);
        }
    }

    private List<String> asPostgresUser(String... command) {
        List<String> full = new ArrayList<>(runAs);
        full.addAll(List.of(command));
        return full;
    }

    /** The jar holds one .txz: extracted next to the target, untarred (tar with xz), then moved into place. */
    private static void unpack(Path jar, Path dir) {
        Path partial = dir.resolveSibling(dir.getFileName() + ".tmp");
        try {
            Folders.deleteTree(partial);
            Files.createDirectories(partial);
            Path archive = partial.resolve("postgres.txz");
            try (ZipFile zip = new ZipFile(jar.toFile())) {
                ZipEntry entry = zip.stream().filter(e -> e.getName().endsWith(".txz")).findFirst()
                        .orElseThrow(() -> new QuickstartException("no .txz archive in " + jar));
                try (InputStream in = zip.getInputStream(entry)) {
                    Files.copy(in, archive);
                }
            }
            Commands.run("unpacking " + jar.getFileName(), List.of("tar", "-xJf", archive.toString(),
                    "-C", partial.toString()), null, null, Duration.ofMinutes(5));
            Files.delete(archive);
            Commands.run("making the PostgreSQL binaries readable", List.of("chmod", "-R", "a+rX",
                    partial.toString()), null, null, STEP_TIMEOUT);
            Folders.deleteTree(dir);
            Files.move(partial, dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot unpack " + jar + " into " + dir, e);
        }
    }
}
