package io.hermesconnect.source.diff.config;

import io.hermesconnect.source.diff.fetch.FetchException;
import io.hermesconnect.source.diff.fetch.SourceFetcher;

/** Opens a fetcher on a configured source: the connector's way from {@link SourceSettings} to the JDBC or LDAP fetcher. */
@FunctionalInterface
public interface FetcherFactory {

    /**
     * Opens a fetcher, connecting and authenticating now or at its first call.
     *
     * @throws FetchException when the source cannot be reached or refuses the credentials
     */
    SourceFetcher open(SourceSettings settings) throws FetchException;
}
