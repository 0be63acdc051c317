package io.hermesconnect.sink.http.request;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hermesconnect.common.sink.TargetDataException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The templates of one kind of request (a kind's create, its delete, its batch…): method, URL, headers and body.
 * <ul>
 *   <li>The URL template gives the path and query after {@code base.url}, starting with {@code /} (or {@code ?}) so that
 *       nothing can extend the base URL's host; the text values it inserts are percent-encoded ({@link UrlValues}), so
 *       a value is always one path segment or one query value;</li>
 *   <li>a header whose template renders empty text is left out; a value with a line break is refused;</li>
 *   <li>a body template that is a single expression whose value is not text ({@code {{ after }}},
 *       {@code {{ changed }}}, {@code {{ events | map(attribute='after') | list }}}) is sent as that value's JSON,
 *       so any value stays valid JSON; any other template's text is sent as it renders (use the {@code tojson} filter
 *       for values inside hand-written JSON). A body that renders empty or none is no body.</li>
 * </ul>
 * With a body and no {@code Content-Type} header, the request says {@code application/json}. Thread-safe.
 */
public final class RequestTemplate {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** RFC 9110 {@code token}: what a method may be. */
    private static final Pattern TOKEN = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+");
    private static final String CONTENT_TYPE = "Content-Type";

    private final String description;
    private final KeyedTemplate method;
    private final KeyedTemplate url;
    private final Map<String, KeyedTemplate> headers;
    private final KeyedTemplate body;

    /**
     * @param description what the request does, for messages, e.g. {@code create of kind 'users'}
     * @param headers header names to their templates
     * @param body the body template, or null for requests without a body
     */
    public RequestTemplate(String description, KeyedTemplate method, KeyedTemplate url, Map<String, KeyedTemplate> headers,
                           KeyedTemplate body) {
        this.description = description;
        this.method = method;
        this.url = url;
        this.headers = Map.copyOf(headers);
        this.body = body;
    }

    /**
     * Builds the request for these variables.
     *
     * @param baseUrl the URL the rendered path is appended to
     * @throws TargetDataException naming the template's key when a template fails or renders something that is not
     *     a method, a URL or a header value
     */
    public RenderedRequest render(String baseUrl, Map<String, Object> variables) {
        String methodName = method.renderText(variables).trim().toUpperCase(Locale.ROOT);
        if (!TOKEN.matcher(methodName).matches()) {
            throw new TargetDataException("Template " + method.key() + " did not render an HTTP method name");
        }
        String path = url.renderText(UrlValues.encoded(variables)).trim();
        if (!path.startsWith("/") && !path.startsWith("?")) {
            // else a value could extend base.url's host name: {{ key.id }} of ".example.org" after "https://api.example.com"
            throw new TargetDataException("Template " + url.key() + " did not render a path that starts with / (or a query with ?)");
        }
        URI uri = uri(baseUrl + path);
        Map<String, String> headerValues = new LinkedHashMap<>();
        headers.forEach((name, template) -> {
            String value = template.renderText(variables).trim();
            if (value.indexOf('\r') >= 0 || value.indexOf('\n') >= 0) {
                throw new TargetDataException("Template " + template.key() + " rendered a line break, which a header value cannot hold");
            }
            if (!value.isEmpty()) {
                headerValues.put(name, value);
            }
        });
        byte[] bodyBytes = body == null ? null : body(variables);
        if (bodyBytes != null && headerValues.keySet().stream().noneMatch(CONTENT_TYPE::equalsIgnoreCase)) {
            headerValues.put(CONTENT_TYPE, "application/json");
        }
        return new RenderedRequest(description, methodName, uri, headerValues, bodyBytes);
    }

    private URI uri(String text) {
        try {
            return new URI(text);
        } catch (URISyntaxException e) {
            // the reason names the offending character's index, never the text
            throw new TargetDataException("Template " + url.key() + " rendered an invalid URL (" + e.getReason() + " at index "
                    + e.getIndex() + ")");
        }
    }

    private byte[] body(Map<String, Object> variables) {
        Object value = body.render(variables);
        if (value == null) {
            return null;
        }
        if (value instanceof CharSequence text) {
            return text.isEmpty() ? null : text.toString().getBytes(StandardCharsets.UTF_8);
        }
        try {
            return JSON.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new TargetDataException("Template " + body.key() + " rendered a value that cannot be written as JSON");
        }
    }

    @Override
    public String toString() {
        return "request template of the " + description;
    }
}
