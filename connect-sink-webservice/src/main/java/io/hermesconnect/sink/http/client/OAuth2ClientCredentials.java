package io.hermesconnect.sink.http.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hermesconnect.common.sink.TargetUnavailableException;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import org.apache.kafka.common.config.types.Password;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * OAuth2 client credentials (RFC 6749 section 4.4): a bearer token fetched from the token endpoint with the client's
 * id and secret (HTTP Basic, as the RFC recommends), cached, fetched again a tenth of its lifetime (at most a minute)
 * before it expires, and at once when a request with it is answered 401. Thread-safe: one fetch at a time.
 */
public final class OAuth2ClientCredentials implements Credentials {

    /** The token endpoint answered, but gave no token: the client's id, secret or scope are refused. */
    public static final class TokenRefusedException extends TargetUnavailableException {

        private static final long serialVersionUID = 1L;

        TokenRefusedException(String message) {
            super(message);
        }
    }

    private static final Logger LOG = LoggerFactory.getLogger(OAuth2ClientCredentials.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration MAX_EARLY_REFRESH = Duration.ofMinutes(1);

    private final HttpClient client;
    private final URI tokenUrl;
    private final Password clientAuthorization;
    private final String scope;
    private final Duration timeout;
    private final Clock clock;
    private Password token;
    private Instant refreshAt;

    /**
     * @param scope the scope to ask for, or null for the endpoint's default
     * @param timeout how long to wait for the token endpoint
     */
    public OAuth2ClientCredentials(HttpClient client, URI tokenUrl, String clientId, Password clientSecret, String scope,
                                   Duration timeout, Clock clock) {
        this.client = client;
        this.tokenUrl = tokenUrl;
        String pair = formEncode(clientId) + ":" + formEncode(clientSecret.value());
        this.clientAuthorization = new Password("Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8)));
        this.scope = scope;
        this.timeout = timeout;
        this.clock = clock;
    }

    @Override
    public synchronized Password authorization() {
        if (token == null || (refreshAt != null && !clock.instant().isBefore(refreshAt))) {
            fetch();
        }
        return token;
    }

    @Override
    public synchronized boolean renewAfterUnauthorized(Password used) {
        if (used != null && used.equals(token)) {
            token = null;
        }
        return true;
    }

    /**
     * Fetches a token now.
     *
     * @throws TargetUnavailableException when the endpoint cannot be reached or refuses the client: requests wait
     *     (Connect retries) until it gives a token; the message has the status and the OAuth2 error code, no secret
     */
    public synchronized void fetch() {
        String form = "grant_type=client_credentials" + (scope == null || scope.isBlank() ? "" : "&scope=" + formEncode(scope));
        HttpRequest request = HttpRequest.newBuilder(tokenUrl)
                .timeout(timeout)
                .header("Authorization", clientAuthorization.value())
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build();
        HttpResponse<String> response;
        try {
            response = client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new TargetUnavailableException("The OAuth2 token endpoint (auth.oauth2.token.url) cannot be reached: "
                    + e.getClass().getSimpleName(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TargetUnavailableException("Interrupted while fetching an OAuth2 token", e);
        }
        JsonNode answer = parse(response.body());
        JsonNode accessToken = answer.path("access_token");
        if (response.statusCode() / 100 != 2 || !accessToken.isTextual()) {
            String error = answer.path("error").isTextual() ? ", error " + answer.path("error").asText() : "";
            throw new TokenRefusedException("The OAuth2 token endpoint (auth.oauth2.token.url) answered HTTP "
                    + response.statusCode() + error + " without an access token; check auth.oauth2.client.id, "
                    + "auth.oauth2.client.secret and auth.oauth2.scope");
        }
        token = new Password("Bearer " + accessToken.asText());
        JsonNode expiresIn = answer.path("expires_in");
        if (expiresIn.canConvertToLong() && expiresIn.asLong() > 0) {
            Duration lifetime = Duration.ofSeconds(expiresIn.asLong());
            Duration early = lifetime.dividedBy(10).compareTo(MAX_EARLY_REFRESH) < 0 ? lifetime.dividedBy(10) : MAX_EARLY_REFRESH;
            refreshAt = clock.instant().plus(lifetime).minus(early);
        } else {
            refreshAt = null; // no lifetime given: kept until a request is answered 401
        }
        LOG.debug("Fetched an OAuth2 token, refreshed at {}", refreshAt);
    }

    private static JsonNode parse(String body) {
        try {
            return JSON.readTree(body == null || body.isBlank() ? "{}" : body);
        } catch (IOException notJson) {
            return JSON.createObjectNode();
        }
    }

    private static String formEncode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
