package io.hermesconnect.testkit.connect;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hermesconnect.testkit.Wait;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The Connect REST calls tests make, over plain HTTP with JSON as a user would send it. Calls named after
 * an operation require a 2xx answer; {@link #request} returns any answer, for tests of rejections.
 */
public final class ConnectRestClient {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(60);

    private final URI baseUrl;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    public ConnectRestClient(URI baseUrl) {
        this.baseUrl = baseUrl;
    }

    /** POST /connectors with {@code {"name": name, "config": config}}. */
    public JsonNode createConnector(String name, Map<String, String> config) {
        String body = toJson(Map.of("name", name, "config", config));
        return request("POST", "connectors", body).requireSuccess().json();
    }

    /** PUT /connectors/{name}/config: creates or reconfigures. */
    public JsonNode putConnectorConfig(String name, Map<String, String> config) {
        return putConnectorConfig(name, toJson(config));
    }

    /** PUT /connectors/{name}/config with a JSON object as written by hand, e.g. a sample config file. */
    public JsonNode putConnectorConfig(String name, String configJson) {
        return request("PUT", "connectors/" + encode(name) + "/config", configJson).requireSuccess().json();
    }

    public void deleteConnector(String name) {
        request("DELETE", "connectors/" + encode(name), null).requireSuccess();
    }

    public List<String> connectors() {
        List<String> names = new ArrayList<>();
        request("GET", "connectors", null).requireSuccess().json().forEach(n -> names.add(n.asText()));
        return names;
    }

    /** GET /connectors/{name}/status: connector and task states, with the trace of failed ones. */
    public JsonNode status(String name) {
        return request("GET", "connectors/" + encode(name) + "/status", null).requireSuccess().json();
    }

    /**
     * Waits until the connector and at least {@code tasks} tasks are RUNNING and returns the status.
     *
     * @throws AssertionError as soon as the connector or a task FAILED (with the traces), or on timeout
     */
    public JsonNode awaitRunning(String name, int tasks, Duration timeout) {
        JsonNode status = Wait.until("connector " + name + " and " + tasks + " task(s) RUNNING", timeout,
                () -> status(name), s -> isRunning(s, tasks) || hasFailure(s));
        if (hasFailure(status)) {
            throw new AssertionError("connector " + name + " FAILED: " + status.toPrettyString());
        }
        return status;
    }

    /** Waits until the connector or one of its tasks is FAILED and returns the status, traces included. */
    public JsonNode awaitFailed(String name, Duration timeout) {
        return Wait.until("connector " + name + " or a task FAILED", timeout,
                () -> status(name), ConnectRestClient::hasFailure);
    }

    /** GET /connector-plugins?connectorsOnly=false: connectors, transforms, predicates, converters. */
    public List<JsonNode> plugins() {
        List<JsonNode> plugins = new ArrayList<>();
        request("GET", "connector-plugins?connectorsOnly=false", null).requireSuccess().json().forEach(plugins::add);
        return plugins;
    }

    /** PUT /connector-plugins/{class}/config/validate; the answer lists each field's errors. */
    public JsonNode validate(String connectorClass, Map<String, String> config) {
        return request("PUT", "connector-plugins/" + encode(connectorClass) + "/config/validate", toJson(config))
                .requireSuccess().json();
    }

    /** Any call: {@code path} is relative to the REST root (e.g. {@code connectors/x/restart}); body may be null. */
    public RestResponse request(String method, String path, String jsonBody) {
        HttpRequest request = HttpRequest.newBuilder(baseUrl.resolve(path))
                .timeout(REQUEST_TIMEOUT)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .method(method, jsonBody == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(jsonBody))
                .build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            return new RestResponse(method, path, response.statusCode(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + request.uri() + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted during " + method + " " + request.uri(), e);
        }
    }

    private static boolean isRunning(JsonNode status, int tasks) {
        JsonNode taskStates = status.path("tasks");
        if (!"RUNNING".equals(status.path("connector").path("state").asText()) || taskStates.size() < tasks) {
            return false;
        }
        for (JsonNode task : taskStates) {
            if (!"RUNNING".equals(task.path("state").asText())) {
                return false;
            }
        }
        return true;
    }

    private static boolean hasFailure(JsonNode status) {
        if ("FAILED".equals(status.path("connector").path("state").asText())) {
            return true;
        }
        for (JsonNode task : status.path("tasks")) {
            if ("FAILED".equals(task.path("state").asText())) {
                return true;
            }
        }
        return false;
    }

    private static String encode(String pathSegment) {
        return URLEncoder.encode(pathSegment, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String toJson(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot write as JSON: " + value, e);
        }
    }
}
