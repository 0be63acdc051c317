package io.hermesconnect.quickstart;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Starts the stack's JVMs: the KRaft broker and the Connect worker (settings from {@link StackSettings}, the
 * plugin ZIP unpacked on {@code plugin.path}), UnboundID's in-memory LDAP server and the recording HTTP endpoint.
 * Each carries the {@link ServiceProcesses#marker() marker} and {@link ClassDataSharing} options.
 */
final class StackJvms {

    static final String LDAP_BASE = "dc=example,dc=org";
    static final String LDAP_ADMIN = "cn=admin,dc=example,dc=org";
    static final String LDAP_PASSWORD = "secret";
    private static final Duration FORMAT_TIMEOUT = Duration.ofSeconds(120);
    /** One-shot and small JVMs: C1 and the serial collector start fastest. */
    private static final List<String> QUICK_START = List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC");

    private final QuickstartPaths paths;
    private final ServiceProcesses processes;
    private final RuntimeClasspath classpath;
    private final ClassDataSharing cds;

    StackJvms(QuickstartPaths paths, ServiceProcesses processes, RuntimeClasspath classpath, ClassDataSharing cds) {
        this.paths = paths;
        this.processes = processes;
        this.classpath = classpath;
        this.cds = cds;
    }

    /** Formats the broker's storage with a new cluster id, then starts the broker. */
    void startKafka(String clusterId) {
        Path config = paths.run().resolve("kafka/server.properties");
        write(config, StackSettings.broker("localhost", Service.KAFKA.port(), Service.KAFKA.ports().get(1),
                paths.run().resolve("kafka/data")));
        List<String> format = kafkaJvm(QUICK_START, "format");
        format.addAll(List.of("kafka.tools.StorageTool", "format", "-t", clusterId, "-c", config.toString()));
        Commands.run("formatting the broker's storage", format, null, paths.logs().resolve("kafka-format.log"),
                FORMAT_TIMEOUT);
        List<String> broker = kafkaJvm(List.of("-Xms256m", "-Xmx512m"), "broker");
        broker.addAll(List.of("kafka.Kafka", config.toString()));
        processes.launch(Service.KAFKA, broker);
    }

    void startConnect() {
        Path config = paths.run().resolve("connect/connect-distributed.properties");
        Map<String, String> settings = StackSettings.worker("localhost:" + Service.KAFKA.port(), "hermes-quickstart",
                "connect-", "localhost", Service.CONNECT.port(), paths.plugins());
        // the sample change's offsets are committed soon after it arrives
        settings.put("offset.flush.interval.ms", "1000");
        write(config, settings);
        List<String> worker = kafkaJvm(List.of("-Xms256m", "-Xmx1g"), "connect");
        worker.addAll(List.of("org.apache.kafka.connect.cli.ConnectDistributed", config.toString()));
        processes.launch(Service.CONNECT, worker);
    }

    void startLdap() {
        List<String> ldap = jvm(List.of("-Xmx256m"), QUICK_START);
        ldap.addAll(List.of("-cp", classpath.ldap(), "com.unboundid.ldap.listener.InMemoryDirectoryServerTool",
                "--baseDN", LDAP_BASE, "--port", Integer.toString(Service.LDAP.port()), "--useDefaultSchema",
                "--ldifFile", paths.source().resolve("ldap/example.ldif").toString(),
                "--additionalBindDN", LDAP_ADMIN, "--additionalBindPassword", LDAP_PASSWORD,
                "--accessLogFile", paths.logs().resolve("ldap-access.log").toString()));
        processes.launch(Service.LDAP, ldap);
    }

    /** The JDK's source launcher runs the endpoint: it needs nothing but the JDK. */
    void startHttp() {
        Path requests = paths.run().resolve("http/requests.jsonl");
        createParent(requests);
        List<String> http = jvm(List.of("-Xmx64m"), QUICK_START);
        http.addAll(List.of(paths.source().resolve("RecordingHttpEndpoint.java").toString(),
                Integer.toString(Service.HTTP.port()), requests.toString()));
        processes.launch(Service.HTTP, http);
    }

    /** A JVM on the Kafka class path with our log configuration and the class-data archive named {@code name}. */
    private List<String> kafkaJvm(List<String> options, String name) {
        List<String> command = jvm(options, cds.options(name, !name.equals("format")));
        command.addAll(List.of("-Dlog4j2.configurationFile=" + paths.source().resolve("log4j2.xml"),
                "-cp", classpath.kafka()));
        return command;
    }

    private List<String> jvm(List<String> options, List<String> more) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), processes.marker(), "-Djava.awt.headless=true"));
        command.addAll(options);
        command.addAll(more);
        return command;
    }

    private static void write(Path file, Map<String, String> settings) {
        createParent(file);
        try {
            Files.writeString(file, StackSettings.toProperties(settings));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    private static void createParent(Path file) {
        try {
            Files.createDirectories(file.getParent());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + file.getParent(), e);
        }
    }
}
