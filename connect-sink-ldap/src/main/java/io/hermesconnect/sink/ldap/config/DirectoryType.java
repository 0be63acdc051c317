package io.hermesconnect.sink.ldap.config;

/** Which directory the sink writes to ({@code ldap.directory}): what it does differs on Active Directory. */
public enum DirectoryType {

    /** Any LDAP directory (OpenLDAP, 389 DS, ...): trashed entries move to {@code ldap.trash.dn}. */
    GENERIC,

    /**
     * Active Directory or a Samba AD domain controller: passwords go to {@code unicodePwd} over TLS only, accounts are
     * enabled and disabled through {@code userAccountControl}, and trashed entries stay in place, disabled and marked.
     */
    ACTIVE_DIRECTORY
}
