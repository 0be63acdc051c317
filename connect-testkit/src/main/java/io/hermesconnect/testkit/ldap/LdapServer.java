package io.hermesconnect.testkit.ldap;

import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPException;

/** What tests of an LDAP client need from any of the test LDAP servers, so one test can run against each. */
public interface LdapServer {

    /** The URL a client should use, {@code ldap://} or {@code ldaps://}. */
    String url();

    /** The suffix all entries live under. */
    String baseDn();

    /** The administrator's DN, allowed to write anywhere under {@link #baseDn()}. */
    String bindDn();

    String bindPassword();

    /** A connection to {@link #url()} bound as the administrator; the caller closes it. */
    LDAPConnection connect() throws LDAPException;
}
