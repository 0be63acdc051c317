package io.hermesconnect.common.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigDef.Width;
import org.junit.jupiter.api.Test;

class ConfigDocsTest {

    private static final ConfigDef DEFINITION = new GroupedConfigDef()
            .group("Connection")
                .define("database.port", Type.INT, 5432, ConfigDef.Range.between(1, 65535), Importance.MEDIUM,
                        "Port of the database server.", Width.SHORT, "Port")
                .define("database.password", Type.PASSWORD, "changeme", null, Importance.HIGH,
                        "Password of the database user.", Width.SHORT, "Password")
            .group("Filters")
                .define("table.include.list", Type.LIST, List.of("public.a", "public.b"), null, Importance.LOW,
                        "Tables to capture.", Width.LONG, "Included tables")
                .define("topic.prefix", Type.STRING, ConfigDef.NO_DEFAULT_VALUE, new NonEmptyString(), Importance.HIGH,
                        "Prefix of every topic name.", Width.MEDIUM, "Topic prefix")
                .define("heartbeat.query", Type.STRING, null, null, Importance.LOW, "Query run on each heartbeat.", Width.LONG, "Heartbeat query")
            .configDef()
            .define("legacy.key", Type.STRING, "", Importance.LOW, "A key defined without a group.")
            .defineInternal("internal.key", Type.STRING, "x", Importance.LOW);

    @Test
    void rendersGroupsInOrderAndKeysInGroupOrder() {
        String markdown = ConfigDocs.markdown("WAL source", DEFINITION);

        assertThat(markdown).startsWith("# WAL source\n\n## Connection\n\n### `database.port`\n");
        assertThat(markdown.indexOf("`database.port`")).isLessThan(markdown.indexOf("`database.password`"));
        assertThat(markdown.indexOf("## Connection")).isLessThan(markdown.indexOf("## Filters"));
        assertThat(markdown.indexOf("`table.include.list`")).isLessThan(markdown.indexOf("`topic.prefix`"));
        assertThat(markdown.indexOf("## Filters")).isLessThan(markdown.indexOf("## Other settings"));
        assertThat(markdown).doesNotContain("internal.key");
    }

    @Test
    void describesEachKey() {
        String markdown = ConfigDocs.markdown("WAL source", DEFINITION);

        assertThat(markdown).contains("""
                ### `database.port`

                Port of the database server.

                - Type: int
                - Default: `5432`
                - Valid values: [1,...,65535]
                - Importance: medium
                """);
        assertThat(markdown).contains("- Default: `public.a,public.b`");
        assertThat(markdown).contains("""
                ### `topic.prefix`

                Prefix of every topic name.

                - Type: string
                - Default: none (required)
                - Valid values: non-empty string
                """);
        assertThat(markdown).contains("### `heartbeat.query`\n\nQuery run on each heartbeat.\n\n- Type: string\n- Default: none\n- Importance: low\n");
        assertThat(markdown).contains("### `legacy.key`\n\nA key defined without a group.\n\n- Type: string\n- Default: \"\" (empty)\n");
    }

    @Test
    void hidesPasswordDefaults() {
        String markdown = ConfigDocs.markdown("WAL source", DEFINITION);

        assertThat(markdown).contains("- Type: password\n- Default: [hidden]\n").doesNotContain("changeme");
    }

    @Test
    void addsAnIntroductionUnderTheTitle() {
        assertThat(ConfigDocs.markdown("WAL source", "Streams changes.", DEFINITION)).startsWith("# WAL source\n\nStreams changes.\n\n## Connection\n");
    }
}
