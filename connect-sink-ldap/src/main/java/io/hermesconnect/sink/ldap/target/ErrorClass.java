package io.hermesconnect.sink.ldap.target;

/**
 * What the sink does with an operation the directory refused ({@link LdapErrors#classify}; on Active Directory
 * refined by its sub-codes).
 */
public enum ErrorClass {

    /** The event's data was refused (a value the schema or the password policy rejects, a name in use): park it. */
    DATA,

    /** The directory could not be reached or was too busy: retry the whole batch later, park nothing. */
    UNAVAILABLE,

    /**
     * The connector's own settings are wrong (wrong bind credentials, a server that wants TLS, a password over a
     * plain connection): neither parking nor retrying helps until a user changes the config, so the task fails with
     * the reason.
     */
    CONFIGURATION
}
