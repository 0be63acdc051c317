package io.hermesconnect.source.diff.fetch.jdbc;

import io.hermesconnect.source.diff.fetch.FetchException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * Runs write-back statements on a JDBC source (HERMES.md's {@code commit_one} / {@code commit_all}, e.g. clearing a
 * one-time password once it was sent), each call on a connection of its own, in ONE transaction: every statement
 * commits, or none does. The statements come rendered; each carries the config key its failure names.
 */
public final class JdbcWriteBack {

    private final JdbcSettings settings;
    private final JdbcDialect dialect;

    /** @throws IllegalArgumentException when the URL's scheme is not one of {@link JdbcDialect#supportedSchemes} */
    public JdbcWriteBack(JdbcSettings settings) {
        this.settings = settings;
        this.dialect = JdbcDialect.of(settings);
    }

    /**
     * Runs the statements in order in one transaction and commits it; on the first failure rolls it back.
     *
     * @throws WriteBackException naming the failed statement's key; nothing was committed
     */
    public void run(List<WriteBackStatement> statements) throws WriteBackException {
        try (Connection connection = open(); Statement statement = connection.createStatement()) {
            statement.setQueryTimeout(settings.queryTimeoutSeconds());
            for (WriteBackStatement writeBack : statements) {
                try {
                    statement.execute(writeBack.sql());
                } catch (SQLException e) {
                    rollbackQuietly(connection);
                    throw failure(writeBack.configKey(), "running the write-back " + writeBack.configKey(), e);
                }
            }
            connection.commit();
        } catch (SQLException e) {
            // not a statement's failure: the connection, the timeout setting or the commit
            throw failure(null, "committing the write-back", e);
        }
    }

    /**
     * Prepares each statement on the server without running it, for validation: a syntax error or an unknown table or
     * column fails here.
     *
     * @throws WriteBackException naming the first statement the server rejects
     */
    public void check(List<WriteBackStatement> statements) throws WriteBackException {
        try (Connection connection = open()) {
            for (WriteBackStatement writeBack : statements) {
                try (PreparedStatement statement = connection.prepareStatement(writeBack.sql())) {
                    statement.getMetaData(); // both drivers prepare it on the server to answer
                } catch (SQLException e) {
                    throw failure(writeBack.configKey(), "preparing the write-back " + writeBack.configKey(), e);
                }
            }
            connection.rollback();
        } catch (SQLException e) {
            throw failure(null, "checking the write-back", e);
        }
    }

    private Connection open() throws WriteBackException {
        Connection connection = null;
        try {
            connection = dialect.connect(settings);
            connection.setAutoCommit(false);
            return connection;
        } catch (SQLException e) {
            if (connection != null) {
                closeQuietly(connection);
            }
            throw failure(null, "connecting", e);
        }
    }

    private WriteBackException failure(String configKey, String what, SQLException e) {
        FetchException failure = SqlFailures.of(settings.source(), what, e);
        return new WriteBackException(failure.getMessage(), configKey, failure.isTransient(), failure.getCause());
    }

    private static void closeQuietly(Connection connection) {
        try {
            connection.close();
        } catch (SQLException e) {
            // it failed while being set up: nothing in it to keep
        }
    }

    private static void rollbackQuietly(Connection connection) {
        try {
            connection.rollback();
        } catch (SQLException e) {
            // closing the connection without a commit rolls back as well
        }
    }
}
