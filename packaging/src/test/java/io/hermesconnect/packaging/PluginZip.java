package io.hermesconnect.packaging;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;

/**
 * The built plugin ZIP, read as a user's worker would see it: one component folder with {@code manifest.json},
 * {@code lib/*.jar}, {@code doc/} and {@code etc/}; the plugins it offers are the classes named in the
 * {@code META-INF/services} manifests of its jars (what {@code plugin.discovery=service_load} reads).
 */
public final class PluginZip {

    /** Where the build puts the ZIP (failsafe passes it; see packaging/pom.xml). */
    public static final String ZIP_PROPERTY = "hermes.plugin.zip";
    /** The project version every plugin must report. */
    public static final String VERSION_PROPERTY = "hermes.version";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path path;
    private final String componentDir;
    private final List<String> entries;
    private final Map<String, byte[]> libJars;

    private PluginZip(Path path, String componentDir, List<String> entries, Map<String, byte[]> libJars) {
        this.path = path;
        this.componentDir = componentDir;
        this.entries = entries;
        this.libJars = libJars;
    }

    /** The ZIP the build just made, from the {@value #ZIP_PROPERTY} system property. */
    public static PluginZip built() {
        return open(Path.of(requiredProperty(ZIP_PROPERTY)));
    }

    /** The version the build stamps on the ZIP and its plugins, from the {@value #VERSION_PROPERTY} property. */
    public static String expectedVersion() {
        return requiredProperty(VERSION_PROPERTY);
    }

    public static PluginZip open(Path zip) {
        if (!Files.isRegularFile(zip)) {
            throw new IllegalStateException("no plugin ZIP at " + zip + ": build it first (mvn -pl packaging -am package)");
        }
        List<String> entries = new ArrayList<>();
        Set<String> topDirs = new TreeSet<>();
        Map<String, byte[]> libJars = new LinkedHashMap<>();
        try (ZipFile file = new ZipFile(zip.toFile())) {
            for (ZipEntry entry : Collections.list(file.entries())) {
                String name = entry.getName();
                entries.add(name);
                int slash = name.indexOf('/');
                topDirs.add(slash < 0 ? name : name.substring(0, slash));
            }
            if (topDirs.size() != 1) {
                throw new IllegalStateException(zip + " must hold exactly one top folder, found " + topDirs);
            }
            String component = topDirs.iterator().next();
            for (ZipEntry entry : Collections.list(file.entries())) {
                String name = entry.getName();
                if (name.startsWith(component + "/lib/") && name.endsWith(".jar")) {
                    try (InputStream in = file.getInputStream(entry)) {
                        libJars.put(name.substring((component + "/lib/").length()), in.readAllBytes());
                    }
                }
            }
            return new PluginZip(zip, component, List.copyOf(entries), Collections.unmodifiableMap(libJars));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + zip, e);
        }
    }

    public Path path() {
        return path;
    }

    /** The single top folder, {@code hermes-connect-<version>}. */
    public String componentDir() {
        return componentDir;
    }

    /** Every entry name, with the component folder prefix. */
    public List<String> entries() {
        return entries;
    }

    /** Entry names relative to the component folder, e.g. {@code lib/connect-common-0.1.0.jar}. */
    public List<String> relativeEntries() {
        String prefix = componentDir + "/";
        return entries.stream().filter(e -> e.startsWith(prefix)).map(e -> e.substring(prefix.length()))
                .filter(e -> !e.isEmpty()).toList();
    }

    /** File names of the jars in {@code lib/}. */
    public Set<String> libJarNames() {
        return new TreeSet<>(libJars.keySet());
    }

    /** Entry names (classes, resources) inside one jar of {@code lib/}. */
    public List<String> jarEntries(String jarName) {
        List<String> names = new ArrayList<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(requireJar(jarName)))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                names.add(entry.getName());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + jarName + " in " + path, e);
        }
        return names;
    }

    /** One entry of one jar in {@code lib/}, if present. */
    public Optional<byte[]> jarEntry(String jarName, String entryName) {
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(requireJar(jarName)))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                if (entry.getName().equals(entryName)) {
                    return Optional.of(in.readAllBytes());
                }
            }
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + jarName + " in " + path, e);
        }
    }

    /** A file of the component folder, e.g. {@code manifest.json}, as text. */
    public Optional<String> text(String relativeName) {
        try (ZipFile file = new ZipFile(path.toFile())) {
            ZipEntry entry = file.getEntry(componentDir + "/" + relativeName);
            if (entry == null || entry.isDirectory()) {
                return Optional.empty();
            }
            try (InputStream in = file.getInputStream(entry)) {
                return Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path, e);
        }
    }

    public JsonNode manifest() {
        String text = text("manifest.json").orElseThrow(() -> new AssertionError("no manifest.json in " + path));
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new AssertionError("manifest.json is not valid JSON: " + e.getMessage() + "\n" + text, e);
        }
    }

    /**
     * The plugin classes the ZIP registers, by kind: every class named in a {@code META-INF/services/<plugin
     * interface>} file of a jar in {@code lib/}.
     */
    public Map<PluginKind, Set<String>> plugins() {
        Map<PluginKind, Set<String>> plugins = new EnumMap<>(PluginKind.class);
        for (String jar : libJars.keySet()) {
            for (PluginKind kind : PluginKind.values()) {
                jarEntry(jar, kind.servicesFile()).ifPresent(bytes ->
                        plugins.computeIfAbsent(kind, k -> new TreeSet<>()).addAll(serviceProviders(bytes)));
            }
        }
        return plugins;
    }

    /** All plugin classes, all kinds together. */
    public Set<String> pluginClasses() {
        Set<String> all = new TreeSet<>();
        plugins().values().forEach(all::addAll);
        return all;
    }

    /** Unpacks the whole ZIP into {@code pluginPath} and returns the component folder inside it. */
    public Path unpackInto(Path pluginPath) {
        try (ZipFile file = new ZipFile(path.toFile())) {
            Path root = pluginPath.toAbsolutePath().normalize();
            for (ZipEntry entry : Collections.list(file.entries())) {
                Path target = root.resolve(entry.getName()).normalize();
                if (!target.startsWith(root)) {
                    throw new IllegalStateException("entry escapes the target folder: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(target);
                } else {
                    Files.createDirectories(target.getParent());
                    try (InputStream in = file.getInputStream(entry)) {
                        Files.copy(in, target);
                    }
                }
            }
            return root.resolve(componentDir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot unpack " + path + " into " + pluginPath, e);
        }
    }

    private byte[] requireJar(String jarName) {
        byte[] jar = libJars.get(jarName);
        if (jar == null) {
            throw new IllegalArgumentException("no lib/" + jarName + " in " + path + "; jars: " + libJars.keySet());
        }
        return jar;
    }

    /** Provider class names of a services file: one per line, {@code #} starts a comment. */
    static List<String> serviceProviders(byte[] servicesFile) {
        List<String> names = new ArrayList<>();
        for (String line : new String(servicesFile, StandardCharsets.UTF_8).split("\\R")) {
            int comment = line.indexOf('#');
            String name = (comment < 0 ? line : line.substring(0, comment)).trim();
            if (!name.isEmpty()) {
                names.add(name);
            }
        }
        return names;
    }

    private static String requiredProperty(String name) {
        String value = System.getProperty(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("system property " + name + " is not set: run this test through "
                    + "Maven failsafe in the packaging module (mvn -pl packaging -am verify)");
        }
        return value;
    }
}
