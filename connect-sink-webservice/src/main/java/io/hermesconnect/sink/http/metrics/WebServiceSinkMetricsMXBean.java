package io.hermesconnect.sink.http.metrics;

import java.util.Map;

/**
 * The HTTP sink task's JMX metrics, {@code io.hermesconnect:type=http-sink,connector=<name>,task=<id>}. An MXBean, so
 * that the map shows as a table in any JMX client.
 */
public interface WebServiceSinkMetricsMXBean {

    /** Requests sent (every attempt, retries included) since the task started. */
    long getRequests();

    /** Requests sent per second, over the last minute. */
    double getRequestsPerSecond();

    /** The median time from sending a request to its answer (or failure), over the last 1024 requests, in ms. */
    double getLatencyP50Ms();

    /** The 99th percentile of the same, in ms. */
    double getLatencyP99Ms();

    /** Retries since the task started, by cause (server_error, too_many_requests, timeout, connection, unauthorized). */
    Map<String, Long> getRetriesByCause();
}
