package io.hermesconnect.quickstart;

import java.nio.file.Path;
import java.util.List;

/**
 * The program behind {@code ./quickstart}: a real local stack, every service its own process, all state under
 * {@code .quickstart/} of the repository (system property {@code quickstart.home}; {@code quickstart.state} moves
 * the state elsewhere):
 * <pre>
 *   KRaft broker      localhost:9092 (controller 9093)
 *   Connect worker    http://localhost:8083, plugin.path = the unpacked ZIP, plugin.discovery=service_load
 *   PostgreSQL 17     localhost:55432, wal_level=logical, database inventory, user hermes/hermes
 *   LDAP (UnboundID)  ldap://localhost:10389, dc=example,dc=org, bind cn=admin,dc=example,dc=org / secret
 *   HTTP endpoint     http://localhost:18080, records every request in .quickstart/run/http/requests.jsonl
 * </pre>
 * then the sample connectors of {@code packaging/quickstart/connectors/*.json}, created through the REST API.
 */
public final class Quickstart {

    static final String USAGE = """
            Usage:
              ./quickstart                   start in the foreground; Ctrl-C stops everything
              ./quickstart start --detach    start and return
              ./quickstart start --no-build  (with or without --detach) use the ZIP already built, even if sources changed
              ./quickstart stop              stop everything a previous start left running
              ./quickstart status            what runs, with pids and ports
            """;

    private Quickstart() {
    }

    public static void main(String[] args) {
        Path home = Path.of(System.getProperty("quickstart.home", "."));
        Path state = Path.of(System.getProperty("quickstart.state", home.resolve(".quickstart").toString()));
        System.exit(run(new QuickstartPaths(home, state), List.of(args)));
    }

    /** Runs one command and returns its exit code: 0 done, 1 failed, 2 bad usage. */
    static int run(QuickstartPaths paths, List<String> args) {
        Console console = new Console();
        String command = args.isEmpty() ? "start" : args.get(0);
        List<String> options = args.isEmpty() ? List.of() : args.subList(1, args.size());
        try {
            switch (command) {
                case "start":
                    if (!List.of("--detach", "-d", "--no-build").containsAll(options)) {
                        return usage();
                    }
                    return new StartCommand(paths, console, options.contains("--detach") || options.contains("-d"),
                            options.contains("--no-build")).run();
                case "stop":
                    return options.isEmpty() ? new StopCommand(paths, console).run() : usage();
                case "status":
                    return options.isEmpty() ? new StatusCommand(paths, console).run() : usage();
                case "help", "-h", "--help":
                    System.out.print(USAGE);
                    return 0;
                default:
                    return usage();
            }
        } catch (QuickstartException e) {
            System.err.println("quickstart: " + e.getMessage());
            e.log().ifPresent(log -> console.showTail(log, 25, paths.show(log)));
            return 1;
        }
    }

    private static int usage() {
        System.err.print(USAGE);
        return 2;
    }
}
