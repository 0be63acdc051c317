package io.hermesconnect.sink.http.config;

/** How requests authenticate, {@code auth.type}. */
public enum AuthType {
    /** No {@code Authorization} header. */
    NONE,
    /** HTTP Basic with {@code auth.basic.username} and {@code auth.basic.password}. */
    BASIC,
    /** A fixed bearer token, {@code auth.bearer.token}. */
    BEARER,
    /** A bearer token from an OAuth2 token endpoint, by the client credentials grant. */
    OAUTH2
}
