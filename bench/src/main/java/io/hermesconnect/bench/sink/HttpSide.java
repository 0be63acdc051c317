package io.hermesconnect.bench.sink;

/**
 * Who sends the events, each with the run's concurrency: {@code connector} is the sink task as a worker drives
 * it (put() with batches of {@link HttpSinkBench#BATCH} records); {@code dispatcher} the HTTP module's request
 * dispatcher under it; {@code plain} a bare JDK HttpClient with the same requests, the peer.
 */
enum HttpSide {
    CONNECTOR("connector"), DISPATCHER("dispatcher"), PLAIN("plain");

    private final String id;

    HttpSide(String id) {
        this.id = id;
    }

    String id() {
        return id;
    }
}
