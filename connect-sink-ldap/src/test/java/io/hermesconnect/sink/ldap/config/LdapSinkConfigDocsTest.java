package io.hermesconnect.sink.ldap.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.hermesconnect.sink.ldap.mapping.LdapKind;
import io.hermesconnect.sink.ldap.testing.ValidationErrors;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The guide holds the reference of the nested keys exactly as generated from their definitions, and examples that parse. */
class LdapSinkConfigDocsTest {

    private static final Path GUIDE = Path.of("src/main/doc/ldap-sink.md");
    private static final Path AD_GUIDE = Path.of("src/main/doc/active-directory.md");
    private static final Path GENERATED = Path.of("target/ldap-sink-nested-reference.md");

    @Test
    void theGuideHoldsTheGeneratedReferenceOfEveryNestedKey() throws IOException {
        String reference = LdapSinkConfig.nestedReference();
        Files.writeString(GENERATED, reference, StandardCharsets.UTF_8);

        assertThat(Files.readString(GUIDE, StandardCharsets.UTF_8))
                .as("the guide's nested key reference is out of date: replace it with " + GENERATED.toAbsolutePath())
                .contains(reference);
        LdapSinkConfig.nestedDefinitions().values().forEach(def -> def.names().forEach(key ->
                assertThat(reference).contains("`" + key + "`")));
    }

    @Test
    void theGuidesExampleParses() throws IOException {
        assertThat(new LdapSinkConfig(example(GUIDE)).kinds()).extracting(LdapKind::name).containsExactly("users", "groups", "memberships");
    }

    @Test
    void theActiveDirectoryGuidesExampleParses() throws IOException {
        LdapSinkConfig config = new LdapSinkConfig(example(AD_GUIDE));

        assertThat(config.directoryType()).isEqualTo(DirectoryType.ACTIVE_DIRECTORY);
        assertThat(config.passwordPolicy().newPassword()).hasSize(20);
        assertThat(config.kinds()).extracting(LdapKind::name).containsExactly("users", "groups", "memberships");
        Map<String, String> unreachable = example(AD_GUIDE);
        unreachable.put("ldap.url", "ldaps://127.0.0.1:1"); // port 1 refuses: only the live check fails, on ldap.url
        unreachable.remove("ldap.truststore.path");
        assertThat(ValidationErrors.byKey(LdapSinkConfig.validate(unreachable))).containsOnlyKeys("ldap.url");
    }

    /** The guide's first properties block, its {@code ${file:...}} secrets resolved to a placeholder. */
    private static Map<String, String> example(Path guide) throws IOException {
        Matcher block = Pattern.compile("```properties\n(.*?)```", Pattern.DOTALL).matcher(Files.readString(guide, StandardCharsets.UTF_8));
        assertThat(block.find()).isTrue();
        Properties example = new Properties();
        example.load(new StringReader(block.group(1)));
        Map<String, String> props = new HashMap<>();
        example.forEach((key, value) -> props.put(key.toString(), value.toString()));
        props.replaceAll((key, value) -> value.startsWith("${file:") ? "resolved-secret" : value);
        return props;
    }
}
