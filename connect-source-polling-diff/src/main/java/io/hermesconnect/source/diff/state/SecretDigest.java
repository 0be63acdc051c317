package io.hermesconnect.source.diff.state;

import java.util.Objects;

/**
 * What the state holds in place of a secret attribute's value: a keyed hash (HMAC-SHA256, base64) of the value, so
 * that a changed secret is detected and an unchanged one is not sent again, while no secret is ever written.
 *
 * @param hmac the base64 HMAC of the value
 */
public record SecretDigest(String hmac) {

    /** Checks the hash. */
    public SecretDigest {
        Objects.requireNonNull(hmac, "hmac");
    }
}
