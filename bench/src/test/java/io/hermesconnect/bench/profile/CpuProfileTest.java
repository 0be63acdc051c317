package io.hermesconnect.bench.profile;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CpuProfileTest {

    private static final String TASK = "pool-2-thread-1";
    private static final String TASK_LOOP = "org.apache.kafka.connect.runtime.WorkerTask.run";
    private static final String PRODUCER = "kafka-producer-network-thread | connector-producer-hermes-small-0";
    private static final String READER = "hermes-wal-hermes";

    @Test
    void aSampleBelongsToTheFirstFrameFromTheLeafInAKnownPackage() {
        assertThat(Component.of(List.of("java.util.HashMap.get", "org.apache.kafka.connect.data.Struct.get",
                "org.apache.kafka.connect.json.JsonConverter.convertToJson",
                "org.apache.kafka.connect.runtime.AbstractWorkerSourceTask.sendRecords")))
                .isEqualTo(Component.JSON_CONVERTER);
        assertThat(Component.of(List.of("com.fasterxml.jackson.core.json.UTF8JsonGenerator.writeString",
                "org.apache.kafka.connect.json.JsonSerializer.serialize"))).isEqualTo(Component.JSON_CONVERTER);
        assertThat(Component.of(List.of("com.fasterxml.jackson.databind.ObjectMapper.writeValueAsString",
                "io.debezium.connector.postgresql.SourceInfo.sequence"))).isEqualTo(Component.DEBEZIUM);
        assertThat(Component.of(List.of("java.lang.String.<init>", "io.hermesconnect.source.wal.pgoutput.Decoder.text",
                "org.postgresql.core.v3.replication.V3PGReplicationStream.read"))).isEqualTo(Component.CONNECTOR);
        assertThat(Component.of(List.of("org.postgresql.core.PGStream.receive", "io.debezium.Reader.read")))
                .isEqualTo(Component.PGJDBC);
        assertThat(Component.of(List.of("net.jpountz.lz4.LZ4JavaSafeCompressor.compress",
                "org.apache.kafka.common.compress.Lz4BlockOutputStream.write"))).isEqualTo(Component.KAFKA_CLIENTS);
        assertThat(Component.of(List.of("org.apache.kafka.clients.producer.KafkaProducer.send",
                "org.apache.kafka.connect.runtime.WorkerSourceTask.sendRecords"))).isEqualTo(Component.KAFKA_CLIENTS);
        assertThat(Component.of(List.of("io.debezium.connector.postgresql.PostgresStreamingChangeEventSource.execute")))
                .isEqualTo(Component.DEBEZIUM);
        assertThat(Component.of(List.of("sun.nio.ch.EPoll.wait", "java.lang.Thread.run"))).isEqualTo(Component.JDK_OTHER);
        assertThat(Component.of(List.of())).isEqualTo(Component.JDK_OTHER);
    }

    @Test
    void aTaskThreadIsToldByConnectsTaskLoopOnItsStackOrByItsName() {
        assertThat(ThreadRole.of(TASK, List.of("java.util.HashMap.get", TASK_LOOP, "java.lang.Thread.run")))
                .isEqualTo(ThreadRole.TASK);
        assertThat(ThreadRole.of("task-thread-hermes-small-0", List.of("java.util.HashMap.get"))).isEqualTo(ThreadRole.TASK);
        assertThat(ThreadRole.of(TASK, List.of("java.util.concurrent.ThreadPoolExecutor.getTask"))).isEqualTo(ThreadRole.OTHER);
    }

    @Test
    void otherThreadsAreToldByTheirNames() {
        assertThat(ThreadRole.of(PRODUCER, List.of())).isEqualTo(ThreadRole.PRODUCER_NETWORK);
        assertThat(ThreadRole.of(READER, List.of())).isEqualTo(ThreadRole.CONNECTOR);
        assertThat(ThreadRole.of("debezium-postgresconnector-debezium-change-event-source-coordinator", List.of()))
                .isEqualTo(ThreadRole.CONNECTOR);
        assertThat(ThreadRole.of("DistributedHerder-connect-1", List.of())).isEqualTo(ThreadRole.OTHER);
    }

    @Test
    void summarisesSharesOfAllSamplesWithEveryComponentAndRoleListed() {
        CpuProfile profile = new CpuProfile();
        List<String> converting = List.of("java.util.HashMap.get", "org.apache.kafka.connect.json.JsonConverter.convertToJson",
                "org.apache.kafka.connect.runtime.AbstractWorkerSourceTask.execute", TASK_LOOP);
        profile.add(TASK, converting);
        profile.add(TASK, converting);
        profile.add(TASK, List.of("java.util.concurrent.ThreadPoolExecutor.getTask")); // between two tasks
        profile.add(READER, List.of("io.hermesconnect.source.wal.pgoutput.Decoder.decode", "java.lang.Thread.run"));
        profile.add(PRODUCER, List.of("org.apache.kafka.clients.producer.internals.Sender.run", "java.lang.Thread.run"));

        ProfileSummary summary = profile.summary("run.jfr", 2);

        assertThat(summary.recording()).isEqualTo("run.jfr");
        assertThat(summary.samples()).isEqualTo(5);
        assertThat(summary.components()).extracting(Share::name).containsExactly("our connector",
                "Debezium", "PgJDBC", "Connect runtime", "JsonConverter", "Kafka producer/clients", "JDK/other");
        assertThat(summary.components()).extracting(Share::percent)
                .containsExactly(20.0, 0.0, 0.0, 0.0, 40.0, 20.0, 20.0);
        assertThat(summary.threadRoles()).containsExactly(new Share("task thread", 2, 40.0),
                new Share("producer network thread", 1, 20.0),
                new Share("connector's own threads", 1, 20.0),
                new Share("other threads", 1, 20.0));
        assertThat(summary.busiestThreads()).containsExactly(
                new ProfileSummary.ThreadShare(TASK, "task thread", 3, 60.0),
                new ProfileSummary.ThreadShare(READER, "connector's own threads", 1, 20.0), // ties by name
                new ProfileSummary.ThreadShare(PRODUCER, "producer network thread", 1, 20.0));
        assertThat(summary.leafMethods()).containsExactly(new Share("java.util.HashMap.get", 2, 40.0),
                new Share("io.hermesconnect.source.wal.pgoutput.Decoder.decode", 1, 20.0));
        assertThat(summary.inclusiveMethods()).containsExactly(new Share("java.lang.Thread.run", 2, 40.0),
                new Share("java.util.HashMap.get", 2, 40.0));
    }

    @Test
    void aRecursiveMethodCountsOncePerSample() {
        CpuProfile profile = new CpuProfile();
        profile.add(TASK, List.of("com.fasterxml.jackson.databind.ser.BeanSerializer.serialize",
                "com.fasterxml.jackson.databind.ser.BeanSerializer.serialize"));

        assertThat(profile.summary("run.jfr", 25).inclusiveMethods())
                .containsExactly(new Share("com.fasterxml.jackson.databind.ser.BeanSerializer.serialize", 1, 100.0));
    }

    @Test
    void noSamplesGiveZeroShares() {
        ProfileSummary summary = new CpuProfile().summary("run.jfr", 25);

        assertThat(summary.samples()).isZero();
        assertThat(summary.components()).allSatisfy(share -> assertThat(share.percent()).isZero());
        assertThat(summary.leafMethods()).isEmpty();
    }

    @Test
    void tablesShowRunsSideBySide() {
        CpuProfile ours = new CpuProfile();
        ours.add(TASK, List.of("io.hermesconnect.source.wal.WalSourceTask.poll"));
        CpuProfile theirs = new CpuProfile();
        theirs.add(TASK, List.of("io.debezium.connector.postgresql.PostgresConnectorTask.doPoll"));
        theirs.add(PRODUCER, List.of("org.apache.kafka.clients.producer.internals.Sender.run"));
        Map<String, ProfileSummary> byRun = new LinkedHashMap<>();
        byRun.put("small / hermes", ours.summary("hermes-small.jfr", 25));
        byRun.put("small / debezium", theirs.summary("debezium-small.jfr", 25));

        String text = ProfileTables.text(byRun);

        assertThat(text).contains("""
                component               small / hermes  small / debezium
                ----------------------  --------------  ----------------
                our connector                    100.0               0.0
                Debezium                           0.0              50.0
                """).contains("small / debezium: 2 samples, debezium-small.jfr");
    }
}
