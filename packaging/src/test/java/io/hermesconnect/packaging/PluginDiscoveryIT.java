package io.hermesconnect.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The built ZIP, unpacked into a worker's {@code plugin.path} with {@code plugin.discovery=service_load}:
 * every plugin its jars register is offered by the worker's REST API, with our version.
 */
class PluginDiscoveryIT {

    private static PluginZipFixture fixture;

    @BeforeAll
    static void startWorkerOnTheZip() {
        fixture = PluginZipFixture.shared();
    }

    @Test
    void zipRegistersPlugins() {
        assertThat(fixture.zip().pluginClasses())
                .as("plugin classes named in META-INF/services files of the jars in %s", fixture.zip().path())
                .isNotEmpty();
    }

    @Test
    void workerListsEveryPluginOfTheZipWithOurVersion() {
        Map<PluginKind, Set<String>> plugins = fixture.zip().plugins();
        assertThat(plugins).as("plugins registered by the ZIP").isNotEmpty();
        List<JsonNode> listed = fixture.rest().plugins();
        String version = PluginZip.expectedVersion();

        SoftAssertions softly = new SoftAssertions();
        plugins.forEach((kind, classes) -> {
            Optional<String> restType = kind.restType();
            softly.assertThat(restType)
                    .as("%s plugins %s: GET /connector-plugins does not list this kind; teach this test another "
                            + "way to check that the worker loads them", kind, classes)
                    .isPresent();
            restType.ifPresent(type -> classes.forEach(className -> {
                List<JsonNode> entries = listed.stream()
                        .filter(p -> className.equals(p.path("class").asText()) && type.equals(p.path("type").asText()))
                        .toList();
                softly.assertThat(entries)
                        .as("%s %s listed by GET /connector-plugins?connectorsOnly=false", type, className)
                        .isNotEmpty();
                entries.forEach(entry -> softly.assertThat(entry.path("version").asText())
                        .as("version of %s %s", type, className)
                        .isEqualTo(version));
            }));
        });
        softly.assertAll();
    }

    @Test
    void workerOffersNoHermesPluginThatIsNotInTheZip() {
        Set<String> inZip = fixture.zip().pluginClasses();
        List<String> unexpected = new ArrayList<>();
        for (JsonNode plugin : fixture.rest().plugins()) {
            String className = plugin.path("class").asText();
            if (className.startsWith("io.hermesconnect.") && !inZip.contains(className)) {
                unexpected.add(className);
            }
        }
        assertThat(new TreeSet<>(unexpected))
                .as("io.hermesconnect plugins offered by the worker but not registered in the ZIP's services files")
                .isEmpty();
    }

    @Test
    void pluginClassesComeOnlyFromTheZip() {
        // the fixture checks this before it starts the worker; kept as a test so a leak is reported by name
        PluginZipFixture.assertPluginsNotOnClassPath(fixture.zip());
    }
}
