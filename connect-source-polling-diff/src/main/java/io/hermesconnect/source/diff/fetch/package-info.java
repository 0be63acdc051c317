/**
 * Reading sources: the {@link io.hermesconnect.source.diff.fetch.SourceFetcher} contract that the JDBC
 * ({@code fetch.jdbc}) and LDAP ({@code fetch.ldap}) sources implement. A fetch hands over rows as maps of column or
 * attribute names to values; mapping them to a type's attributes is the config's attribute mapping.
 */
package io.hermesconnect.source.diff.fetch;
