package io.hermesconnect.quickstart;

import com.unboundid.ldap.sdk.LDAPException;
import io.hermesconnect.testkit.connect.ConnectRestClient;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * {@code ./quickstart status}: each service's state, pid and ports, the connectors if the worker answers, and what
 * arrived in the directory and at the HTTP endpoint.
 */
final class StatusCommand {

    private static final int LAST_REQUESTS = 10;

    private final QuickstartPaths paths;
    private final ServiceProcesses processes;

    StatusCommand(QuickstartPaths paths, Console console) {
        this.paths = paths;
        this.processes = new ServiceProcesses(paths, console);
    }

    int run() {
        System.out.printf("%-9s %-9s %-8s %s%n", "SERVICE", "STATE", "PID", "ADDRESS");
        boolean any = false;
        for (Service service : Service.values()) {
            Optional<ProcessHandle> process = processes.running(service);
            any |= process.isPresent();
            String addresses = service.ports().stream()
                    .map(p -> "localhost:" + p + (Service.isListening(p) ? " (listening)" : " (closed)"))
                    .collect(Collectors.joining(" "));
            System.out.printf("%-9s %-9s %-8s %s%n", service.id(), process.isPresent() ? "running" : "stopped",
                    process.map(p -> Long.toString(p.pid())).orElse("-"), addresses);
        }
        if (any) {
            try {
                System.out.println("Connectors: " + String.join(" ",
                        new ConnectRestClient(StartCommand.CONNECT_URL).connectors()));
            } catch (RuntimeException | AssertionError e) {
                System.out.println("Connectors: (the Connect REST API does not answer)");
            }
            showTargets();
            System.out.println("Logs: " + paths.show(paths.logs()) + "/");
        }
        return 0;
    }

    /** What the sample sinks delivered so far: the directory's users and groups, the endpoint's requests. */
    private void showTargets() {
        if (processes.running(Service.LDAP).isPresent()) {
            try {
                System.out.println("Directory users (" + ArrivedInTargets.PEOPLE + "):");
                System.out.println(ArrivedInTargets.show(ArrivedInTargets.directoryEntries(ArrivedInTargets.PEOPLE)));
                System.out.println("Directory groups (" + ArrivedInTargets.GROUPS + "):");
                System.out.println(ArrivedInTargets.show(ArrivedInTargets.directoryEntries(ArrivedInTargets.GROUPS)));
            } catch (LDAPException e) {
                System.out.println("    (the directory does not answer: " + e.getMessage() + ")");
            }
        }
        if (processes.running(Service.HTTP).isPresent()) {
            try {
                List<String> requests = ArrivedInTargets.httpRequests();
                System.out.println("HTTP endpoint requests (" + requests.size() + ", the last " + LAST_REQUESTS + "):");
                System.out.println(ArrivedInTargets.show(
                        requests.subList(Math.max(0, requests.size() - LAST_REQUESTS), requests.size())));
            } catch (IOException e) {
                System.out.println("    (the HTTP endpoint does not answer: " + e.getMessage() + ")");
            }
        }
    }
}
