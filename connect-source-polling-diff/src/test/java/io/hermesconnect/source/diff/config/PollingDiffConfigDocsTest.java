package io.hermesconnect.source.diff.config;

import static org.assertj.core.api.Assertions.assertThat;

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

/** The guide holds the reference of the nested keys exactly as generated from their definitions, and examples that parse. */
class PollingDiffConfigDocsTest {

    private static final Path GUIDE = Path.of("src/main/doc/polling-diff-source.md");
    private static final Path GENERATED = Path.of("target/polling-diff-nested-reference.md");

    @Test
    void theGuideHoldsTheGeneratedReferenceOfEveryNestedKey() throws IOException {
        String reference = PollingDiffConfig.nestedReference();
        Files.writeString(GENERATED, reference, StandardCharsets.UTF_8);

        assertThat(Files.readString(GUIDE, StandardCharsets.UTF_8))
                .as("the guide's nested key reference is out of date: replace it with " + GENERATED.toAbsolutePath())
                .contains(reference);
        PollingDiffConfig.nestedDefinitions().values().forEach(def -> def.names().forEach(key ->
                assertThat(reference).contains("`" + key + "`")));
    }

    @Test
    void theGuidesExamplesParse() throws IOException {
        List<Properties> examples = new ArrayList<>();
        Matcher block = Pattern.compile("```properties\n(.*?)```", Pattern.DOTALL).matcher(Files.readString(GUIDE, StandardCharsets.UTF_8));
        while (block.find()) {
            Properties example = new Properties();
            example.load(new StringReader(block.group(1)));
            examples.add(example);
        }
        assertThat(examples).hasSize(2);
        Map<String, String> oneSource = new HashMap<>();
        examples.get(0).forEach((key, value) -> oneSource.put(key.toString(), value.toString()));
        Map<String, String> twoSources = new HashMap<>(oneSource);
        examples.get(1).forEach((key, value) -> twoSources.put(key.toString(), value.toString()));

        assertThat(new PollingDiffConfig(oneSource).plan().types()).extracting(TypePlan::name)
                .containsExactly("Users", "Groups", "GroupsMembers");
        assertThat(new PollingDiffConfig(twoSources).plan().types().get(0).sources()).extracting(TypeSourcePlan::source)
                .containsExactly("hr", "dir");
    }
}
