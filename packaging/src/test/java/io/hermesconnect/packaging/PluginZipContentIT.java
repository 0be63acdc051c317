package io.hermesconnect.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Layout and content of the built ZIP (Confluent Hub component layout), without starting a worker. */
class PluginZipContentIT {

    /** Our modules in lib/, as {@code <artifactId>-<version>.jar}. */
    private static final List<String> PLUGIN_MODULES = List.of("connect-common", "connect-source-wal", "connect-source-polling-diff",
            "connect-transforms", "connect-sink-ldap", "connect-sink-webservice");

    /** Each plugin module's guide ({@code src/main/doc/*.md}), copied flat into doc/. */
    private static final List<String> GUIDES = List.of("doc/wal-source.md", "doc/polling-diff-source.md",
            "doc/transforms.md", "doc/sink-core.md", "doc/ldap-sink.md", "doc/http-sink.md");

    /** Packages the worker provides and a plugin must never carry: Connect loads them from its own class loader. */
    private static final List<String> WORKER_PACKAGES = List.of("org/apache/kafka/", "org/slf4j/");

    private static PluginZip zip;
    private static String version;

    @BeforeAll
    static void openZip() {
        zip = PluginZip.built();
        version = PluginZip.expectedVersion();
    }

    @Test
    void zipHasOneComponentFolderNamedAfterTheVersion() {
        assertThat(zip.path().getFileName()).hasToString("hermes-connect-" + version + ".zip");
        assertThat(zip.componentDir()).isEqualTo("hermes-connect-" + version);
        assertThat(zip.relativeEntries())
                .as("top-level content of the component folder")
                .allSatisfy(e -> assertThat(e).matches("(manifest\\.json|(lib|doc|etc)/.*)"))
                .contains("manifest.json", "doc/README.md");
        assertThat(zip.relativeEntries()).anyMatch(e -> e.startsWith("etc/") && !e.endsWith("/"));
    }

    @Test
    void manifestDescribesTheComponent() {
        JsonNode manifest = zip.manifest();
        SoftAssertions softly = new SoftAssertions();
        softly.assertThat(manifest.path("name").asText()).isEqualTo("hermes-connect");
        softly.assertThat(manifest.path("version").asText()).as("version (Maven-filtered)").isEqualTo(version);
        for (String field : List.of("title", "description", "documentation_url", "release_date")) {
            softly.assertThat(manifest.path(field).asText()).as(field).isNotBlank().doesNotContain("${");
        }
        softly.assertThat(manifest.path("owner").path("username").asText()).as("owner.username").isNotBlank();
        softly.assertThat(manifest.path("owner").path("name").asText()).as("owner.name").isNotBlank();
        softly.assertThat(texts(manifest.path("component_types"))).as("component_types").contains("source", "sink", "transform");
        softly.assertThat(texts(manifest.path("tags"))).as("tags").isNotEmpty();
        softly.assertThat(texts(manifest.path("requirements"))).as("requirements").isNotEmpty();
        softly.assertThat(manifest.path("license").path(0).path("name").asText()).isEqualTo("Apache-2.0");
        softly.assertThat(manifest.path("license").path(0).path("url").asText()).startsWith("https://");
        JsonNode features = manifest.path("features");
        softly.assertThat(texts(features.path("supported_encodings"))).as("features.supported_encodings").isNotEmpty();
        softly.assertThat(features.path("single_message_transforms").asBoolean()).isTrue();
        softly.assertThat(features.path("kafka_connect_api").asBoolean()).isTrue();
        softly.assertThat(features.path("confluent_control_center_integration").isBoolean()).isTrue();
        softly.assertThat(texts(features.path("delivery_guarantee"))).containsExactly("exactly_once");
        softly.assertAll();
    }

    @Test
    void docHoldsEveryGuideAndTheReadmeNamesThem() {
        assertThat(zip.relativeEntries()).as("guides in doc/").containsAll(GUIDES);
        String readme = zip.text("doc/README.md").orElseThrow();
        assertThat(GUIDES).allSatisfy(guide -> assertThat(readme).as("doc/README.md").contains(guide));
    }

    @Test
    void libHoldsOurModulesWithTheirDependencies() {
        assertThat(zip.libJarNames())
                .as("jars in lib/")
                .containsAll(PLUGIN_MODULES.stream().map(m -> m + "-" + version + ".jar").toList());
    }

    @Test
    void everyRegisteredPluginClassIsInTheZip() {
        Set<String> classFiles = new HashSet<>();
        zip.libJarNames().forEach(jar -> classFiles.addAll(zip.jarEntries(jar)));
        assertThat(zip.pluginClasses())
                .as("plugin classes named in META-INF/services files of lib/*.jar")
                .isNotEmpty()
                .allSatisfy(plugin -> assertThat(classFiles)
                        .as("class file of %s in lib/", plugin)
                        .contains(plugin.replace('.', '/') + ".class"));
    }

    @Test
    void libHoldsNoClassTheWorkerProvides() {
        Map<String, List<String>> offending = new TreeMap<>();
        for (String jar : zip.libJarNames()) {
            for (String entry : zip.jarEntries(jar)) {
                if (WORKER_PACKAGES.stream().anyMatch(entry::startsWith) && entry.endsWith(".class")) {
                    offending.computeIfAbsent(jar, j -> new ArrayList<>()).add(entry);
                }
            }
        }
        offending.replaceAll((jar, entries) -> entries.subList(0, Math.min(3, entries.size())));
        assertThat(offending)
                .as("jars in lib/ with Kafka or SLF4J classes (first few shown); the worker provides those")
                .isEmpty();
    }

    @Test
    void configReferenceDocumentsEveryPlugin() {
        List<String> reference = zip.relativeEntries().stream()
                .filter(e -> e.startsWith("doc/reference/") && e.endsWith(".md")).toList();
        assertThat(reference).as("generated config reference").contains("doc/reference/index.md");
        String allDocs = String.join("\n", reference.stream().map(e -> zip.text(e).orElse("")).toList());
        SoftAssertions softly = new SoftAssertions();
        for (String plugin : zip.pluginClasses()) {
            softly.assertThat(allDocs.contains(plugin) || allDocs.contains(plugin.replace('$', '.')))
                    .as("doc/reference mentions %s", plugin)
                    .isTrue();
        }
        softly.assertAll();
    }

    private static List<String> texts(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asText()));
        return values;
    }
}
