package io.hermesconnect.testkit.connect;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Status and body of one Connect REST call. */
public record RestResponse(String method, String path, int status, String body) {

    private static final ObjectMapper JSON = new ObjectMapper();

    public boolean isSuccess() {
        return status >= 200 && status < 300;
    }

    /** The body parsed as JSON (an empty body is JSON {@code null}). */
    public JsonNode json() {
        try {
            return body.isEmpty() ? JSON.nullNode() : JSON.readTree(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("not JSON: " + this, e);
        }
    }

    /** Returns this response, or throws if its status is not 2xx. */
    public RestResponse requireSuccess() {
        if (!isSuccess()) {
            throw new AssertionError("Connect REST call failed: " + this);
        }
        return this;
    }

    @Override
    public String toString() {
        return method + " " + path + " -> " + status + " " + body;
    }
}
