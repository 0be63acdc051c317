package io.hermesconnect.common.config;

import io.hermesconnect.common.Version;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigDef.Width;
import org.apache.kafka.connect.connector.ConnectRecord;
import org.apache.kafka.connect.connector.Task;
import org.apache.kafka.connect.source.SourceConnector;
import org.apache.kafka.connect.transforms.Transformation;

/** Plugins for {@link PluginReferenceGeneratorTest}, listed in this module's test {@code META-INF/services}. */
final class TestPlugins {

    private TestPlugins() {
    }

    public static final class SampleSource extends SourceConnector {
        @Override
        public ConfigDef config() {
            return new GroupedConfigDef()
                    .group("Connection")
                        .define("sample.host", Type.STRING, "localhost", new NonEmptyString(), Importance.HIGH, "Host to read from.", Width.MEDIUM, "Host")
                    .configDef();
        }

        @Override
        public String version() {
            return "9.9.9";
        }

        @Override
        public void start(Map<String, String> props) {
        }

        @Override
        public Class<? extends Task> taskClass() {
            return null;
        }

        @Override
        public List<Map<String, String>> taskConfigs(int maxTasks) {
            return List.of();
        }

        @Override
        public void stop() {
        }
    }

    /** A transformation with {@code Key} and {@code Value} variants, as Kafka's transforms have. */
    public abstract static class SampleTransform<R extends ConnectRecord<R>> implements Transformation<R> {
        @Override
        public ConfigDef config() {
            return new GroupedConfigDef()
                    .group("Mapping")
                        .define("sample.field", Type.STRING, "id", null, Importance.MEDIUM, "Field to map.", Width.SHORT, "Field")
                    .configDef();
        }

        @Override
        public String version() {
            return Version.get();
        }

        @Override
        public R apply(R record) {
            return record;
        }

        @Override
        public void configure(Map<String, ?> configs) {
        }

        @Override
        public void close() {
        }

        public static final class Value<R extends ConnectRecord<R>> extends SampleTransform<R> {
        }
    }
}
