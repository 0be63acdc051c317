package io.hermesconnect.common.sink;

import static org.assertj.core.api.Assertions.assertThat;

import io.hermesconnect.common.config.GroupedConfigDef;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.common.config.Config;
import org.junit.jupiter.api.Test;

/** The operator's page holds the reference of the core's keys exactly as generated, and an example that validates. */
class SinkCoreDocsTest {

    private static final Path GUIDE = Path.of("src/main/doc/sink-core.md");
    private static final Path GENERATED = Path.of("target/sink-core-reference.md");

    @Test
    void thePageHoldsTheGeneratedReferenceOfEveryKey() throws IOException {
        String reference = SinkCoreConfig.reference();
        Files.writeString(GENERATED, reference, StandardCharsets.UTF_8);

        assertThat(Files.readString(GUIDE, StandardCharsets.UTF_8))
                .as("the page's key reference is out of date: replace it with " + GENERATED.toAbsolutePath())
                .contains(reference);
        GroupedConfigDef def = new GroupedConfigDef();
        SinkCoreConfig.define(def);
        def.configDef().names().forEach(key -> assertThat(reference).contains("`" + key + "`"));
        assertThat(reference).doesNotContain(SinkCoreConfig.TASK_ID);
    }

    @Test
    void theExpiryExampleValidates() throws IOException {
        Matcher block = Pattern.compile("```\n(errors\\..*?)```", Pattern.DOTALL)
                .matcher(Files.readString(GUIDE, StandardCharsets.UTF_8));
        List<String> examples = new ArrayList<>();
        while (block.find()) {
            examples.add(block.group(1));
        }
        assertThat(examples).hasSize(1);
        Properties example = new Properties();
        example.load(new StringReader(examples.get(0)));
        Map<String, String> props = new HashMap<>(Map.of(SinkCoreConfig.CONNECTOR_NAME, "users-sink",
                SinkCoreConfig.ERRORS_QUEUE_KAFKA_BOOTSTRAP_SERVERS, "broker:9092"));
        example.forEach((key, value) -> props.put(key.toString(), value.toString()));

        Config config = new Config(new ArrayList<>());
        SinkCoreConfig.validate(config, props, false);
        assertThat(config.configValues()).allSatisfy(value -> assertThat(value.errorMessages()).isEmpty());
        assertThat(new SinkCoreConfig(props).maxAge().toDays()).isEqualTo(7);
    }
}
