package io.hermesconnect.bench.profile;

import java.util.List;

/**
 * Whose code a CPU sample was spent in: the first frame from the leaf that belongs to a known package family.
 * Frames of no family on the way (the JDK, Connect's data API, lz4) count for the code that called them, so a
 * HashMap lookup inside JsonConverter is the converter's time, and a string copy in our decoder is ours.
 * Jackson is no family of its own for the same reason: JsonConverter writes with it, but so does Debezium
 * (its {@code source.sequence} field, for every event), and that is Debezium's time.
 */
public enum Component {
    CONNECTOR("our connector", "io.hermesconnect."),
    DEBEZIUM("Debezium", "io.debezium."),
    PGJDBC("PgJDBC", "org.postgresql."),
    CONNECT_RUNTIME("Connect runtime", "org.apache.kafka.connect.runtime."),
    JSON_CONVERTER("JsonConverter", "org.apache.kafka.connect.json."),
    KAFKA_CLIENTS("Kafka producer/clients", "org.apache.kafka.clients.", "org.apache.kafka.common."),
    JDK_OTHER("JDK/other");

    private final String label;
    private final List<String> packagePrefixes;

    Component(String label, String... packagePrefixes) {
        this.label = label;
        this.packagePrefixes = List.of(packagePrefixes);
    }

    public String label() {
        return label;
    }

    /** @param frames a stack, leaf first, each frame {@code package.Class.method} */
    public static Component of(List<String> frames) {
        for (String frame : frames) {
            for (Component component : values()) {
                if (component.owns(frame)) {
                    return component;
                }
            }
        }
        return JDK_OTHER;
    }

    private boolean owns(String frame) {
        return packagePrefixes.stream().anyMatch(frame::startsWith);
    }
}
