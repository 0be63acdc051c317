package io.hermesconnect.common.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.hermesconnect.common.Version;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.kafka.connect.source.SourceConnector;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PluginReferenceGeneratorTest {

    @TempDir
    Path output;

    @Test
    void writesAReferencePerPluginAndAnIndex() throws Exception {
        PluginReferenceGenerator.main(new String[] {output.resolve("doc").toString()});

        Path doc = output.resolve("doc");
        try (var files = Files.list(doc)) {
            assertThat(files.map(file -> file.getFileName().toString()).sorted().toList())
                    .containsExactly("TestPlugins.SampleSource.md", "TestPlugins.SampleTransform.Value.md", "index.md");
        }
        assertThat(Files.readString(doc.resolve("TestPlugins.SampleSource.md")))
                .startsWith("# TestPlugins.SampleSource (source connector)\n\n"
                        + "Class `io.hermesconnect.common.config.TestPlugins$SampleSource`, version 9.9.9.\n\n## Connection\n")
                .contains("### `sample.host`\n\nHost to read from.");
        assertThat(Files.readString(doc.resolve("TestPlugins.SampleTransform.Value.md"))).contains("### `sample.field`");
        assertThat(Files.readString(doc.resolve("index.md"))).isEqualTo("""
                # Hermes Connect plugins

                | Plugin | Kind | Class | Version |
                |---|---|---|---|
                | [TestPlugins.SampleSource](TestPlugins.SampleSource.md) | Source connector | `io.hermesconnect.common.config.TestPlugins$SampleSource` | 9.9.9 |
                | [TestPlugins.SampleTransform.Value](TestPlugins.SampleTransform.Value.md) | Transformation | `io.hermesconnect.common.config.TestPlugins$SampleTransform$Value` | %s |
                """.formatted(Version.get()));
    }

    @Test
    void namesNestedClassesWithDotsAndKeepsOnlyOurPlugins() {
        assertThat(PluginReferenceGenerator.nameOf(TestPlugins.SampleTransform.Value.class)).isEqualTo("TestPlugins.SampleTransform.Value");
        assertThat(PluginReferenceGenerator.nameOf(PluginReferenceGenerator.class)).isEqualTo("PluginReferenceGenerator");
        assertThat(PluginReferenceGenerator.isOurs(TestPlugins.SampleSource.class)).isTrue();
        assertThat(PluginReferenceGenerator.isOurs(SourceConnector.class)).isFalse();
    }
}
