package io.hermesconnect.sink.http;

import io.hermesconnect.testkit.SharedFixtures;
import io.hermesconnect.testkit.http.RecordingHttpServer;
import java.util.HashMap;
import java.util.Map;

/** The recording HTTP server the sink's tests share (started once per JVM), and the config of a sink pointed at it. */
final class SinkHttpServer {

    private static RecordingHttpServer server;

    private SinkHttpServer() {
    }

    /** The shared server, reset: no recorded request, no planned answer. */
    static synchronized RecordingHttpServer reset() {
        if (server == null) {
            server = RecordingHttpServer.start();
            SharedFixtures.register(SinkHttpServer::stop);
        }
        server.reset();
        return server;
    }

    private static synchronized void stop() {
        server.close();
        server = null;
    }

    /**
     * A sink config that sends {@code public.users} events as kind {@code users} to {@code /api/users/<id>} on
     * {@code target}, with quick retries, and the given keys set.
     */
    static Map<String, String> usersConfig(RecordingHttpServer target, String... keysAndValues) {
        Map<String, String> props = new HashMap<>();
        props.put("base.url", target.url("/api").toString());
        props.put("kinds", "users");
        props.put("kinds.users.sources", UserEvents.KIND);
        props.put("kinds.users.url", "/users/{{ key.id }}");
        props.put("retry.backoff.initial.ms", "10");
        props.put("retry.backoff.max.ms", "3000");
        for (int i = 0; i < keysAndValues.length; i += 2) {
            props.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return props;
    }
}
