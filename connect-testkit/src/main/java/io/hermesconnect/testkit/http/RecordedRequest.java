package io.hermesconnect.testkit.http;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One request as the server received it. {@code headers} keys are lower case.
 *
 * @param target path and query as sent, e.g. {@code /users/42?dryRun=true}
 */
public record RecordedRequest(String method, String target, Map<String, List<String>> headers, byte[] body) {

    /** The first value of header {@code name} (any case), or null. */
    public String header(String name) {
        List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    public String bodyAsString() {
        return new String(body, StandardCharsets.UTF_8);
    }

    public String path() {
        int query = target.indexOf('?');
        return query < 0 ? target : target.substring(0, query);
    }

    @Override
    public String toString() {
        return method + " " + target + " (" + body.length + " bytes)";
    }
}
