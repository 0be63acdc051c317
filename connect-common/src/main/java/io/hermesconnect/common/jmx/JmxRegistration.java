package io.hermesconnect.common.jmx;

import java.lang.management.ManagementFactory;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A task's JMX bean in the platform MBean server for as long as the task runs. A bean of the same name left by an
 * earlier task in this JVM (a stopped task whose bean outlived it) is replaced; failing to register or unregister is
 * logged, never fatal: metrics must not stop a task.
 */
public final class JmxRegistration implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(JmxRegistration.class);

    private final ObjectName name;

    private JmxRegistration(ObjectName name) {
        this.name = name;
    }

    /**
     * Registers {@code bean} as {@code domainAndKeys} ({@code io.hermesconnect:type=...,name=...}; quote values with
     * {@link ObjectName#quote}).
     */
    public static JmxRegistration register(Object bean, String domainAndKeys) {
        try {
            MBeanServer server = ManagementFactory.getPlatformMBeanServer();
            ObjectName name = ObjectName.getInstance(domainAndKeys);
            if (server.isRegistered(name)) {
                server.unregisterMBean(name);
            }
            server.registerMBean(bean, name);
            return new JmxRegistration(name);
        } catch (JMException e) {
            LOG.warn("Cannot register the JMX bean {}: {}", domainAndKeys, e.toString());
            return new JmxRegistration(null);
        }
    }

    /** The bean's name, or null when it could not be registered. */
    public ObjectName name() {
        return name;
    }

    /** Unregisters the bean. */
    @Override
    public void close() {
        if (name == null) {
            return;
        }
        try {
            ManagementFactory.getPlatformMBeanServer().unregisterMBean(name);
        } catch (JMException e) {
            LOG.debug("The JMX bean {} was already unregistered: {}", name, e.toString());
        }
    }
}
