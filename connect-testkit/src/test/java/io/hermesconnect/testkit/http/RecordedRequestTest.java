package io.hermesconnect.testkit.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RecordedRequestTest {

    private final RecordedRequest request = new RecordedRequest("POST", "/api/users?dryRun=true",
            Map.of("content-type", List.of("application/json")), "{}".getBytes(StandardCharsets.UTF_8));

    @Test
    void findsHeadersInAnyCase() {
        assertThat(request.header("Content-Type")).isEqualTo("application/json");
        assertThat(request.header("Authorization")).isNull();
    }

    @Test
    void splitsThePathFromTheQuery() {
        assertThat(request.path()).isEqualTo("/api/users");
        assertThat(new RecordedRequest("GET", "/plain", Map.of(), new byte[0]).path()).isEqualTo("/plain");
    }
}
