package io.hermesconnect.sink.http.request;

import java.net.URI;
import java.util.Map;
import java.util.Objects;

/**
 * One request as the templates built it. {@link #toString} names the method and the kind only: the URL, headers and
 * body hold values of the event (and perhaps credentials), which never go to logs or error messages.
 *
 * @param description what the request does, for messages: e.g. {@code create of kind 'users'}
 * @param method the HTTP method, upper case
 * @param uri the absolute URL
 * @param headers header names to values, in order
 * @param body the body, or null for none
 */
public record RenderedRequest(String description, String method, URI uri, Map<String, String> headers, byte[] body) {

    public RenderedRequest {
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(uri, "uri");
        headers = Map.copyOf(headers);
    }

    @Override
    public String toString() {
        return method + " request of the " + description;
    }
}
