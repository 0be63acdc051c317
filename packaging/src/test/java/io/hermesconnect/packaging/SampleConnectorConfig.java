package io.hermesconnect.packaging;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * The {@code config} of a sample connector the ZIP ships in {@code etc/} (the quickstart's samples), for a test to
 * point at its own servers: what the test does not override is what a user gets.
 */
final class SampleConnectorConfig {

    private static final ObjectMapper JSON = new ObjectMapper();

    private SampleConnectorConfig() {
    }

    /** A mutable copy of {@code etc/<file>}'s {@code config} object in the unpacked component folder. */
    static Map<String, String> read(PluginZipFixture zip, String file) {
        Path sample = zip.componentDir().resolve("etc").resolve(file);
        try {
            JsonNode config = JSON.readTree(sample.toFile()).path("config");
            Map<String, String> values = new HashMap<>();
            config.properties().forEach(field -> values.put(field.getKey(), field.getValue().asText()));
            if (values.isEmpty()) {
                throw new IllegalStateException(sample + " has no config object");
            }
            return values;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the sample " + sample, e);
        }
    }
}
