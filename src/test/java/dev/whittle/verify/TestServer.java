package dev.whittle.verify;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * A small HTTP/1.1 server on the loopback standing in for an app in an image, with the habits of real ones:
 * it may be slow to start, refuse to answer an HTTP/2 upgrade (a WebSocket upgrade handler takes the request
 * and never answers), keep its port after it is stopped (a server without SO_REUSEADDR whose connections
 * linger), and answer JSON with a field that changes on every request.
 */
final class TestServer implements Engine.App {
    /** Sockets of servers that hold their port, closed by {@link #releaseAll()} at the end of a test. */
    private static final List<ServerSocket> HELD = new ArrayList<>();

    /** What kind of app to be. */
    static final class Habits {
        long startDelayMillis;
        boolean rejectsUpgrade;
        boolean holdsPort;
        int status = 200;
        Supplier<String> body = () -> "ok";

        Habits delay(long ms) {
            startDelayMillis = ms;
            return this;
        }

        Habits rejectsUpgrade() {
            rejectsUpgrade = true;
            return this;
        }

        Habits holdsPort() {
            holdsPort = true;
            return this;
        }

        Habits status(int s) {
            status = s;
            return this;
        }

        Habits body(Supplier<String> b) {
            body = b;
            return this;
        }

        Habits body(String b) {
            return body(() -> b);
        }
    }

    private final Habits habits;
    private final StringBuilder log = new StringBuilder();
    private volatile ServerSocket server;
    private volatile boolean dead;
    private volatile boolean stopped;
    final List<String> requests = new ArrayList<>();

    private TestServer(Habits habits) {
        this.habits = habits;
    }

    /** Starts listening on 127.0.0.1:port after the start delay. */
    static TestServer start(Habits habits, int port) {
        TestServer s = new TestServer(habits);
        Thread t = new Thread(() -> s.serve(port), "test-server-" + port);
        t.setDaemon(true);
        t.start();
        return s;
    }

    private void serve(int port) {
        try {
            Thread.sleep(habits.startDelayMillis);
            ServerSocket ss = new ServerSocket();
            ss.setReuseAddress(false);
            ss.bind(new java.net.InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            server = ss;
            if (habits.holdsPort) {
                synchronized (HELD) {
                    HELD.add(ss);
                }
            }
            while (!stopped) {
                Socket c = ss.accept();
                if (stopped) {
                    c.close();
                    break;
                }
                Thread h = new Thread(() -> handle(c), "test-server-conn");
                h.setDaemon(true);
                h.start();
            }
        } catch (IOException e) {
            synchronized (log) {
                log.append("listen ").append(port).append(": ").append(e.getMessage()).append('\n');
            }
            dead = true;
        } catch (InterruptedException e) {
            dead = true;
        }
    }

    private void handle(Socket c) {
        try (c) {
            BufferedReader in = new BufferedReader(new InputStreamReader(c.getInputStream(), StandardCharsets.ISO_8859_1));
            OutputStream out = c.getOutputStream();
            while (true) {
                String first = in.readLine();
                if (first == null || first.isEmpty()) return;
                boolean upgrade = false;
                for (String h; (h = in.readLine()) != null && !h.isEmpty(); ) {
                    if (h.toLowerCase(Locale.ROOT).startsWith("upgrade:")) upgrade = true;
                }
                synchronized (requests) {
                    requests.add(first);
                }
                if (upgrade && habits.rejectsUpgrade) {
                    Thread.sleep(60_000); // taken by an upgrade handler that never answers
                    return;
                }
                byte[] body = habits.body.get().getBytes(StandardCharsets.UTF_8);
                out.write(("HTTP/1.1 " + habits.status + " X\r\nContent-Type: text/plain\r\nContent-Length: " + body.length + "\r\n\r\n")
                        .getBytes(StandardCharsets.ISO_8859_1));
                out.write(body);
                out.flush();
            }
        } catch (IOException | InterruptedException ignored) {
            // the client went away
        }
    }

    @Override
    public boolean alive() {
        return !dead && !stopped;
    }

    @Override
    public String log() {
        synchronized (log) {
            return log.toString();
        }
    }

    /** Stops serving; a server that holds its port keeps it bound. */
    @Override
    public void close() {
        stopped = true;
        ServerSocket s = server;
        if (s != null && !habits.holdsPort) {
            try {
                s.close();
            } catch (IOException ignored) {
                // closed
            }
        }
    }

    static void releaseAll() {
        synchronized (HELD) {
            for (ServerSocket s : HELD) {
                try {
                    s.close();
                } catch (IOException ignored) {
                    // closed
                }
            }
            HELD.clear();
        }
    }
}
