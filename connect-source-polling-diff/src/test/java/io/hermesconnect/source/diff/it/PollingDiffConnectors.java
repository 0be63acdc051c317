package io.hermesconnect.source.diff.it;

import io.hermesconnect.source.diff.PollingDiffSourceConnector;
import io.hermesconnect.testkit.UniqueNames;
import io.hermesconnect.testkit.Wait;
import io.hermesconnect.testkit.connect.ConnectCluster;
import io.hermesconnect.testkit.connect.TopicReader;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;
import javax.management.JMException;
import javax.management.ObjectName;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.connect.data.Struct;

/**
 * One polling-diff connector of an end-to-end test, on a Connect cluster whose worker runs in the test JVM: its config
 * (as the guide documents it), its change events read back from its output topic, its JMX attributes and task state.
 */
final class PollingDiffConnectors {

    static final Duration TIMEOUT = Duration.ofSeconds(60);

    final ConnectCluster connect;
    final String name;
    final Map<String, String> config = new HashMap<>();

    /** A connector named (and prefixed) uniquely, polling every 300 ms, its local state under {@code stateDir}. */
    PollingDiffConnectors(ConnectCluster connect, Path stateDir) {
        this.connect = connect;
        this.name = UniqueNames.of("diff");
        config.put("connector.class", PollingDiffSourceConnector.class.getName());
        config.put("tasks.max", "1");
        config.put("key.converter", "org.apache.kafka.connect.json.JsonConverter");
        config.put("value.converter", "org.apache.kafka.connect.json.JsonConverter");
        config.put("topic.prefix", name);
        config.put("poll.interval.ms", "300");
        config.put("state.kafka.bootstrap.servers", connect.bootstrapServers());
        config.put("state.local.dir", stateDir.toString());
    }

    /** A JDBC source {@code source} logging in as {@code user}. */
    PollingDiffConnectors jdbcSource(String source, String url, String user, String password) {
        config.put("sources." + source + ".kind", "jdbc");
        config.put("sources." + source + ".jdbc.url", url);
        config.put("sources." + source + ".jdbc.user", user);
        config.put("sources." + source + ".jdbc.password", password);
        return this;
    }

    PollingDiffConnectors set(String key, String value) {
        config.put(key, value);
        return this;
    }

    /** Creates the connector and waits for its task to run. */
    void start() {
        connect.rest().createConnector(name, config);
        connect.rest().awaitRunning(name, 1, TIMEOUT);
    }

    void delete() {
        connect.rest().deleteConnector(name);
    }

    /** The single output topic ({@code topic.routing=single}). */
    String topic() {
        return name;
    }

    String taskState() {
        return connect.rest().status(name).path("tasks").get(0).path("state").asText();
    }

    /** A JMX attribute of the task ({@code io.hermesconnect:type=polling-diff-source,name=<topic.prefix>}). */
    Object metric(String attribute) {
        try {
            ObjectName bean = new ObjectName("io.hermesconnect:type=polling-diff-source,name=" + ObjectName.quote(name));
            return ManagementFactory.getPlatformMBeanServer().getAttribute(bean, attribute);
        } catch (JMException e) {
            throw new IllegalStateException("no JMX attribute " + attribute + " for " + name, e);
        }
    }

    long pollsCompleted() {
        return ((Number) metric("PollsCompleted")).longValue();
    }

    /** Waits until {@code count} more polls completed than {@code before}: every change made before them was seen. */
    void awaitPollsAfter(long before, int count) {
        Wait.until(count + " more completed poll(s) of " + name, TIMEOUT, () -> pollsCompleted() >= before + count);
    }

    /** Waits until {@code count} more polls failed than had when called; returns the last error. */
    String awaitFailedPolls(int count) {
        long before = ((Number) metric("PollsFailed")).longValue();
        Wait.until(count + " more failed poll(s) of " + name, TIMEOUT,
                () -> ((Number) metric("PollsFailed")).longValue() >= before + count);
        return (String) metric("LastError");
    }

    /** The envelopes read so far (tombstones left out). */
    static List<Struct> events(TopicReader reader, List<ConsumerRecord<byte[], byte[]>> records) {
        return records.stream().filter(r -> r.value() != null).map(r -> (Struct) reader.value(r).value()).toList();
    }

    /** Waits until the events read satisfy {@code done}; returns them all. */
    static List<Struct> awaitEvents(TopicReader reader, String what, Predicate<List<Struct>> done) {
        return events(reader, reader.awaitUntil(what, records -> done.test(events(reader, records)), TIMEOUT));
    }

    static String op(Struct event) {
        return event.getString("op");
    }

    static String type(Struct event) {
        return event.getStruct("source").getString("table");
    }

    /** The event's object: {@code after}, or {@code before} for a delete. */
    static Struct object(Struct event) {
        return event.getStruct("after") != null ? event.getStruct("after") : event.getStruct("before");
    }

    /** Whether {@code event} is of {@code type} with {@code attribute} equal to {@code value} in its object. */
    static boolean is(Struct event, String type, String attribute, Object value) {
        return type.equals(type(event)) && Objects.equals(object(event).get(attribute), value);
    }
}
