import java.sql.Connection;
import java.sql.DriverManager;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * The quickstart's sample data, over JDBC (a fresh machine may have no psql):
 * {@code load <jdbc-url> <user> <password> <sql-file>} runs a script of statements ending with ';' at a line end;
 * {@code change <jdbc-url> <user> <password> <bootstrap-servers> <topic>} inserts one customer and waits until
 * the WAL source connector has put its change event into Kafka, then prints it.
 */
public class QuickstartSample {

    public static void main(String[] args) throws Exception {
        if (args[0].equals("load")) {
            load(args[1], args[2], args[3], Path.of(args[4]));
        } else {
            change(args[1], args[2], args[3], args[4], args[5]);
        }
    }

    private static void load(String jdbcUrl, String user, String password, Path script) throws Exception {
        try (Connection db = DriverManager.getConnection(jdbcUrl, user, password); Statement statement = db.createStatement()) {
            for (String sql : Files.readString(script).split(";\\s*\\n")) {
                String withoutComments = sql.replaceAll("(?m)^--.*$", "").trim();
                if (!withoutComments.isEmpty()) {
                    statement.execute(withoutComments);
                }
            }
        }
    }

    private static void change(String jdbcUrl, String user, String password, String bootstrap, String topic) throws Exception {
        String email = "quickstart-" + System.currentTimeMillis() + "@example.org";
        try (Connection db = DriverManager.getConnection(jdbcUrl, user, password);
             PreparedStatement insert = db.prepareStatement(
                     "INSERT INTO customers (email, first_name, last_name) VALUES (?, 'Quinn', 'Quickstart')")) {
            insert.setString(1, email);
            insert.executeUpdate();
        }
        System.out.println("INSERT INTO customers ... email=" + email + "; waiting for its change event on " + topic);

        Properties props = new Properties();
        props.put("bootstrap.servers", bootstrap);
        props.put("auto.offset.reset", "earliest");
        props.put("enable.auto.commit", "false");
        try (KafkaConsumer<String, String> consumer =
                     new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer())) {
            Instant deadline = Instant.now().plusSeconds(90);
            // no consumer group: read the topic's partitions from the start, once the topic exists
            while (consumer.assignment().isEmpty() && Instant.now().isBefore(deadline)) {
                List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                        .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
                consumer.assign(partitions);
            }
            while (Instant.now().isBefore(deadline)) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    if (record.value() != null && record.value().contains(email)) {
                        System.out.println("arrived in Kafka, " + topic + " offset " + record.offset() + ":");
                        System.out.println("  key:   " + record.key());
                        System.out.println("  value: " + record.value());
                        return;
                    }
                }
            }
        }
        System.err.println("the change did not arrive on " + topic + " within 90 s: see the Connect log");
        System.exit(1);
    }
}
