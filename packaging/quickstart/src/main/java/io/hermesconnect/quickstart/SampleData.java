package io.hermesconnect.quickstart;

import io.hermesconnect.testkit.Wait;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * The quickstart's sample data, over JDBC as {@code hermes} (who then owns the tables, so the WAL connector may
 * publish them; tables made in single-user mode get OIDs below 16384, which pgoutput never publishes).
 */
final class SampleData {

    private final String jdbcUrl;
    private final String user;
    private final String password;

    SampleData(String jdbcUrl, String user, String password) {
        this.jdbcUrl = jdbcUrl;
        this.user = user;
        this.password = password;
    }

    /** Runs a script of statements, each ending with ';' at a line end; lines starting with -- are comments. */
    void load(Path script) throws SQLException, IOException {
        try (Connection db = DriverManager.getConnection(jdbcUrl, user, password);
             Statement statement = db.createStatement()) {
            for (String sql : Files.readString(script).split(";\\s*\\n")) {
                String withoutComments = sql.replaceAll("(?m)^--.*$", "").trim();
                if (!withoutComments.isEmpty()) {
                    statement.execute(withoutComments);
                }
            }
        }
    }

    /** Inserts one customer with a unique email address and returns that address. */
    String insertCustomer() throws SQLException {
        String email = "quickstart-" + System.currentTimeMillis() + "@example.org";
        try (Connection db = DriverManager.getConnection(jdbcUrl, user, password);
             PreparedStatement insert = db.prepareStatement(
                     "INSERT INTO customers (email, first_name, last_name) VALUES (?, 'Quinn', 'Quickstart')")) {
            insert.setString(1, email);
            insert.executeUpdate();
        }
        return email;
    }

    /**
     * Changes the polling-diff sample's directory: a user added (with a mail account), one renamed, one removed
     * with its membership and account. Returns the three logins.
     */
    List<String> changeDirectory() throws SQLException {
        try (Connection db = DriverManager.getConnection(jdbcUrl, user, password);
             Statement statement = db.createStatement()) {
            statement.execute("INSERT INTO hr.users VALUES (4, 'dan', 'Dan', 'Dawson', CURRENT_DATE)");
            statement.execute("INSERT INTO hr.memberships VALUES (4, 10)");
            statement.execute("INSERT INTO it.accounts VALUES (4, 'dan@example.org')");
            statement.execute("UPDATE hr.users SET last_name = 'Brown' WHERE login = 'bob'");
            statement.execute("DELETE FROM hr.memberships WHERE user_id = 3");
            statement.execute("DELETE FROM it.accounts WHERE user_id = 3");
            statement.execute("DELETE FROM hr.users WHERE login = 'cid'");
        }
        return List.of("dan", "bob", "cid");
    }

    /**
     * Reads {@code topic} from its start (no consumer group) until a record whose value contains {@code text}
     * arrives, and returns it; empty if none did within {@code timeout}.
     */
    static Optional<ConsumerRecord<String, String>> awaitRecord(String bootstrapServers, String topic, String text,
            Duration timeout) {
        return awaitRecord(bootstrapServers, topic, value -> value.contains(text), timeout);
    }

    /**
     * Reads {@code topic} from its start (no consumer group) until a record whose value matches arrives, and returns
     * it; empty if none did within {@code timeout}.
     */
    static Optional<ConsumerRecord<String, String>> awaitRecord(String bootstrapServers, String topic,
            Predicate<String> match, Duration timeout) {
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false),
                new StringDeserializer(), new StringDeserializer())) {
            long deadline = System.nanoTime() + timeout.toNanos();
            List<TopicPartition> partitions = Wait.until("topic " + topic, timeout,
                    () -> consumer.partitionsFor(topic, Duration.ofSeconds(5)).stream()
                            .map(p -> new TopicPartition(p.topic(), p.partition())).toList(),
                    found -> !found.isEmpty());
            consumer.assign(partitions);
            while (System.nanoTime() - deadline < 0) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    if (record.value() != null && match.test(record.value())) {
                        return Optional.of(record);
                    }
                }
            }
            return Optional.empty();
        }
    }
}
