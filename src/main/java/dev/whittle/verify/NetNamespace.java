package dev.whittle.verify;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A fresh network namespace for one run ({@code ip netns add}, root only): the services and the image run in it
 * (through {@code nsenter --net}), so each run has its own loopback, ports nothing else holds, and the app reaches
 * its services on 127.0.0.1. Each port asked for is relayed from a host loopback port into the namespace's
 * loopback: every accepted connection is carried by {@code nsenter --net=NS bash} connecting to the port inside
 * (bash's /dev/tcp), so no address outside the loopback is ever configured or used.
 */
final class NetNamespace implements AutoCloseable {
    private final String name;
    private final Path path;
    private final List<ServerSocket> relays = new ArrayList<>();
    private final Cleanup.Handle undo;

    private NetNamespace(String name) {
        this.name = name;
        this.path = Path.of("/run/netns", name);
        this.undo = Cleanup.onStop(this::delete);
    }

    /** A new namespace with its loopback up, or null when this machine does not let whittle make one. */
    static NetNamespace create() {
        if (!"root".equals(System.getProperty("user.name"))) return null;
        String name = "whittle-" + UUID.randomUUID().toString().substring(0, 8);
        Exec.Result add = Exec.run(List.of("ip", "netns", "add", name), null, Duration.ofSeconds(20));
        if (!add.ok()) return null;
        NetNamespace ns = new NetNamespace(name);
        if (!Exec.run(List.of("ip", "-n", name, "link", "set", "lo", "up"), null, Duration.ofSeconds(20)).ok()
                || !Exec.run(List.of("nsenter", "--net=" + ns.path, "true"), null, Duration.ofSeconds(20)).ok()) {
            ns.close();
            return null;
        }
        return ns;
    }

    /** The command, run inside the namespace. */
    List<String> enter(List<String> command) {
        List<String> out = new ArrayList<>(List.of("nsenter", "--net=" + path));
        out.addAll(command);
        return out;
    }

    /** Relays 127.0.0.1:hostPort on the host to 127.0.0.1:port inside the namespace until closed. */
    void relay(int hostPort, int port) throws IOException {
        ServerSocket server = new ServerSocket(hostPort, 50, InetAddress.getLoopbackAddress());
        synchronized (relays) {
            relays.add(server);
        }
        Thread t = new Thread(() -> {
            while (!server.isClosed()) {
                try {
                    Socket client = server.accept();
                    carry(client, port);
                } catch (IOException e) {
                    return; // closed
                }
            }
        }, "whittle-relay-" + hostPort);
        t.setDaemon(true);
        t.start();
    }

    private void carry(Socket client, int port) {
        Process p;
        try {
            p = Exec.spawn(enter(List.of("bash", "-c",
                    "exec 3<>/dev/tcp/127.0.0.1/" + port + " 2>/dev/null || exit 1; cat <&3 & cat >&3; wait")));
        } catch (IOException e) {
            close(client);
            return;
        }
        Thread up = pump(() -> client.getInputStream(), p::getOutputStream, () -> {
            try {
                p.getOutputStream().close();
            } catch (IOException ignored) {
                // gone
            }
        });
        Thread down = pump(p::getInputStream, () -> client.getOutputStream(), () -> {
            close(client);
            p.destroy();
        });
        up.start();
        down.start();
    }

    private interface Source {
        InputStream get() throws IOException;
    }

    private interface Sink {
        OutputStream get() throws IOException;
    }

    private static Thread pump(Source from, Sink to, Runnable after) {
        Thread t = new Thread(() -> {
            byte[] buf = new byte[16384];
            try {
                InputStream in = from.get();
                OutputStream out = to.get();
                for (int n; (n = in.read(buf)) > 0; ) {
                    out.write(buf, 0, n);
                    out.flush();
                }
            } catch (IOException ignored) {
                // one side closed
            } finally {
                after.run();
            }
        }, "whittle-relay-pump");
        t.setDaemon(true);
        return t;
    }

    private static void close(Socket s) {
        try {
            s.close();
        } catch (IOException ignored) {
            // already closed
        }
    }

    private void delete() {
        synchronized (relays) {
            for (ServerSocket s : relays) {
                try {
                    s.close();
                } catch (IOException ignored) {
                    // already closed
                }
            }
            relays.clear();
        }
        Exec.run(List.of("ip", "netns", "del", name), null, Duration.ofSeconds(20));
        if (Files.exists(path)) Exec.run(List.of("ip", "netns", "del", name), null, Duration.ofSeconds(20));
    }

    @Override
    public void close() {
        undo.close();
    }
}
