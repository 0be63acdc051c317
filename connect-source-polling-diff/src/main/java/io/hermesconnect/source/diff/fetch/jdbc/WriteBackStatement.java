package io.hermesconnect.source.diff.fetch.jdbc;

import java.util.Objects;

/**
 * One rendered write-back statement ({@code commit_one} per object or {@code commit_all} per type, HERMES.md) and the
 * config key of the template it came from, which a failure names.
 *
 * @param configKey the key of the template, e.g. {@code types.Users.sources.hr.commit.one}
 * @param sql       the rendered statement
 */
public record WriteBackStatement(String configKey, String sql) {

    /** Checks both are there. */
    public WriteBackStatement {
        Objects.requireNonNull(configKey, "configKey");
        Objects.requireNonNull(sql, "sql");
    }
}
