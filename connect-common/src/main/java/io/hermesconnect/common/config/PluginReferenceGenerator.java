package io.hermesconnect.common.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.ServiceLoader;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.connect.components.ConnectPlugin;
import org.apache.kafka.connect.sink.SinkConnector;
import org.apache.kafka.connect.source.SourceConnector;
import org.apache.kafka.connect.transforms.Transformation;
import org.apache.kafka.connect.transforms.predicates.Predicate;

/**
 * Writes the configuration reference of every Hermes Connect plugin on the classpath: one
 * {@code <Name>.md} per plugin ({@code JinjaMapping.Value.md} for a nested class) and an {@code index.md}
 * listing them with their kind and version. Plugins are found the way Connect's
 * {@code plugin.discovery=service_load} finds them, through their {@code META-INF/services} manifests, so
 * a plugin missing from its manifest is missing from the reference too.
 *
 * <p>Usage: {@code PluginReferenceGenerator <output directory>}; the packaging module runs it at build time.
 */
public final class PluginReferenceGenerator {

    private static final String OUR_PACKAGE = "io.hermesconnect.";

    /** The plugin interfaces, with the kind the index shows. */
    private enum Kind {
        SOURCE(SourceConnector.class, "Source connector"),
        SINK(SinkConnector.class, "Sink connector"),
        TRANSFORMATION(Transformation.class, "Transformation"),
        PREDICATE(Predicate.class, "Predicate");

        final Class<?> type;
        final String label;

        Kind(Class<?> type, String label) {
            this.type = type;
            this.label = label;
        }
    }

    private record Plugin(Kind kind, Class<?> type, String name, String version, ConfigDef config) {
    }

    private PluginReferenceGenerator() {
    }

    /** Writes the reference into the directory {@code args[0]}. */
    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("Usage: PluginReferenceGenerator <output directory>");
            System.exit(2);
        }
        List<Path> written = write(Path.of(args[0]));
        System.out.println("Wrote " + written.size() + " files to " + args[0]);
    }

    /** Writes the reference into {@code directory} (created if needed); returns the files written, index last. */
    static List<Path> write(Path directory) throws IOException {
        Files.createDirectories(directory);
        List<Plugin> plugins = findPlugins();
        List<Path> written = new ArrayList<>();
        StringBuilder index = new StringBuilder("# Hermes Connect plugins\n\n| Plugin | Kind | Class | Version |\n|---|---|---|---|\n");
        for (Plugin plugin : plugins) {
            Path file = directory.resolve(plugin.name() + ".md");
            String title = plugin.name() + " (" + plugin.kind().label.toLowerCase(Locale.ROOT) + ")";
            String introduction = "Class `" + plugin.type().getName() + "`, version " + plugin.version() + ".";
            Files.writeString(file, ConfigDocs.markdown(title, introduction, plugin.config()), StandardCharsets.UTF_8);
            written.add(file);
            index.append("| [").append(plugin.name()).append("](").append(plugin.name()).append(".md) | ")
                    .append(plugin.kind().label).append(" | `").append(plugin.type().getName()).append("` | ")
                    .append(plugin.version()).append(" |\n");
        }
        Path indexFile = directory.resolve("index.md");
        Files.writeString(indexFile, index.toString(), StandardCharsets.UTF_8);
        written.add(indexFile);
        return written;
    }

    private static List<Plugin> findPlugins() {
        List<Plugin> plugins = new ArrayList<>();
        for (Kind kind : Kind.values()) {
            ServiceLoader.load(kind.type).stream()
                    .filter(provider -> isOurs(provider.type()))
                    .forEach(provider -> plugins.add(describe(kind, provider.get())));
        }
        plugins.sort(Comparator.comparing((Plugin plugin) -> plugin.kind()).thenComparing(Plugin::name));
        return plugins;
    }

    private static Plugin describe(Kind kind, Object instance) {
        ConnectPlugin plugin = (ConnectPlugin) instance;
        return new Plugin(kind, instance.getClass(), nameOf(instance.getClass()), plugin.version(), plugin.config());
    }

    static boolean isOurs(Class<?> type) {
        return type.getName().startsWith(OUR_PACKAGE);
    }

    /** The class name without its package, nested classes joined with dots: {@code JinjaMapping.Value}. */
    static String nameOf(Class<?> type) {
        return type.getName().substring(type.getPackageName().length() + 1).replace('$', '.');
    }
}
