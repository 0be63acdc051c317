package io.hermesconnect.sink.http.metrics;

/** Why a request was sent again. */
public enum RetryCause {
    /** A 5xx answer. */
    SERVER_ERROR,
    /** A 429 answer. */
    TOO_MANY_REQUESTS,
    /** A 408 answer or no answer within {@code request.timeout.ms}. */
    TIMEOUT,
    /** The connection failed (refused, reset, TLS handshake). */
    CONNECTION,
    /** A 401 with an OAuth2 token: the token was fetched again. */
    UNAUTHORIZED
}
