package io.hermesconnect.sink.http.request;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hermesconnect.common.jinja.JinjaEngine;
import io.hermesconnect.common.sink.SinkEvent;
import io.hermesconnect.common.sink.TargetDataException;
import io.hermesconnect.sink.http.UserEvents;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RequestTemplateTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String BASE = "https://api.example.com/v1";
    /** Quotes, backslashes, control characters, line breaks, HTML, non-BMP and combining unicode, JSON look-alikes. */
    private static final String HOSTILE = "a\"b\\c'd\n\r\t\u0000\u001f</script>{\"x\":1}, ]} 😀 e\u0301 \u2028";

    private static KeyedTemplate template(String key, String source) {
        return new KeyedTemplate(key, JinjaEngine.shared().compile(source));
    }

    private static RequestTemplate request(String method, String url, String body) {
        return new RequestTemplate("create of kind 'users'", template("k.method", method), template("k.url", url),
                Map.of("X-Name", template("k.headers.X-Name", "{{ after.id }}")), body == null ? null : template("k.body", body));
    }

    private static SinkEvent hostileUser() {
        Map<String, String> attrs = new LinkedHashMap<>();
        attrs.put(HOSTILE, HOSTILE);
        attrs.put("empty", null);
        return UserEvents.create(UserEvents.user("id/../x?y=1&z#f %", HOSTILE, Arrays.asList(HOSTILE, null, ""), attrs, "s3cr3t"));
    }

    private static JsonNode json(RenderedRequest request) throws IOException {
        return JSON.readTree(new String(request.body(), StandardCharsets.UTF_8));
    }

    @Test
    void aBodyExpressionWhoseValueIsNotTextIsSentAsJsonThatKeepsEveryHostileValue() throws IOException {
        RenderedRequest request = request("PUT", "/users/{{ key.id }}", "{{ after }}").render(BASE, RequestVariables.of(hostileUser()));

        JsonNode body = json(request);
        assertThat(body.get("name").asText()).isEqualTo(HOSTILE);
        assertThat(body.get("tags")).hasSize(3);
        assertThat(body.get("tags").get(0).asText()).isEqualTo(HOSTILE);
        assertThat(body.get("tags").get(1).isNull()).isTrue();
        assertThat(body.get("attrs").get(HOSTILE).asText()).isEqualTo(HOSTILE);
        assertThat(body.get("attrs").get("empty").isNull()).isTrue();
        assertThat(request.headers()).containsEntry("Content-Type", "application/json");
    }

    @Test
    void handWrittenJsonStaysValidWithTojson() throws IOException {
        String body = "{\"name\": {{ after.name | tojson }}, \"tags\": {{ after.tags | tojson }}, \"attrs\": {{ after.attrs | tojson }},"
                + " \"op\": {{ op | tojson }}, \"table\": {{ source.table | tojson }}}";
        JsonNode json = json(request("PUT", "/u", body).render(BASE, RequestVariables.of(hostileUser())));

        assertThat(json.get("name").asText()).isEqualTo(HOSTILE);
        assertThat(json.get("tags").get(0).asText()).isEqualTo(HOSTILE);
        assertThat(json.get("attrs").get(HOSTILE).asText()).isEqualTo(HOSTILE);
        assertThat(json.get("op").asText()).isEqualTo("c");
        assertThat(json.get("table").asText()).isEqualTo("users");
    }

    @Test
    void urlValuesArePercentEncodedSoTheyCannotAddSegmentsOrParameters() {
        RenderedRequest request = request("put", "/users/{{ key.id }}?name={{ after.name }}&tag={{ after.tags[0] }}", null)
                .render(BASE, RequestVariables.of(hostileUser()));

        assertThat(request.method()).isEqualTo("PUT");
        assertThat(request.uri().getRawPath()).isEqualTo("/v1/users/id%2F..%2Fx%3Fy%3D1%26z%23f%20%25");
        assertThat(request.uri().getPath()).isEqualTo("/v1/users/id/../x?y=1&z#f %");
        assertThat(request.uri().getRawQuery()).startsWith("name=a%22b%5Cc%27d%0A%0D%09%00%1F%3C%2Fscript%3E").contains("&tag=");
        assertThat(request.uri().getRawQuery().split("&")).hasSize(2);
        assertThat(request.uri().getRawFragment()).isNull();
        assertThat(request.body()).isNull();
        assertThat(request.headers()).containsOnlyKeys("X-Name");
    }

    @Test
    void changedHoldsTheAttributesThatDifferForAPatch() throws IOException {
        SinkEvent update = UserEvents.update(UserEvents.user("u1", "Ada", List.of("a"), null, "old"),
                UserEvents.user("u1", "Ada King", List.of("a"), Map.of("x", "1"), "old"));

        JsonNode patch = json(request("PATCH", "/users/{{ key.id }}", "{{ changed }}").render(BASE, RequestVariables.of(update)));

        assertThat(patch.fieldNames()).toIterable().containsExactly("name", "attrs");
        assertThat(patch.get("name").asText()).isEqualTo("Ada King");
        assertThat(RequestVariables.of(UserEvents.delete(UserEvents.user("u1", "Ada", null, null, null))).get("changed")).isEqualTo(Map.of());
        assertThat(RequestVariables.of(UserEvents.create(UserEvents.user("u1", "Ada", null, null, null))).get("changed"))
                .isEqualTo(UserEvents.create(UserEvents.user("u1", "Ada", null, null, null)).after());
    }

    @Test
    void aTemplateThatFailsOnTheEventsDataRefusesTheEventNamingTheKeyNotTheValue() {
        RequestTemplate missingAttribute = request("PUT", "/users/{{ after.nickname }}", null);
        assertThatThrownBy(() -> missingAttribute.render(BASE, RequestVariables.of(hostileUser())))
                .isInstanceOf(TargetDataException.class).hasMessageContaining("k.url").hasMessageNotContaining("script");

        RequestTemplate headerInjection = new RequestTemplate("create of kind 'users'", template("k.method", "PUT"),
                template("k.url", "/u"), Map.of("X-Name", template("k.headers.X-Name", "{{ after.name }}")), null);
        assertThatThrownBy(() -> headerInjection.render(BASE, RequestVariables.of(hostileUser())))
                .isInstanceOf(TargetDataException.class).hasMessageContaining("k.headers.X-Name").hasMessageNotContaining("script");

        RequestTemplate hostExtension = request("PUT", "{{ after.name }}", null);
        assertThatThrownBy(() -> hostExtension.render(BASE, RequestVariables.of(UserEvents.create(UserEvents.user(
                "u1", ".attacker.example", null, null, null))))).isInstanceOf(TargetDataException.class)
                .hasMessageContaining("k.url").hasMessageContaining("starts with /").hasMessageNotContaining("attacker");

        RequestTemplate badMethod = request("{{ after.name }}", "/u", null);
        assertThatThrownBy(() -> badMethod.render(BASE, RequestVariables.of(hostileUser())))
                .isInstanceOf(TargetDataException.class).hasMessageContaining("k.method").hasMessageNotContaining("script");
    }
}
