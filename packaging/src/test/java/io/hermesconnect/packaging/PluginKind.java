package io.hermesconnect.packaging;

import java.util.Optional;

/**
 * The plugin interfaces a Connect worker discovers through {@code META-INF/services} with
 * {@code plugin.discovery=service_load}, and how {@code GET /connector-plugins?connectorsOnly=false} names
 * each kind. Config providers, REST extensions and client config override policies are discovered too but
 * not listed by that endpoint: {@link #restType()} is empty for them.
 */
public enum PluginKind {
    SOURCE_CONNECTOR("org.apache.kafka.connect.source.SourceConnector", "source"),
    SINK_CONNECTOR("org.apache.kafka.connect.sink.SinkConnector", "sink"),
    CONVERTER("org.apache.kafka.connect.storage.Converter", "converter"),
    HEADER_CONVERTER("org.apache.kafka.connect.storage.HeaderConverter", "header_converter"),
    TRANSFORMATION("org.apache.kafka.connect.transforms.Transformation", "transformation"),
    PREDICATE("org.apache.kafka.connect.transforms.predicates.Predicate", "predicate"),
    CONFIG_PROVIDER("org.apache.kafka.common.config.provider.ConfigProvider", null),
    REST_EXTENSION("org.apache.kafka.connect.rest.ConnectRestExtension", null),
    CLIENT_CONFIG_OVERRIDE_POLICY("org.apache.kafka.connect.connector.policy.ConnectorClientConfigOverridePolicy", null);

    private final String serviceInterface;
    private final String restType;

    PluginKind(String serviceInterface, String restType) {
        this.serviceInterface = serviceInterface;
        this.restType = restType;
    }

    public String serviceInterface() {
        return serviceInterface;
    }

    /** {@code META-INF/services/<interface>}. */
    public String servicesFile() {
        return "META-INF/services/" + serviceInterface;
    }

    /** The {@code type} field of {@code /connector-plugins} entries of this kind, if that endpoint lists it. */
    public Optional<String> restType() {
        return Optional.ofNullable(restType);
    }
}
