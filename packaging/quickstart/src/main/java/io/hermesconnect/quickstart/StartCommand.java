package io.hermesconnect.quickstart;

import com.unboundid.ldap.sdk.LDAPException;
import io.hermesconnect.testkit.Wait;
import io.hermesconnect.testkit.connect.ConnectRestClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import org.apache.kafka.common.Uuid;

/**
 * {@code ./quickstart start}: builds the ZIP if needed, starts every service of the stack as its own process,
 * creates the sample connectors and makes the sample change. Detached, it returns once all is up; in the
 * foreground it watches the services until Ctrl-C (which stops them) or {@code ./quickstart stop} elsewhere.
 * Any failure on the way stops what was started.
 */
final class StartCommand {

    static final URI CONNECT_URL = URI.create("http://localhost:" + Service.CONNECT.port() + "/");
    static final Duration STOP_GRACE = Duration.ofSeconds(60);
    private static final Duration BROKER_READY = Duration.ofSeconds(90);
    private static final Duration CONNECT_READY = Duration.ofSeconds(150);
    private static final Duration SERVICE_READY = Duration.ofSeconds(60);
    private static final Duration SAMPLE_CHANGE = Duration.ofSeconds(90);
    /** The sinks retry parked events every 2 s: a membership may wait for its user's entry a few rounds. */
    private static final Duration SINK_ARRIVAL = Duration.ofSeconds(120);
    private static final Duration WATCH_INTERVAL = Duration.ofSeconds(1);
    private static final String SAMPLE_TOPIC = "inventory.public.customers";
    private static final String DIRECTORY_TOPIC = "directory";

    private final QuickstartPaths paths;
    private final Console console;
    private final ServiceProcesses processes;
    private final boolean detach;
    private final boolean noBuild;
    private final String runId = ProcessHandle.current().pid() + "-" + System.nanoTime();
    /** Set once this command no longer owns the services: detached, stopped elsewhere, or being stopped. */
    private volatile boolean released;
    private CompletableFuture<Void> postgresStart = CompletableFuture.completedFuture(null);
    /** The LDAP service is a real slapd when one is installed, else the in-memory server. */
    private final boolean realSlapd = LocalSlapd.installed();
    private final String ldapServer = realSlapd ? "OpenLDAP slapd" : "UnboundID in-memory";

    StartCommand(QuickstartPaths paths, Console console, boolean detach, boolean noBuild) {
        this.paths = paths;
        this.console = console;
        this.processes = new ServiceProcesses(paths, console);
        this.detach = detach;
        this.noBuild = noBuild;
    }

    /** The exit code: 0 when everything runs, 1 when the stack is up but a sample failed or it did not start. */
    int run() {
        SampleConnectors.Outcome outcome;
        try (StateLock lock = StateLock.acquire(paths, Duration.ZERO, "another ./quickstart start or stop is running")) {
            Path zip = new PluginZipBuild(paths, console).zip(noBuild);
            RuntimeClasspath classpath = RuntimeClasspath.resolve(paths, console);
            LocalPostgres postgres = LocalPostgres.prepare(paths, processes, classpath.postgresBinaries(), console);
            stopLeftovers();
            freshFolders();
            Runtime.getRuntime().addShutdownHook(new Thread(this::stopOnExit, "quickstart-stop"));
            try {
                outcome = startStack(zip, classpath, postgres);
            } catch (RuntimeException | AssertionError e) {
                fail(e);
                return 1;
            }
        }
        printSummary(outcome.created());
        if (detach) {
            released = true;
            System.out.println("Running in the background. Stop with: ./quickstart stop    Status: ./quickstart status");
            return outcome.allRunning() ? 0 : 1;
        }
        System.out.println("Press Ctrl-C to stop everything.");
        return watch();
    }

    private SampleConnectors.Outcome startStack(Path zip, RuntimeClasspath classpath, LocalPostgres postgres) {
        try {
            Folders.unzip(zip, paths.plugins());
        } catch (IOException e) {
            throw new QuickstartException("cannot unpack " + paths.show(zip) + ": " + e.getMessage(), null, e);
        }
        console.say("unpacked " + zip.getFileName() + " into " + paths.show(paths.plugins()) + "/");
        StackJvms jvms = new StackJvms(paths, processes, classpath,
                new ClassDataSharing(paths, classpath.key(), !"0".equals(System.getenv("QUICKSTART_CDS"))));
        if (!realSlapd) {
            jvms.startLdap();
        }
        jvms.startHttp();
        postgresStart = CompletableFuture.runAsync(postgres::start);
        jvms.startKafka(Uuid.randomUuid().toString());
        // the worker waits for the broker by itself: starting both at once overlaps their JVM start-up
        jvms.startConnect();
        console.say("starting: broker, Connect worker, LDAP (" + ldapServer + "), HTTP endpoint, PostgreSQL");
        if (realSlapd) {
            new LocalSlapd(paths, processes).start(); // while the JVMs start up
        }
        awaitReady(Service.KAFKA, "the broker on localhost:" + Service.KAFKA.port(), BROKER_READY,
                () -> Service.isListening(Service.KAFKA.port()));
        console.say("broker ready on localhost:" + Service.KAFKA.port());
        awaitPostgres();
        console.say("PostgreSQL ready on localhost:" + Service.POSTGRES.port());
        SampleData sample = new SampleData(LocalPostgres.jdbcUrl(), LocalPostgres.USER, LocalPostgres.PASSWORD);
        Path schema = paths.source().resolve("postgres/inventory.sql");
        try {
            sample.load(schema);
        } catch (Exception e) {
            throw new QuickstartException("cannot load the sample schema " + paths.show(schema) + ": "
                    + e.getMessage(), null, e);
        }
        console.say("sample schema loaded (" + paths.show(schema) + ")");
        awaitReady(Service.LDAP, "LDAP on localhost:" + Service.LDAP.port(), SERVICE_READY,
                () -> Service.isListening(Service.LDAP.port()));
        console.say("LDAP (" + ldapServer + ") ready on localhost:" + Service.LDAP.port());
        awaitReady(Service.HTTP, "the HTTP endpoint on localhost:" + Service.HTTP.port(), SERVICE_READY,
                StartCommand::httpEndpointHealthy);
        console.say("HTTP endpoint ready on localhost:" + Service.HTTP.port());
        ConnectRestClient rest = new ConnectRestClient(CONNECT_URL);
        awaitReady(Service.CONNECT, "the Connect REST API at " + CONNECT_URL, CONNECT_READY, () -> {
            rest.connectors();
            return true;
        });
        console.say("Connect worker ready at " + CONNECT_URL);

        SampleConnectors.Outcome outcome = new SampleConnectors(paths, rest, console).create();
        boolean arrived = true;
        if (outcome.created().contains("inventory-wal")) {
            arrived = showSampleChange(sample);
        }
        if (outcome.created().contains("directory-diff")) {
            arrived &= showDirectoryChanges(sample);
        }
        if (outcome.created().contains("directory-ldap-sink")) {
            arrived &= showDirectory();
        }
        if (outcome.created().contains("inventory-http-sink")) {
            arrived &= showHttpRequests();
        }
        return new SampleConnectors.Outcome(outcome.created(), outcome.allRunning() && arrived);
    }

    /**
     * An added, a changed and a deleted user in the sample's HR tables, shown arriving in Kafka as c, u and d events
     * through the sample polling-diff connector (its next poll, within its 5 s interval).
     */
    private boolean showDirectoryChanges(SampleData sample) {
        console.say("changing users in PostgreSQL's hr and it schemas and waiting for the polling-diff events in Kafka"
                + " (topic " + DIRECTORY_TOPIC + ")");
        try {
            SampleData.awaitRecord("localhost:" + Service.KAFKA.port(), DIRECTORY_TOPIC,
                    value -> value.contains("\"login\":\"cid\"") && value.contains("\"op\":\"r\""), SAMPLE_CHANGE)
                    .orElseThrow(() -> new AssertionError("the first poll's snapshot did not arrive"));
            List<String> logins = sample.changeDirectory();
            String[] ops = {"c", "u", "d"};
            for (int i = 0; i < ops.length; i++) {
                String login = "\"login\":\"" + logins.get(i) + "\"";
                String op = "\"op\":\"" + ops[i] + "\"";
                var record = SampleData.awaitRecord("localhost:" + Service.KAFKA.port(), DIRECTORY_TOPIC,
                        value -> value.contains(login) && value.contains(op), SAMPLE_CHANGE);
                if (record.isEmpty()) {
                    throw new AssertionError("no '" + ops[i] + "' event of user " + logins.get(i));
                }
                System.out.println("user " + logins.get(i) + " arrived as op=" + ops[i] + ", " + DIRECTORY_TOPIC + " offset "
                        + record.get().offset() + ": " + record.get().value());
            }
            return true;
        } catch (Exception | AssertionError e) {
            console.warn("the polling-diff sample changes failed: " + e.getMessage() + "; see "
                    + paths.show(paths.log(Service.CONNECT)));
            return false;
        }
    }

    /**
     * The directory once the LDAP sink sample has applied the polling-diff sample's changes (dan added with a
     * membership, cid removed): its users and groups with their members.
     */
    private boolean showDirectory() {
        console.say("waiting for the LDAP sink to apply them to the directory (" + ldapServer + ")");
        try {
            Wait.until("dan in the directory and in group staff, cid gone", SINK_ARRIVAL, () -> {
                try {
                    List<String> people = ArrivedInTargets.directoryEntries(ArrivedInTargets.PEOPLE);
                    List<String> groups = ArrivedInTargets.directoryEntries(ArrivedInTargets.GROUPS);
                    return people.stream().anyMatch(e -> e.startsWith("uid=dan,"))
                            && people.stream().noneMatch(e -> e.startsWith("uid=cid,"))
                            && groups.stream().anyMatch(e -> e.startsWith("cn=staff,") && e.contains("uid=dan,"));
                } catch (LDAPException e) {
                    return false;
                }
            });
            System.out.println("arrived in the directory, users (" + ArrivedInTargets.PEOPLE + "):");
            System.out.println(ArrivedInTargets.show(ArrivedInTargets.directoryEntries(ArrivedInTargets.PEOPLE)));
            System.out.println("groups (" + ArrivedInTargets.GROUPS + "):");
            System.out.println(ArrivedInTargets.show(ArrivedInTargets.directoryEntries(ArrivedInTargets.GROUPS)));
            return true;
        } catch (LDAPException | AssertionError e) {
            console.warn("the directory did not get the sample's changes: " + e.getMessage() + "; see "
                    + paths.show(paths.log(Service.CONNECT)));
            return false;
        }
    }

    /** The requests the HTTP sink sample sent to the local endpoint, once the sample customer's PUT is among them. */
    private boolean showHttpRequests() {
        console.say("waiting for the HTTP sink to send the customers and orders to the local endpoint");
        try {
            Wait.until("the sample customer's PUT at the HTTP endpoint", SINK_ARRIVAL, () -> {
                try {
                    return ArrivedInTargets.httpRequests().stream().anyMatch(
                            r -> r.startsWith("PUT /api/customers/") && r.contains("\"last_name\":\"Quickstart\""));
                } catch (IOException e) {
                    return false;
                }
            });
            System.out.println("arrived at the HTTP endpoint:");
            System.out.println(ArrivedInTargets.show(ArrivedInTargets.httpRequests()));
            return true;
        } catch (IOException | AssertionError e) {
            console.warn("the HTTP endpoint did not get the sample's changes: " + e.getMessage() + "; see "
                    + paths.show(paths.log(Service.CONNECT)));
            return false;
        }
    }

    /** One insert in PostgreSQL, shown arriving in Kafka through the sample WAL connector. */
    private boolean showSampleChange(SampleData sample) {
        console.say("making a change in PostgreSQL and waiting for it in Kafka (topic " + SAMPLE_TOPIC + ")");
        try {
            String email = sample.insertCustomer();
            System.out.println("INSERT INTO customers ... email=" + email + "; waiting for its change event on "
                    + SAMPLE_TOPIC);
            var record = SampleData.awaitRecord("localhost:" + Service.KAFKA.port(), SAMPLE_TOPIC, email,
                    SAMPLE_CHANGE);
            if (record.isPresent()) {
                System.out.println("arrived in Kafka, " + SAMPLE_TOPIC + " offset " + record.get().offset() + ":");
                System.out.println("  key:   " + record.get().key());
                System.out.println("  value: " + record.get().value());
                return true;
            }
        } catch (Exception | AssertionError e) {
            console.warn("the sample change failed: " + e.getMessage());
        }
        console.warn("the sample change did not arrive within " + SAMPLE_CHANGE.toSeconds() + " s: see "
                + paths.show(paths.log(Service.CONNECT)));
        return false;
    }

    /** Polls {@code ready}, failing early (with the service's log) if the service's process is gone. */
    private void awaitReady(Service service, String what, Duration timeout, BooleanSupplier ready) {
        boolean up;
        try {
            up = Wait.until(what, timeout, () -> processes.running(service).isEmpty() || ready.getAsBoolean(),
                    done -> done) && processes.running(service).isPresent();
        } catch (AssertionError e) {
            throw new QuickstartException("timed out waiting for " + what, paths.log(service));
        }
        if (!up) {
            throw new QuickstartException(service.id() + " exited while waiting for " + what, paths.log(service));
        }
    }

    private void awaitPostgres() {
        try {
            postgresStart.get(LocalPostgres.START_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof QuickstartException failure) {
                throw failure;
            }
            throw new QuickstartException("PostgreSQL did not start: " + e.getCause(), paths.log(Service.POSTGRES));
        } catch (TimeoutException e) {
            throw new QuickstartException("PostgreSQL did not start in time", paths.log(Service.POSTGRES));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new QuickstartException("interrupted");
        }
    }

    private static boolean httpEndpointHealthy() {
        HttpRequest health = HttpRequest.newBuilder(
                URI.create("http://localhost:" + Service.HTTP.port() + "/_quickstart/health"))
                .timeout(Duration.ofSeconds(2)).build();
        try {
            return HttpClient.newHttpClient().send(health, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Leftovers of an earlier run are stopped; a port taken by anything else is an error. */
    private void stopLeftovers() {
        List<String> left = new ArrayList<>();
        for (Service service : Service.values()) {
            processes.running(service).ifPresent(p -> left.add(service.id()));
        }
        if (!left.isEmpty()) {
            console.say("stopping what an earlier run left running: " + String.join(" ", left));
            processes.markStopping();
            processes.stopAll(STOP_GRACE);
        }
        List<String> busy = new ArrayList<>();
        for (Service service : Service.values()) {
            service.ports().stream().filter(Service::isListening).forEach(p -> busy.add(p.toString()));
        }
        if (!busy.isEmpty()) {
            throw new QuickstartException("port(s) " + String.join(" ", busy)
                    + " already in use by processes this quickstart did not start");
        }
    }

    /** Empty data folders for this run, and its id: a foreground start whose id changed was replaced. */
    private void freshFolders() {
        try {
            Folders.deleteTree(paths.run());
            Folders.deleteTree(paths.plugins());
            Files.createDirectories(paths.logs());
            Files.createDirectories(paths.pids());
            Files.createDirectories(paths.plugins());
            Files.writeString(runIdFile(), runId);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare " + paths.run(), e);
        }
    }

    /** Reports the failure with the log that explains it, then stops everything started so far. */
    private void fail(Throwable failure) {
        System.err.printf("%n[%7s] FAILED: %s%n", console.elapsed(), failure.getMessage());
        if (failure instanceof QuickstartException e) {
            e.log().ifPresent(log -> console.showTail(log, 25, paths.show(log)));
        }
        released = true;
        stopEverything();
    }

    /** Ctrl-C or a kill: stops the services unless they are no longer this command's to stop. */
    private void stopOnExit() {
        if (released) {
            return;
        }
        released = true;
        System.out.println();
        System.out.println("Stopping...");
        stopEverything();
    }

    private void stopEverything() {
        long start = System.nanoTime();
        try {
            // PostgreSQL's set-up may still be starting its server: let it finish so that the server is stopped too
            postgresStart.get(LocalPostgres.START_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            // it failed or hangs: stop what it recorded
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        processes.stopAll(STOP_GRACE);
        System.out.println("Stopped in " + Console.seconds(System.nanoTime() - start));
    }

    /** The foreground watch: returns when another command took over, stops all when a service dies. */
    private int watch() {
        while (!released) {
            if (processes.stopping() || !runId.equals(readRunId())) {
                released = true;
                System.out.println("Stopped by another ./quickstart command.");
                return 0;
            }
            for (Service service : Service.values()) {
                if (processes.running(service).isEmpty() && !released && !processes.stopping()
                        && runId.equals(readRunId())) {
                    console.warn(service.id() + " exited unexpectedly");
                    console.showTail(paths.log(service), 20, paths.show(paths.log(service)));
                    released = true;
                    stopEverything();
                    return 1;
                }
            }
            LockSupport.parkNanos(WATCH_INTERVAL.toNanos());
        }
        return 0;
    }

    private String readRunId() {
        try {
            return Files.readString(runIdFile());
        } catch (IOException e) {
            return "";
        }
    }

    private Path runIdFile() {
        return paths.run().resolve("run-id");
    }

    private void printSummary(List<String> created) {
        List<String> plugins = new ArrayList<>();
        try {
            new ConnectRestClient(CONNECT_URL).plugins().stream()
                    .filter(p -> p.path("class").asText().startsWith("io.hermesconnect"))
                    .forEach(p -> plugins.add("    " + p.path("type").asText() + "  " + p.path("class").asText()
                            + "  " + p.path("version").asText()));
        } catch (RuntimeException | AssertionError e) {
            console.warn("cannot list the worker's plugins: " + e.getMessage());
        }
        Map<String, String> shown = Map.of(
                "state", paths.show(paths.state()), "logs", paths.show(paths.logs()),
                "plugins", paths.show(paths.plugins()), "run", paths.show(paths.run()));
        System.out.printf("""

                Hermes Connect quickstart is up (%s). State and logs: %s/  (logs in %s/)

                  Kafka broker     localhost:%d (KRaft controller localhost:%d)
                  Connect REST     %s   plugin.path=%s
                  PostgreSQL 17    localhost:%d  database %s, user %s / %s (REPLICATION), superuser postgres / postgres
                                   %s
                  LDAP             ldap://localhost:%d  %s, base %s (ou=people, ou=groups), bind %s / %s
                  HTTP endpoint    http://localhost:%d  requests recorded in %s/http/requests.jsonl
                                   (also: curl http://localhost:%d/_quickstart/requests)

                Hermes plugins offered by the worker:
                %s
                Connectors created: %s

                Try:  curl -s '%sconnector-plugins?connectorsOnly=false'
                      curl -s %sconnectors?expand=status
                """, console.elapsed(), shown.get("state"), shown.get("logs"),
                Service.KAFKA.port(), Service.KAFKA.ports().get(1), CONNECT_URL, shown.get("plugins"),
                Service.POSTGRES.port(), LocalPostgres.DATABASE, LocalPostgres.USER, LocalPostgres.PASSWORD,
                LocalPostgres.jdbcUrl(),
                Service.LDAP.port(), ldapServer, StackJvms.LDAP_BASE, StackJvms.LDAP_ADMIN, StackJvms.LDAP_PASSWORD,
                Service.HTTP.port(), shown.get("run"), Service.HTTP.port(),
                plugins.isEmpty() ? "    (none found: see " + paths.show(paths.log(Service.CONNECT)) + ")"
                        : String.join("\n", plugins),
                created.isEmpty() ? "none" : String.join(" ", created), CONNECT_URL, CONNECT_URL);
    }
}
