package io.hermesconnect.sink.ldap.it;

import com.unboundid.ldap.sdk.DN;
import com.unboundid.ldap.sdk.LDAPException;
import io.hermesconnect.common.sink.SinkTaskMXBean;
import io.hermesconnect.sink.ldap.LdapSinkConnector;
import io.hermesconnect.sink.ldap.testing.DirectoryState;
import io.hermesconnect.sink.ldap.testing.HrKinds;
import io.hermesconnect.testkit.Wait;
import io.hermesconnect.testkit.connect.ConnectCluster;
import io.hermesconnect.testkit.ldap.LdapServer;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.Map;
import java.util.TreeSet;
import javax.management.JMX;
import javax.management.MalformedObjectNameException;
import javax.management.ObjectName;

/** What the ITs of this package share: the connector's config in a Connect cluster, and the directory read in probes. */
final class SinkFixtures {

    private SinkFixtures() {
    }

    /**
     * The config of a connector {@code name} with one task that keeps {@code directory} in sync with the {@link HrKinds}
     * events of {@code topic} (JSON with schemas), its parked events in {@code connect}'s Kafka, retried every second.
     */
    static Map<String, String> sinkConfig(String name, LdapServer directory, ConnectCluster connect, String topic) {
        return connectorConfig(HrKinds.config(directory.url()), name, connect, topic);
    }

    /**
     * {@code config} as the config of a connector {@code name} with one task reading {@code topic} (JSON with schemas),
     * its parked events in {@code connect}'s Kafka, retried every second.
     */
    static Map<String, String> connectorConfig(Map<String, String> config, String name, ConnectCluster connect, String topic) {
        config.put("name", name);
        config.put("connector.class", LdapSinkConnector.class.getName());
        config.put("tasks.max", "1");
        config.put("topics", topic);
        config.put("key.converter", "org.apache.kafka.connect.json.JsonConverter");
        config.put("value.converter", "org.apache.kafka.connect.json.JsonConverter");
        config.put("errors.queue.kafka.bootstrap.servers", connect.bootstrapServers());
        config.put("errors.queue.retry.interval.ms", "1000");
        return config;
    }

    /** The status bean of the connector's task 0, once the task registered it. */
    static SinkTaskMXBean taskStatus(String connector, Duration timeout) {
        try {
            ObjectName bean = ObjectName.getInstance("io.hermesconnect:type=sink-task,connector="
                    + ObjectName.quote(connector) + ",task=0");
            Wait.until("the task's status bean", timeout, () -> ManagementFactory.getPlatformMBeanServer().isRegistered(bean));
            return JMX.newMXBeanProxy(ManagementFactory.getPlatformMBeanServer(), bean, SinkTaskMXBean.class);
        } catch (MalformedObjectNameException e) {
            throw new IllegalStateException("not an object name", e);
        }
    }

    /** {@link DirectoryState#snapshot}, for a probe that may not throw a checked exception. */
    static Map<String, Map<String, TreeSet<String>>> snapshot(LdapServer directory) {
        try {
            return DirectoryState.snapshot(directory);
        } catch (LDAPException e) {
            throw new IllegalStateException("could not read the directory", e);
        }
    }

    static String normalized(String dn) {
        try {
            return DN.normalize(dn);
        } catch (LDAPException e) {
            throw new IllegalStateException("not a DN", e);
        }
    }
}
