package io.hermesconnect.source.diff.fetch;

/**
 * A source could not give what a poll or a validation asked: unreachable, wrong credentials, a rejected query, a
 * connection lost mid-read, a timeout. The message says what failed and on which source, never a row's values.
 */
public final class FetchException extends Exception {

    /** What the source refused, so that validation reports it on the config key the user must change. */
    public enum Refused {
        /** The server: unreachable, timed out, a bad URL. */
        CONNECTION,
        /** The user or password (JDBC) or bind DN or password (LDAP). */
        CREDENTIALS,
        /** The SQL statement, or an LDAP search as a whole. */
        QUERY,
        /** The LDAP search base. */
        SEARCH_BASE,
        /** The LDAP search filter. */
        SEARCH_FILTER,
        /** A column (attribute) of a type we cannot represent; {@link #column()} names it. */
        COLUMN_TYPE
    }

    /** Whether retrying later may succeed (the server is down or slow) rather than the config being wrong. */
    private final boolean transientFailure;
    private final Refused refused;
    private final String column;

    /**
     * @param refused what the source refused
     * @param column  the column of a {@link Refused#COLUMN_TYPE} failure, else null
     */
    public FetchException(String message, boolean transientFailure, Refused refused, String column, Throwable cause) {
        super(message, cause);
        this.transientFailure = transientFailure;
        this.refused = refused;
        this.column = column;
    }

    /** True when the source is unreachable or timed out; false when the credentials, query or a type are wrong. */
    public boolean isTransient() {
        return transientFailure;
    }

    /** What the source refused. */
    public Refused refused() {
        return refused;
    }

    /** The column whose type we cannot represent, for {@link Refused#COLUMN_TYPE}; else null. */
    public String column() {
        return column;
    }
}
