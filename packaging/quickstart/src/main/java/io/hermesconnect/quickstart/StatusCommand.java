package io.hermesconnect.quickstart;

import io.hermesconnect.testkit.connect.ConnectRestClient;
import java.util.Optional;
import java.util.stream.Collectors;

/** {@code ./quickstart status}: each service's state, pid and ports, and the connectors if the worker answers. */
final class StatusCommand {

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
            System.out.println("Logs: " + paths.show(paths.logs()) + "/");
        }
        return 0;
    }
}
