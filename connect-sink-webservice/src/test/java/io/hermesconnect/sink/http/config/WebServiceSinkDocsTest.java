package io.hermesconnect.sink.http.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hermesconnect.sink.http.UserEvents;
import io.hermesconnect.sink.http.request.HttpOperation;
import io.hermesconnect.sink.http.request.KindRequests;
import io.hermesconnect.sink.http.request.RenderedRequest;
import io.hermesconnect.sink.http.request.RequestVariables;
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
import org.junit.jupiter.api.Test;

/** The guide holds the reference exactly as generated, and its examples parse and build the requests they describe. */
class WebServiceSinkDocsTest {

    private static final Path GUIDE = Path.of("src/main/doc/http-sink.md");
    private static final Path GENERATED = Path.of("target/http-sink-reference.md");

    @Test
    void theGuideHoldsTheGeneratedReferenceOfEveryKey() throws IOException {
        String reference = WebServiceSinkConfig.reference();
        Files.writeString(GENERATED, reference, StandardCharsets.UTF_8);

        assertThat(Files.readString(GUIDE, StandardCharsets.UTF_8))
                .as("the guide's reference is out of date: replace it with " + GENERATED.toAbsolutePath())
                .contains(reference);
        WebServiceSinkConfig.CONFIG_DEF.names().forEach(key -> assertThat(reference).contains("`" + key + "`"));
        WebServiceSinkConfig.nestedDefinitions().values().forEach(def -> def.names().forEach(key ->
                assertThat(reference).contains("`" + key + "`")));
    }

    @Test
    void theGuidesExamplesParseAndBuildTheirRequests() throws IOException {
        List<Map<String, String>> examples = new ArrayList<>();
        Matcher block = Pattern.compile("```properties\n(.*?)```", Pattern.DOTALL).matcher(Files.readString(GUIDE, StandardCharsets.UTF_8));
        while (block.find()) {
            Properties example = new Properties();
            example.load(new StringReader(block.group(1)));
            Map<String, String> props = new HashMap<>();
            example.forEach((key, value) -> props.put(key.toString(), value.toString()));
            examples.add(props);
        }
        assertThat(examples).hasSize(4);
        examples.forEach(example -> assertThat(WebServiceSinkConfig.validate(withoutLiveChecks(example)).configValues())
                .allSatisfy(value -> assertThat(value.errorMessages()).as(value.name()).isEmpty()));

        KindRequests patch = new WebServiceSinkConfig(examples.get(1)).kinds().get(0);
        RenderedRequest update = patch.request(HttpOperation.UPDATE).orElseThrow().render("https://api.example.com/v1",
                RequestVariables.of(UserEvents.update(UserEvents.user("7", "Ada", null, null, null),
                        UserEvents.user("7", "Ada King", null, null, null))));
        assertThat(update.method()).isEqualTo("PATCH");
        assertThat(new String(update.body(), StandardCharsets.UTF_8)).isEqualTo("{\"name\":\"Ada King\"}");

        KindRequests bulk = new WebServiceSinkConfig(examples.get(3)).kinds().get(0);
        RenderedRequest batch = bulk.batch().render("https://api.example.com/v1", RequestVariables.ofBatch(List.of(
                UserEvents.create(UserEvents.user("7", "A \"quoted\"\nname", List.of("x"), Map.of("k", "v"), null)),
                UserEvents.delete(UserEvents.user("8", "B", null, null, null)))));
        JsonNode operations = new ObjectMapper().readTree(batch.body());
        assertThat(batch.uri().getPath()).isEqualTo("/v1/users/_bulk");
        assertThat(operations).hasSize(2);
        assertThat(operations.get(0).get("user").get("name").asText()).isEqualTo("A \"quoted\"\nname");
        assertThat(operations.get(1).get("op").asText()).isEqualTo("d");
        assertThat(operations.get(1).get("user").isNull()).isTrue();
    }

    /** The OAuth2 example's endpoint does not exist: validate its keys without fetching a token. */
    private static Map<String, String> withoutLiveChecks(Map<String, String> example) {
        Map<String, String> props = new HashMap<>(example);
        if ("oauth2".equals(props.get(WebServiceSinkConfig.AUTH_TYPE))) {
            props.put(WebServiceSinkConfig.AUTH_TYPE, "none");
            props.keySet().removeIf(key -> key.startsWith("auth.oauth2."));
        }
        props.keySet().removeIf(key -> key.startsWith("ssl."));
        return props;
    }
}
