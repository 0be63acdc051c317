/**
 * LDAP directories as sources of the polling-diff connector:
 * {@link io.hermesconnect.source.diff.fetch.ldap.LdapFetcher} runs each query as a paged search (RFC 2696) and types
 * each attribute by the server's schema (single-valued: a String or byte[]; multi-valued: a List of them; binary
 * syntaxes and {@code ;binary}: bytes). A search that ends with any result but success throws, so a poll never sees a
 * partial directory.
 */
package io.hermesconnect.source.diff.fetch.ldap;
