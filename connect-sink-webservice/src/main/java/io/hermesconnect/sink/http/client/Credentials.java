package io.hermesconnect.sink.http.client;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.apache.kafka.common.config.types.Password;

/**
 * What a request authenticates with: the value of its {@code Authorization} header. Values are kept as
 * {@link Password}s, whose text is {@code [hidden]}, so that no log or message can show them by accident.
 */
public interface Credentials {

    /** No authentication. */
    Credentials NONE = () -> null;

    /** The {@code Authorization} header value, or null for none. */
    Password authorization();

    /**
     * The server answered 401 to a request sent with {@code used}: forget it, so that the next
     * {@link #authorization()} gets fresh credentials, and say whether sending the request once more may help.
     */
    default boolean renewAfterUnauthorized(Password used) {
        return false;
    }

    /** HTTP Basic authentication (RFC 7617), in UTF-8. */
    static Credentials basic(String username, Password password) {
        String pair = username + ":" + password.value();
        Password header = new Password("Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8)));
        return () -> header;
    }

    /** A fixed bearer token (RFC 6750). */
    static Credentials bearer(Password token) {
        Password header = new Password("Bearer " + token.value());
        return () -> header;
    }
}
