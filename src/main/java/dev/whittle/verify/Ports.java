package dev.whittle.verify;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Host ports on the loopback: a fresh free one for each run, and waiting until a service accepts. */
final class Ports {
    private Ports() {}

    /** A port nothing listens on now (the kernel's choice, so two runs never get a lingering one). */
    static int free() {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port on the loopback", e);
        }
    }

    /** Whether something holds the port (it cannot be bound on all addresses now). */
    static boolean busy(int port) {
        try (ServerSocket s = new ServerSocket()) {
            s.setReuseAddress(false);
            s.bind(new InetSocketAddress(port));
            return false;
        } catch (IOException e) {
            return true;
        }
    }

    /**
     * Waits until something accepts on 127.0.0.1:port and keeps the connection open a moment (a relay or a
     * docker proxy that accepts and closes at once because nothing listens behind it does not count).
     */
    static boolean accepting(int port, Duration limit, BooleanSupplier alive) {
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < deadline && alive.getAsBoolean()) {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1000);
                s.setSoTimeout(300);
                InputStream in = s.getInputStream();
                try {
                    if (in.read() >= 0) return true; // it greets (mysql, smtp)
                } catch (java.net.SocketTimeoutException quiet) {
                    return true; // it waits for the client to speak (postgres, redis, http)
                }
            } catch (IOException e) {
                // not yet
            }
            Http.sleep(250);
        }
        return false;
    }
}
