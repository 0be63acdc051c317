package io.hermesconnect.sink.ldap.ad;

/** What the sink does with an operation Active Directory refused ({@link ActiveDirectoryErrors#classify}). */
public enum ErrorClass {

    /** The event's data was refused (a password the domain's policy rejects, a name in use): park the object. */
    DATA,

    /** The domain controller could not be reached or was too busy: retry the whole batch later, park nothing. */
    UNAVAILABLE,

    /**
     * The connector's own settings are wrong (bad bind credentials, a password over a plain connection): neither
     * parking nor retrying helps until a user changes the config, so the task fails with the reason.
     */
    CONFIGURATION
}
