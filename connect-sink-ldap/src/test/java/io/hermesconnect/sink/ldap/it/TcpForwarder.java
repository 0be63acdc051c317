package io.hermesconnect.sink.ldap.it;

import io.hermesconnect.testkit.FreePort;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Forwards the TCP connections to a local port to a server, and can cut them, so that a test makes a server it cannot
 * stop (the shared Samba DC) unreachable for a while: {@link #stop} closes the port and every forwarded connection,
 * {@link #start} opens the same port again. TLS passes through untouched.
 */
final class TcpForwarder implements Closeable {

    private final String host;
    private final int serverPort;
    private final int port = FreePort.find();
    private final Set<Closeable> open = ConcurrentHashMap.newKeySet();
    private final ExecutorService threads = Executors.newCachedThreadPool();

    TcpForwarder(String host, int serverPort) {
        this.host = host;
        this.serverPort = serverPort;
        start();
    }

    /** The local port that forwards to the server. */
    int port() {
        return port;
    }

    /** Accepts connections on {@link #port} again. */
    synchronized void start() {
        try {
            ServerSocket socket = new ServerSocket();
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress("127.0.0.1", port));
            open.add(socket);
            threads.submit(() -> accept(socket));
        } catch (IOException e) {
            throw new UncheckedIOException("could not listen on port " + port, e);
        }
    }

    /** Refuses new connections and cuts the forwarded ones. */
    synchronized void stop() {
        open.forEach(TcpForwarder::closeQuietly);
        open.clear();
    }

    private void accept(ServerSocket socket) {
        while (!socket.isClosed()) {
            Socket client;
            try {
                client = socket.accept();
            } catch (IOException closed) {
                return; // stop() closed the listener
            }
            open.add(client);
            try {
                Socket server = new Socket(host, serverPort);
                open.add(server);
                threads.submit(() -> pipe(client, server));
                threads.submit(() -> pipe(server, client));
            } catch (IOException refused) {
                closeQuietly(client);
            }
        }
    }

    private static void pipe(Socket from, Socket to) {
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            in.transferTo(out);
        } catch (IOException cut) {
            // one side closed: close both below
        } finally {
            closeQuietly(from);
            closeQuietly(to);
        }
    }

    private static void closeQuietly(Closeable closeable) {
        try {
            closeable.close();
        } catch (IOException alreadyClosed) {
            // nothing left to release
        }
    }

    @Override
    public void close() {
        stop();
        threads.shutdownNow();
    }
}
