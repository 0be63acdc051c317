/**
 * The polling-diff connector's configuration: {@link io.hermesconnect.source.diff.config.PollingDiffConfig} declares
 * the connector-level keys and parses the keys nested under the names {@code types} and {@code sources} list into an
 * immutable {@link io.hermesconnect.source.diff.config.PollPlan}: each type's
 * {@link io.hermesconnect.source.diff.model.ObjectType}, its sources in merge order with their query
 * ({@link io.hermesconnect.source.diff.config.SourceQuery}), attribute mapping
 * ({@link io.hermesconnect.source.diff.config.AttributeMapping}) and merge settings, its integrity constraint and foreign
 * keys; and each source's connection settings ({@link io.hermesconnect.source.diff.config.JdbcSourceSettings},
 * {@link io.hermesconnect.source.diff.config.LdapSourceSettings}). Templates are compiled once, when the config is parsed.
 *
 * <p>{@link io.hermesconnect.source.diff.config.PollingDiffConfig#validate} reports every problem on the key the user must
 * change, then runs {@link io.hermesconnect.source.diff.config.LiveChecks} against the sources through a
 * {@link io.hermesconnect.source.diff.config.FetcherFactory}.
 */
package io.hermesconnect.source.diff.config;
