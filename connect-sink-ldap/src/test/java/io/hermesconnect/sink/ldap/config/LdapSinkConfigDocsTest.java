package io.hermesconnect.sink.ldap.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.hermesconnect.sink.ldap.mapping.LdapKind;
import io.hermesconnect.sink.ldap.testing.GuideExamples;
import io.hermesconnect.sink.ldap.testing.ValidationErrors;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The guide holds the reference of the nested keys exactly as generated from their definitions, and examples that parse. */
class LdapSinkConfigDocsTest {

    private static final Path GENERATED = Path.of("target/ldap-sink-nested-reference.md");

    @Test
    void theGuideHoldsTheGeneratedReferenceOfEveryNestedKey() throws IOException {
        String reference = LdapSinkConfig.nestedReference();
        Files.writeString(GENERATED, reference, StandardCharsets.UTF_8);

        assertThat(Files.readString(GuideExamples.GUIDE, StandardCharsets.UTF_8))
                .as("the guide's nested key reference is out of date: replace it with " + GENERATED.toAbsolutePath())
                .contains(reference);
        LdapSinkConfig.nestedDefinitions().values().forEach(def -> def.names().forEach(key ->
                assertThat(reference).contains("`" + key + "`")));
    }

    @Test
    void theGuidesExampleParses() {
        assertThat(new LdapSinkConfig(GuideExamples.firstExample(GuideExamples.GUIDE)).kinds()).extracting(LdapKind::name).containsExactly("users", "groups", "memberships");
    }

    @Test
    void theActiveDirectoryGuidesExampleParses() {
        LdapSinkConfig config = new LdapSinkConfig(GuideExamples.firstExample(GuideExamples.AD_GUIDE));

        assertThat(config.directoryType()).isEqualTo(DirectoryType.ACTIVE_DIRECTORY);
        assertThat(config.passwordPolicy().newPassword()).hasSize(20);
        assertThat(config.kinds()).extracting(LdapKind::name).containsExactly("users", "groups", "memberships", "nested_groups");
        Map<String, String> unreachable = GuideExamples.firstExample(GuideExamples.AD_GUIDE);
        unreachable.put("ldap.url", "ldaps://127.0.0.1:1"); // port 1 refuses: only the live check fails, on ldap.url
        unreachable.remove("ldap.truststore.path");
        assertThat(ValidationErrors.byKey(LdapSinkConfig.validate(unreachable))).containsOnlyKeys("ldap.url");
    }
}
