package io.hermesconnect.source.wal.config;

import io.hermesconnect.common.config.EnumChoice;

/** {@code database.sslmode}: PgJDBC's {@code sslmode}, spelled as PgJDBC spells it ({@code verify-ca}). */
public enum SslMode implements EnumChoice.Hyphenated {
    DISABLE,
    ALLOW,
    PREFER,
    REQUIRE,
    VERIFY_CA,
    VERIFY_FULL
}
