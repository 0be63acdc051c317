/**
 * The HTTP sink: {@link io.hermesconnect.sink.http.WebServiceSinkConnector} turns change events into HTTP requests
 * through the sink core ({@code io.hermesconnect.common.sink}), which owns ordering, the error queue and the trashbin.
 *
 * <ul>
 *   <li>{@code config}: the keys ({@link io.hermesconnect.sink.http.config.WebServiceSinkConfig}), parsed into each
 *       kind's compiled request templates, and {@code validate()}'s checks on the exact key;</li>
 *   <li>{@code request}: what a request is made of (templates, variables, URL encoding, JSON bodies);</li>
 *   <li>{@code client}: sending it (status outcomes, retries, {@code Retry-After}, credentials);</li>
 *   <li>{@code metrics}: the task's JMX metrics;</li>
 *   <li>this package: the connector, its task, {@link io.hermesconnect.sink.http.WebServiceTarget}, which sends the
 *       runs of events the core hands it through {@link io.hermesconnect.sink.http.RequestDispatcher} (bounded
 *       requests in flight, batches), and the {@link io.hermesconnect.sink.http.TrashLedger} of what it trashed,
 *       kept in a {@link io.hermesconnect.sink.http.KafkaTrashStore}.</li>
 * </ul>
 * Lower packages never depend on {@code config} or on this package.
 */
package io.hermesconnect.sink.http;
