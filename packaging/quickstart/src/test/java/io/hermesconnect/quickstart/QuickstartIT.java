package io.hermesconnect.quickstart;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hermesconnect.testkit.Wait;
import io.hermesconnect.testkit.connect.ConnectRestClient;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The quickstart as a user runs it, from the built plugin ZIP, in a state folder of its own under {@code target/}:
 * {@code start --detach} returns with the stack up, the REST API lists our plugins, every sample connector runs
 * and a change made now arrives, the sink samples delivered users, groups and memberships to the directory and the
 * WAL sample's rows to the HTTP endpoint, {@code status} reports every service and what arrived, and {@code stop}
 * leaves no process behind.
 * One stack start for the whole class; the quickstart's fixed ports must be free.
 */
class QuickstartIT {

    private static final Duration START_TIMEOUT = Duration.ofMinutes(6);
    private static final Duration COMMAND_TIMEOUT = Duration.ofMinutes(4);
    private static final Pattern STATUS_LINE = Pattern.compile("^(\\w+)\\s+(running|stopped)\\s+(\\S+)", Pattern.MULTILINE);

    private static final ObjectMapper JSON = new ObjectMapper();

    private static QuickstartPaths paths;
    private static Path logs;
    private static CommandResult start;
    private static int commands;

    @BeforeAll
    static void startDetached() throws IOException {
        Path home = Path.of(System.getProperty("quickstart.home"));
        Path target = home.resolve("packaging/quickstart/target");
        paths = new QuickstartPaths(home, target.resolve("quickstart-it"));
        Folders.deleteTree(paths.state());
        logs = target.resolve("quickstart-it-output");
        Folders.deleteTree(logs);
        Files.createDirectories(logs);
        start = quickstart("start", "--detach", "--no-build");
    }

    @AfterAll
    static void stopLeftovers() {
        if (paths != null) {
            quickstart("stop"); // a no-op after the test's own stop
        }
    }

    @Test
    void startsTheStackRunsTheSamplesAndStopsEveryProcess() throws Exception {
        assertThat(start.exitCode()).as("start --detach exit code; output:%n%s", start.output()).isZero();
        assertThat(start.output()).contains("Hermes Connect quickstart is up", "arrived in Kafka",
                "user dan arrived as op=c", "user bob arrived as op=u", "user cid arrived as op=d",
                "arrived in the directory", "arrived at the HTTP endpoint");

        ConnectRestClient rest = new ConnectRestClient(StartCommand.CONNECT_URL);
        assertThat(rest.plugins()).extracting(p -> p.path("class").asText())
                .contains("io.hermesconnect.source.wal.WalSourceConnector",
                        "io.hermesconnect.source.diff.PollingDiffSourceConnector", "io.hermesconnect.transforms.Filter",
                        "io.hermesconnect.transforms.JinjaMapping", "io.hermesconnect.sink.ldap.LdapSinkConnector",
                        "io.hermesconnect.sink.http.WebServiceSinkConnector");
        for (String connector : sampleConnectorNames()) {
            rest.awaitRunning(connector, 1, Duration.ofSeconds(60));
        }

        SampleData sample = new SampleData(LocalPostgres.jdbcUrl(), LocalPostgres.USER, LocalPostgres.PASSWORD);
        String email = sample.insertCustomer();
        Optional<ConsumerRecord<String, String>> event = SampleData.awaitRecord("localhost:" + Service.KAFKA.port(),
                "inventory.public.customers", email, Duration.ofSeconds(60));
        assertThat(event).as("the change event of a customer inserted now").isPresent();
        assertThat(event.get().value()).contains("\"op\":\"c\"");
        Wait.until("the customer inserted now PUT at the HTTP endpoint", Duration.ofSeconds(120),
                () -> requestsAtTheEndpoint().stream().anyMatch(r -> r.startsWith("PUT /api/customers/") && r.contains(email)));

        // the LDAP sink sample applied the polling-diff sample and its changes made by start (dan added, cid removed)
        List<String> people = ArrivedInTargets.directoryEntries(ArrivedInTargets.PEOPLE);
        assertThat(people).anyMatch(e -> e.startsWith("uid=ann,") && e.contains("mail: ann@example.org"))
                .anyMatch(e -> e.startsWith("uid=bob,") && e.contains("cn: Bob Brown"))
                .anyMatch(e -> e.startsWith("uid=dan,"))
                .noneMatch(e -> e.startsWith("uid=cid,"));
        List<String> groups = ArrivedInTargets.directoryEntries(ArrivedInTargets.GROUPS);
        assertThat(groups).anyMatch(e -> e.startsWith("cn=staff,") && e.contains("uid=dan,") && e.contains("uid=ann,"))
                .anyMatch(e -> e.startsWith("cn=admins,") && e.contains("uid=ann,") && !e.contains("uid=bob,"));
        // the HTTP sink sample sent the WAL sample's rows: the snapshot, then the change made by start
        assertThat(requestsAtTheEndpoint())
                .anyMatch(r -> r.startsWith("PUT /api/orders/1 ") && r.contains("\"customer_id\":1") && r.contains("\"total\":42.5"))
                .anyMatch(r -> r.startsWith("PUT /api/customers/1 ") && r.contains("ann@example.org"))
                .anyMatch(r -> r.startsWith("PUT /api/customers/") && r.contains("\"last_name\":\"Quickstart\""));

        CommandResult status = quickstart("status");
        assertThat(status.exitCode()).isZero();
        assertThat(status.output()).as("status output").contains("Directory users", "uid=dan,", "Directory groups",
                "cn=staff,", "HTTP endpoint requests", "PUT /api/customers/");
        List<ProcessHandle> started = new ArrayList<>();
        List<String> running = new ArrayList<>();
        Matcher line = STATUS_LINE.matcher(status.output());
        while (line.find()) {
            if (line.group(2).equals("running")) {
                running.add(line.group(1));
                ProcessHandle service = ProcessHandle.of(Long.parseLong(line.group(3))).orElseThrow();
                started.add(service);
                service.descendants().forEach(started::add); // PostgreSQL's backends
            }
        }
        assertThat(running).as("status output:%n%s", status.output())
                .containsExactly("kafka", "connect", "postgres", "ldap", "http");
        Matcher connectors = Pattern.compile("Connectors: (.*)").matcher(status.output());
        assertThat(connectors.find()).as("status output:%n%s", status.output()).isTrue();
        assertThat(connectors.group(1).split(" ")).as("the connectors status lists, in the worker's order")
                .containsExactlyInAnyOrderElementsOf(sampleConnectorNames());

        CommandResult stop = quickstart("stop");
        assertThat(stop.exitCode()).as("stop output:%n%s", stop.output()).isZero();
        assertThat(started).as("processes the quickstart started, still running after stop")
                .filteredOn(p -> isRunning(p.pid())).isEmpty();
        assertThat(processesNamingState()).as("processes whose command line names the state folder").isEmpty();
        for (Service service : Service.values()) {
            service.ports().forEach(port -> assertThat(Service.isListening(port)).as("port %d open", port).isFalse());
        }
        assertThat(quickstart("status").output()).doesNotContain("running");
    }

    private static List<String> requestsAtTheEndpoint() {
        try {
            return ArrivedInTargets.httpRequests();
        } catch (IOException e) {
            throw new AssertionError("cannot read the HTTP endpoint's requests", e);
        }
    }

    private static List<String> sampleConnectorNames() throws IOException {
        List<String> names = new ArrayList<>();
        try (Stream<Path> files = Files.list(paths.source().resolve("connectors"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                JsonNode request = JSON.readTree(file.toFile());
                names.add(request.path("name").asText());
            }
        }
        return names;
    }

    /** A live process (not a zombie waiting for a parent to reap it). */
    private static boolean isRunning(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            return !stat.substring(stat.lastIndexOf(')') + 1).strip().startsWith("Z");
        } catch (IOException e) {
            return false;
        }
    }

    private static List<Long> processesNamingState() {
        return ProcessHandle.allProcesses().map(ProcessHandle::pid).filter(QuickstartIT::isRunning)
                .filter(pid -> commandLine(pid).contains(paths.state().toString())).toList();
    }

    private static String commandLine(long pid) {
        try {
            return new String(Files.readAllBytes(Path.of("/proc", Long.toString(pid), "cmdline")),
                    StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    private record CommandResult(int exitCode, String output) {
    }

    /** Runs the quickstart program as the wrapper script does, in its own JVM, and returns what it printed. */
    private static CommandResult quickstart(String... args) {
        Path output = logs.resolve(++commands + "-" + args[0] + ".log");
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dquickstart.home=" + paths.home(), "-Dquickstart.state=" + paths.state(),
                "-Dlog4j2.configurationFile=" + paths.source().resolve("program-log4j2.xml"),
                "-cp", System.getProperty("java.class.path"), Quickstart.class.getName()));
        command.addAll(List.of(args));
        try {
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(output.toFile());
            // class-data archives pay off from the second start; in a fresh state folder they only slow the stop
            builder.environment().put("QUICKSTART_CDS", "0");
            Process process = builder.start();
            Duration timeout = args[0].equals("start") ? START_TIMEOUT : COMMAND_TIMEOUT;
            if (!process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("quickstart " + String.join(" ", args) + " did not finish within "
                        + timeout + "; output:\n" + Files.readString(output));
            }
            return new CommandResult(process.exitValue(), Files.readString(output));
        } catch (IOException e) {
            throw new AssertionError("cannot run quickstart " + String.join(" ", args), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }
}
