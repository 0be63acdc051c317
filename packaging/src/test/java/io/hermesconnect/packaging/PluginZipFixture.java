package io.hermesconnect.packaging;

import io.hermesconnect.testkit.SharedFixtures;
import io.hermesconnect.testkit.TempDirs;
import io.hermesconnect.testkit.Wait;
import io.hermesconnect.testkit.connect.ConnectCluster;
import io.hermesconnect.testkit.connect.ConnectRestClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The built plugin ZIP unpacked into a fresh {@code plugin.path}, and an embedded Kafka + Connect cluster
 * whose worker loads our plugins from there, and only from there, as a user's worker would
 * ({@code plugin.discovery=service_load}). End-to-end tests drive it through {@link #rest()}.
 * <pre>{@code
 * static PluginZipFixture zip;
 * @BeforeAll static void start() { zip = PluginZipFixture.shared(); }
 * ... zip.rest().createConnector("wal", config); zip.connect().reader(topic) ...
 * }</pre>
 * Starting one takes several seconds: test classes share {@link #shared()} (one per test JVM, stopped when
 * the test run ends) and build a private one with {@link #builder()} only for special worker settings.
 */
public final class PluginZipFixture implements AutoCloseable {

    private static final Duration REST_READY_TIMEOUT = Duration.ofSeconds(90);
    private static PluginZipFixture shared;

    private final PluginZip zip;
    private final Path pluginPath;
    private final Path componentDir;
    private final ConnectCluster connect;
    private final boolean isShared;

    private PluginZipFixture(PluginZip zip, Path pluginPath, Path componentDir, ConnectCluster connect,
                             boolean isShared) {
        this.zip = zip;
        this.pluginPath = pluginPath;
        this.componentDir = componentDir;
        this.connect = connect;
        this.isShared = isShared;
    }

    /**
     * The fixture shared by all tests of this JVM, on default worker settings: started on first use, stopped when
     * the test run ends ({@link SharedFixtures}).
     */
    public static synchronized PluginZipFixture shared() {
        if (shared == null) {
            shared = builder().name("plugin-zip").start(true);
            SharedFixtures.register(PluginZipFixture::stopShared);
        }
        return shared;
    }

    private static synchronized void stopShared() {
        try {
            shared.shutDown();
        } finally {
            shared = null;
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    public PluginZip zip() {
        return zip;
    }

    /** The worker's {@code plugin.path}: the folder holding the unpacked component folder. */
    public Path pluginPath() {
        return pluginPath;
    }

    /** {@code <plugin.path>/hermes-connect-<version>}. */
    public Path componentDir() {
        return componentDir;
    }

    public ConnectCluster connect() {
        return connect;
    }

    public ConnectRestClient rest() {
        return connect.rest();
    }

    /** Stops a private fixture and deletes its plugin path; does nothing on the shared one. */
    @Override
    public void close() {
        if (!isShared) {
            shutDown();
        }
    }

    private void shutDown() {
        try {
            connect.close();
        } finally {
            TempDirs.deleteRecursively(pluginPath);
        }
    }

    /**
     * Fails when a class of the ZIP's own {@code io.hermesconnect} code is visible on this test's
     * class path: the worker would then load our plugins from the application class path and a test would
     * pass without ever touching the ZIP. packaging/pom.xml keeps them out with failsafe's
     * {@code classpathDependencyExcludes}.
     */
    static void assertPluginsNotOnClassPath(PluginZip zip) {
        ClassLoader testLoader = PluginZipFixture.class.getClassLoader();
        Map<String, String> leaked = new LinkedHashMap<>();
        for (String jar : zip.libJarNames()) {
            for (String entry : zip.jarEntries(jar)) {
                if (entry.startsWith("io/hermesconnect/") && entry.endsWith(".class")
                        && testLoader.getResource(entry) != null) {
                    leaked.putIfAbsent(jar, entry + " (from " + testLoader.getResource(entry) + ")");
                }
            }
        }
        if (!leaked.isEmpty()) {
            throw new IllegalStateException("Classes of the plugin ZIP are on the test class path, so the worker "
                    + "would not load them from plugin.path. Add the module to failsafe's "
                    + "classpathDependencyExcludes in packaging/pom.xml. Leaked (jar -> first class): " + leaked);
        }
    }

    private static Path createPluginPath() {
        try {
            Path workDir = Path.of(System.getProperty("hermes.work.dir", System.getProperty("java.io.tmpdir")));
            Files.createDirectories(workDir);
            return Files.createTempDirectory(workDir, "plugin-path-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a plugin.path folder", e);
        }
    }

    /** Worker settings for a private fixture; {@link #start()} unpacks the ZIP and starts the cluster. */
    public static final class Builder {

        private String name = "plugin-zip-private";
        private PluginZip zip;
        private final Map<String, String> workerProps = new LinkedHashMap<>();

        private Builder() {
        }

        public Builder name(String clusterName) {
            this.name = clusterName;
            return this;
        }

        /** Another ZIP than the one the build made (default: {@link PluginZip#built()}). */
        public Builder zip(PluginZip pluginZip) {
            this.zip = pluginZip;
            return this;
        }

        /** A Connect worker property, e.g. {@code exactly.once.source.support=enabled}. */
        public Builder workerProp(String key, String value) {
            if (key.equals("plugin.path") || key.equals("plugin.discovery")) {
                throw new IllegalArgumentException(key + " is set by the fixture");
            }
            workerProps.put(key, value);
            return this;
        }

        /** Starts a private fixture; the caller closes it. */
        public PluginZipFixture start() {
            return start(false);
        }

        private PluginZipFixture start(boolean isShared) {
            PluginZip pluginZip = zip != null ? zip : PluginZip.built();
            assertPluginsNotOnClassPath(pluginZip);
            Path pluginPath = createPluginPath();
            Path componentDir = pluginZip.unpackInto(pluginPath);
            ConnectCluster.Builder cluster = ConnectCluster.builder()
                    .name(name)
                    .workerProp("plugin.path", pluginPath.toString())
                    .workerProp("plugin.discovery", "service_load");
            workerProps.forEach(cluster::workerProp);
            ConnectCluster connect;
            try {
                connect = cluster.start();
            } catch (RuntimeException | Error e) {
                TempDirs.deleteRecursively(pluginPath);
                throw e;
            }
            PluginZipFixture fixture = new PluginZipFixture(pluginZip, pluginPath, componentDir, connect, isShared);
            try {
                Wait.until("the Connect REST API at " + connect.restUrl() + " to answer", REST_READY_TIMEOUT,
                        () -> connect.rest().request("GET", "connectors", null).isSuccess());
            } catch (RuntimeException | Error e) {
                fixture.shutDown();
                throw e;
            }
            return fixture;
        }
    }
}
