package io.hermesconnect.sink.http.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hermesconnect.common.config.ConfigDefLint;
import io.hermesconnect.sink.http.WebServiceSinkConnector;
import io.hermesconnect.sink.http.request.HttpOperation;
import io.hermesconnect.sink.http.request.KindRequests;
import io.hermesconnect.testkit.FreePort;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.Config;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.ConfigValue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WebServiceSinkConfigTest {

    private static Map<String, String> minimal() {
        Map<String, String> props = new HashMap<>();
        props.put("base.url", "https://api.example.com/v1/");
        props.put("kinds", "users,groups");
        props.put("kinds.users.sources", "public.users");
        props.put("kinds.users.url", "/users/{{ key.id }}");
        props.put("kinds.groups.url", "/groups/{{ key.id }}");
        return props;
    }

    private static Map<String, String> with(String... keysAndValues) {
        Map<String, String> props = minimal();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            props.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return props;
    }

    /** The errors of each key that has some. */
    private static Map<String, List<String>> errors(Map<String, String> props) {
        Config config = WebServiceSinkConfig.validate(props);
        Map<String, List<String>> errors = new HashMap<>();
        for (ConfigValue value : config.configValues()) {
            if (!value.errorMessages().isEmpty()) {
                errors.put(value.name(), value.errorMessages());
            }
        }
        return errors;
    }

    @Test
    void aMinimalConfigHasDefaultRequestsPerKind() {
        assertThat(errors(minimal())).isEmpty();
        WebServiceSinkConfig config = new WebServiceSinkConfig(minimal());

        assertThat(config.baseUrl()).isEqualTo("https://api.example.com/v1");
        assertThat(config.kinds()).extracting(KindRequests::name).containsExactly("users", "groups");
        KindRequests users = config.kinds().get(0);
        assertThat(users.sources()).containsExactly("public.users");
        assertThat(config.kinds().get(1).sources()).containsExactly("groups");
        assertThat(users.requests()).containsOnlyKeys(HttpOperation.CREATE, HttpOperation.UPDATE, HttpOperation.DELETE);
        assertThat(users.batch()).isNull();
    }

    @Test
    void templateProblemsAreReportedOnTheirExactKey() {
        Map<String, List<String>> errors = errors(with(
                "kinds.users.url", "/users/{{ key.id ",
                "kinds.groups.update.body", "{{ after | no_such_filter }}",
                "kinds.groups.delete.url", "/groups/{{ item.id }}",
                "kinds.groups.create.headers.X-Trace", "{{ trace }}",
                "kinds.groups.create.headers.Bad Name", "x",
                "kinds.groups.batch.url", "/batch/{{ key.id }}",
                "headers.Host", "example.com"));

        assertThat(errors.keySet()).containsExactlyInAnyOrder("kinds.users.url", "kinds.groups.update.body", "kinds.groups.delete.url",
                "kinds.groups.create.headers.X-Trace", "kinds.groups.create.headers.Bad Name", "kinds.groups.batch.url", "headers.Host");
        assertThat(errors.get("kinds.groups.update.body").get(0)).contains("no_such_filter");
        assertThat(errors.get("kinds.groups.delete.url").get(0)).contains("unknown variable(s) [item]");
        assertThat(errors.get("kinds.groups.batch.url").get(0)).contains("unknown variable(s) [key]").contains("[events]");
    }

    @Test
    void urlsAndUnknownSettingsAreReportedOnTheirKey() {
        Map<String, List<String>> errors = errors(with(
                "base.url", "ftp://example.com",
                "kinds.users.crate.method", "PUT",
                "kinds.usres.url", "/x",
                "success.statuses", "200-299,600",
                "auth.type", "oauth2",
                "auth.oauth2.token.url", "not a url",
                "auth.oauth2.client.id", "sink",
                "auth.oauth2.client.secret", "s3cr3t"));

        assertThat(errors.keySet()).containsExactlyInAnyOrder("base.url", "kinds.users.crate.method", "kinds", "success.statuses",
                "auth.oauth2.token.url");
        assertThat(errors.get("kinds").get(0)).contains("kinds.usres.url");
        assertThat(errors.toString()).doesNotContain("s3cr3t");
    }

    @Test
    void authSettingsMustBelongToTheChosenTypeAndBeComplete() {
        Map<String, List<String>> errors = errors(with(
                "auth.type", "basic",
                "auth.basic.username", "sink",
                "auth.bearer.token", "t0k3n",
                "auth.basic.pasword", "typo"));

        assertThat(errors.keySet()).containsExactlyInAnyOrder("auth.basic.password", "auth.bearer.token", "auth.basic.pasword");
        assertThat(errors.get("auth.basic.password").get(0)).contains("Required with auth.type=basic");
        assertThat(errors.get("auth.bearer.token").get(0)).contains("another auth.type");
        assertThat(errors.get("auth.basic.pasword").get(0)).contains("Unknown auth setting");
        assertThat(errors.toString()).doesNotContain("t0k3n").doesNotContain("typo");
    }

    @Test
    void unreadableStoresAreReportedOnTheirKey(@TempDir Path dir) throws Exception {
        Path garbage = Files.writeString(dir.resolve("garbage.p12"), "not a key store");
        assertThat(errors(with("ssl.truststore.location", dir.resolve("missing.p12").toString())))
                .containsOnlyKeys("ssl.truststore.location");
        assertThat(errors(with("ssl.keystore.location", garbage.toString(), "ssl.keystore.password", "changeit")))
                .containsOnlyKeys("ssl.keystore.location");
    }

    @Test
    void anUnreachableTokenEndpointIsReportedOnItsKey() {
        Map<String, List<String>> errors = errors(with(
                "auth.type", "oauth2",
                "auth.oauth2.token.url", "http://127.0.0.1:" + FreePort.find() + "/token",
                "auth.oauth2.client.id", "sink",
                "auth.oauth2.client.secret", "s3cr3t"));

        assertThat(errors).containsOnlyKeys("auth.oauth2.token.url");
        assertThat(errors.get("auth.oauth2.token.url").get(0)).contains("cannot be reached");
    }

    @Test
    void theConstructorRefusesWhatValidateReportsNamingTheKey() {
        assertThatThrownBy(() -> new WebServiceSinkConfig(with("kinds.groups.delete.url", "/groups/{{ item.id }}")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("kinds.groups.delete.url");
        assertThatThrownBy(() -> new WebServiceSinkConfig(with("auth.type", "bearer")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("auth.bearer.token");
    }

    @Test
    void everyKeyIsFullyDefined() {
        assertThat(ConfigDefLint.problems(new WebServiceSinkConnector().config())).isEmpty();
        WebServiceSinkConfig.nestedDefinitions().values().forEach(def -> assertThat(ConfigDefLint.problems(def)).isEmpty());
    }
}
