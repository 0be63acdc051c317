package io.hermesconnect.quickstart;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.List;
import java.util.Locale;

/** The services of the local stack, each its own process, on fixed ports (the sample connectors name them). */
enum Service {
    KAFKA(9092, 9093),
    CONNECT(8083),
    POSTGRES(55432),
    LDAP(10389),
    HTTP(18080);

    private final List<Integer> ports;

    Service(Integer... ports) {
        this.ports = List.of(ports);
    }

    /** The first port: the one clients use. */
    int port() {
        return ports.get(0);
    }

    List<Integer> ports() {
        return ports;
    }

    /** The name in pid files, log files and messages. */
    String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Whether something accepts connections on {@code 127.0.0.1:port}. */
    static boolean isListening(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 1000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
