package io.hermesconnect.quickstart;

import static org.assertj.core.api.Assertions.assertThat;

import io.hermesconnect.testkit.Wait;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServiceProcessesTest {

    @TempDir
    Path state;

    @Test
    void aPidWhoseProcessDoesNotNameTheStateFolderIsNotOursAndNeverSignalled() throws IOException {
        ServiceProcesses processes = new ServiceProcesses(new QuickstartPaths(state, state), new Console());
        processes.recordPid(Service.KAFKA, ProcessHandle.current().pid()); // e.g. a pid recycled since

        assertThat(processes.running(Service.KAFKA)).isEmpty();
        processes.stopAll(Duration.ofSeconds(5));

        assertThat(ProcessHandle.current().isAlive()).isTrue();
        assertThat(state.resolve("run/pids/kafka.pid")).doesNotExist();
    }

    @Test
    void launchedServicesRunInTheirOwnSessionAndStopAllStopsThem() throws IOException {
        QuickstartPaths paths = new QuickstartPaths(state, state);
        Files.createDirectories(paths.logs());
        ServiceProcesses processes = new ServiceProcesses(paths, new Console());
        // the state folder on the command line, as the marker puts it on a JVM's (argv[0] here)
        processes.launch(Service.LDAP, sleeper(paths.state().toString()));
        processes.launch(Service.CONNECT, sleeper(processes.marker()));

        // a service counts as running once bash has exec'd its command, a moment after the launch
        ProcessHandle ldap = Wait.until("the LDAP service running", Duration.ofSeconds(10),
                () -> processes.running(Service.LDAP), Optional::isPresent).orElseThrow();
        ProcessHandle connect = Wait.until("the Connect service running", Duration.ofSeconds(10),
                () -> processes.running(Service.CONNECT), Optional::isPresent).orElseThrow();
        assertThat(sessionId(ldap)).isEqualTo(ldap.pid());
        assertThat(processes.anyRunning()).isTrue();

        processes.stopAll(Duration.ofSeconds(30));

        assertThat(ldap.onExit()).succeedsWithin(Duration.ofSeconds(10));
        assertThat(connect.onExit()).succeedsWithin(Duration.ofSeconds(10));
        assertThat(processes.anyRunning()).isFalse();
        assertThat(paths.pids()).isEmptyDirectory();
    }

    /** {@code sleep 600} whose command line starts with {@code name}. */
    private static List<String> sleeper(String name) {
        return List.of("bash", "-c", "exec -a \"$0\" sleep 600", name);
    }

    /** The session id, field 6 of /proc/PID/stat. */
    private static long sessionId(ProcessHandle process) throws IOException {
        String stat = Files.readString(Path.of("/proc", Long.toString(process.pid()), "stat"));
        return Long.parseLong(stat.substring(stat.lastIndexOf(')') + 2).split(" ")[3]);
    }
}
