package io.hermesconnect.quickstart;

import io.hermesconnect.testkit.Wait;
import io.hermesconnect.testkit.connect.ConnectRestClient;
import io.hermesconnect.testkit.connect.RestResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The sample connectors: one per {@code packaging/quickstart/connectors/*.json} (a creation request, name and
 * config), in file-name order. Adding a sample is adding its file.
 */
final class SampleConnectors {

    private static final Duration TIMEOUT = Duration.ofSeconds(90);

    private final QuickstartPaths paths;
    private final ConnectRestClient rest;
    private final Console console;

    SampleConnectors(QuickstartPaths paths, ConnectRestClient rest, Console console) {
        this.paths = paths;
        this.rest = rest;
        this.console = console;
    }

    /** What {@link #create} made: the names of the connectors created, and whether all of them run. */
    record Outcome(List<String> created, boolean allRunning) {
    }

    /** POSTs each file (retrying while the worker joins its group), then waits until each connector runs. */
    Outcome create() {
        List<Path> files = files();
        if (files.isEmpty()) {
            console.say("no sample connectors to create (packaging/quickstart/connectors/*.json)");
            return new Outcome(List.of(), true);
        }
        List<String> created = new ArrayList<>();
        boolean allRunning = true;
        for (Path file : files) {
            RestResponse response = post(file);
            if (response.isSuccess()) {
                String name = response.json().path("name").asText();
                created.add(name);
                console.say("created connector " + name + " from " + paths.show(file));
            } else {
                allRunning = false;
                console.warn("creating the connector of " + paths.show(file) + " failed: HTTP " + response.status()
                        + " " + response.body());
            }
        }
        for (String name : created) {
            try {
                rest.awaitRunning(name, 1, TIMEOUT);
                console.say("connector " + name + " is RUNNING");
            } catch (AssertionError e) { // FAILED (with its trace) or not running in time
                allRunning = false;
                console.warn(e.getMessage());
            }
        }
        return new Outcome(List.copyOf(created), allRunning);
    }

    private List<Path> files() {
        try (Stream<Path> files = Files.list(paths.source().resolve("connectors"))) {
            return files.filter(f -> f.getFileName().toString().endsWith(".json")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the sample connectors", e);
        }
    }

    /** 409 (rebalancing), 5xx and no answer are retried until the deadline; any other answer is final. */
    private RestResponse post(Path file) {
        String body;
        try {
            body = Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        try {
            return Wait.until("the worker to accept " + paths.show(file), TIMEOUT,
                    () -> rest.request("POST", "connectors", body), r -> r.status() != 409 && r.status() < 500);
        } catch (AssertionError e) {
            return rest.request("POST", "connectors", body);
        }
    }
}
